import { DEFAULT_KNOWLEDGE_DIR, loadCatalogue } from '../../src/adapters/catalogue-files.js';
import type { CommandContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/run.js';
import { loadStoreConfig, type CliConfig } from '../../src/config.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  /** Piped stdin; null means an interactive terminal with nothing piped. */
  readonly stdin?: string | null;
  readonly config?: Partial<CliConfig>;
  /** The command clock; the real clock unless given. */
  readonly now?: () => Date;
  /** Environment the store config is read from (`authhelp migrate`). */
  readonly storeEnv?: Readonly<Record<string, string>>;
}

/** Runs the CLI in-process with captured streams, the given stdin and the shipped catalogue. */
export async function runCliCaptured(
  argv: readonly string[],
  { stdin = null, config = {}, now = () => new Date(), storeEnv = {} }: CliRunOptions = {},
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
      targetPolicy: { allowLocalTargets: true },
      clientSecret: undefined,
      refreshToken: undefined,
      ...config,
    },
    knowledgeDir: DEFAULT_KNOWLEDGE_DIR,
    now,
    loadCatalogue: () => loadCatalogue(),
    loadDiagnoser: () => Promise.reject(new Error('not used')),
    loadStoreConfig: () => Promise.resolve().then(() => loadStoreConfig(storeEnv)),
  };
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}
