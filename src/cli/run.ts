import { isAuthHelpError } from '../core/errors.js';
import { COMMANDS } from './commands/index.js';
import type { CommandContext } from './context.js';
import { oneLine, UsageError, writeLine } from './io.js';
import { printableLines } from './render/terminal.js';

const EXIT_OK = 0;
const EXIT_FAIL = 1;
const EXIT_USAGE = 2;

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    writeLine(ctx.io.stdout, await usage());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    writeLine(ctx.io.stdout, 'authhelp 0.1.0');
    return EXIT_OK;
  }
  const ref = COMMANDS.find((c) => c.name === name);
  if (ref === undefined) {
    writeLine(ctx.io.stderr, `authhelp: unknown command "${oneLine(name)}" (try: authhelp help)`);
    return EXIT_USAGE;
  }
  const command = await ref.load();
  try {
    return await command.run(rest, ctx);
  } catch (err) {
    return reportError(err, command.usage, ctx);
  }
}

function reportError(err: unknown, commandUsage: string, ctx: CommandContext): number {
  if (err instanceof UsageError) {
    writeLine(ctx.io.stderr, `authhelp: ${oneLine(err.message)}`);
    writeLine(ctx.io.stderr, `usage: ${commandUsage}`);
    return EXIT_USAGE;
  }
  if (isAuthHelpError(err)) {
    const code = err.code === 'USAGE' || err.code === 'UNKNOWN_ENTRY' ? EXIT_USAGE : EXIT_FAIL;
    writeLine(ctx.io.stderr, `authhelp: ${printableLines(err.message)}`);
    return code;
  }
  const message = err instanceof Error ? err.message : String(err);
  writeLine(ctx.io.stderr, `authhelp: internal error: ${oneLine(message)}`);
  return EXIT_FAIL;
}

/** Loads every command for its summary: only `authhelp help` pays for that. */
async function usage(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: authhelp <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'Run `authhelp <command> --help` for details.',
  ].join('\n');
}
