import type { CliIo } from './io.js';

/** Reads process stdin up to a byte limit; bytes past it are drained and dropped, not buffered. */
export function processStdin(): CliIo['readStdin'] {
  return async (limit: number) => {
    const stdin = process.stdin;
    const isTty = stdin.isTTY;
    if (isTty) return { text: '', truncated: false, isTty: true };
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of stdin as AsyncIterable<Buffer>) {
      if (size >= limit) {
        truncated = true;
        continue;
      }
      const room = limit - size;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      if (part.length < chunk.length) truncated = true;
      chunks.push(part);
      size += part.length;
    }
    return { text: Buffer.concat(chunks).toString('utf8'), truncated, isTty: false };
  };
}

export async function* processStdinLines(): AsyncIterable<string> {
  // Loaded here: only batch mode reads lines, and a one-shot diagnose should not pay for readline.
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}
