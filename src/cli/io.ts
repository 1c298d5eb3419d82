import { printable } from './render/terminal.js';

/** What a command may touch: injected so tests can run commands in-process. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  /** Reads all of standard input, at most `limit` bytes (the rest is discarded and reported). */
  readStdin(limit: number): Promise<{ text: string; truncated: boolean; isTty: boolean }>;
  /** Standard input line by line, for batch modes. */
  stdinLines(): AsyncIterable<string>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function writeLine(stream: { write(chunk: string): unknown }, line = ''): void {
  stream.write(`${line}\n`);
}

/**
 * Text on one line, cut short, for error messages; they often echo an argument, so every control
 * character left is shown escaped rather than sent to the terminal.
 */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return printable(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
