import { createLogger } from '../../src/adapters/logger.js';
import { createCheckRunner, type CheckRunnerOptions } from '../../src/adapters/http/runner.js';
import { createDemoSetup, type DemoSetup } from '../../src/emulator/demo.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import type { EmulatorConfig } from '../../src/emulator/types.js';

export interface Harness {
  readonly emulator: RunningEmulator;
  readonly demo: DemoSetup;
  readonly logLines: string[];
  readonly run: ReturnType<typeof createCheckRunner>;
}

/** Captures log lines as text so tests can search them for secrets. */
export function captureLogger(lines: string[]) {
  return createLogger({
    level: 'debug',
    destination: { write: (s: string) => void lines.push(s) },
  });
}

export async function startHarness(
  options: Partial<CheckRunnerOptions> & { config?: (demo: DemoSetup) => EmulatorConfig } = {},
): Promise<Harness> {
  const demo = await createDemoSetup();
  const emulator = await startEmulator({ config: options.config?.(demo) ?? demo.config });
  const logLines: string[] = [];
  const run = createCheckRunner({
    policy: { allowLocalTargets: true },
    logger: captureLogger(logLines),
    ...options,
  });
  return { emulator, demo, logLines, run };
}

export function ids(outcome: { findings: readonly { id: string | null }[] }): (string | null)[] {
  return outcome.findings.map((f) => f.id);
}
