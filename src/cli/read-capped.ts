import { open } from 'node:fs/promises';

/**
 * Reads at most `cap` bytes of a file; null when it holds more. Never reads past `cap + 1`, so an
 * endless or huge file (`/dev/zero`, a disk image given by mistake) costs no more than that.
 * Errors (ENOENT, EISDIR, …) are thrown as `open` and `read` raise them.
 */
export async function readFileCapped(path: string, cap: number): Promise<Buffer | null> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(cap + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled > cap ? null : buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
