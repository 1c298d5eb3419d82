import type { CliConfig } from '../../src/config.js';
import { runCliCaptured, type CliResult } from './cli.js';

/** Runs `authhelp check` in-process with captured streams and the given stdin. */
export function runCheckCli(
  argv: readonly string[],
  config: Partial<CliConfig> = {},
  stdin: string | null = null,
): Promise<CliResult> {
  return runCliCaptured(['check', ...argv], { stdin, config });
}
