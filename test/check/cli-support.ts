import { DEFAULT_KNOWLEDGE_DIR, loadCatalogue } from '../../src/adapters/catalogue-files.js';
import type { CommandContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/run.js';
import type { CliConfig } from '../../src/config.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured streams and the given stdin. */
export async function runCheckCli(
  argv: readonly string[],
  config: Partial<CliConfig> = {},
  stdin: string | null = null,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = {
    io: {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      readStdin: () =>
        Promise.resolve({ text: stdin ?? '', truncated: false, isTty: stdin === null }),
      stdinLines: async function* () {
        // No batch input in these tests.
      },
    },
    config: {
      knowledgeDir: undefined,
      allowLocalTargets: true,
      clientSecret: undefined,
      refreshToken: undefined,
      ...config,
    },
    knowledgeDir: DEFAULT_KNOWLEDGE_DIR,
    now: () => new Date(),
    loadCatalogue: () => loadCatalogue(),
    loadDiagnoser: () => Promise.reject(new Error('not used')),
  };
  const code = await runCli(['check', ...argv], ctx);
  return { code, stdout, stderr };
}
