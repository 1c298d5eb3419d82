import { afterAll, describe, expect, it } from '@jest/globals';
import {
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  mkdtempSync,
} from 'node:fs';
import { chmodSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshTokenFile } from '../../../src/cli/commands/refresh-token-file.js';

const dir = mkdtempSync(join(tmpdir(), 'authhelp-rt-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Everything a descriptor opened earlier reads now, from the start. */
function readThrough(fd: number): string {
  const buf = Buffer.alloc(4096);
  const n = readSync(fd, buf, 0, buf.length, 0);
  return buf.subarray(0, n).toString('utf8');
}

describe('--save-refresh-token FILE', () => {
  it('never puts the new token in the world-readable file someone already has open', async () => {
    const file = join(dir, 'shared.txt');
    writeFileSync(file, 'old-token\n');
    chmodSync(file, 0o644);
    // Another user opened the file while it was readable; permissions are checked only at open.
    const other = openSync(file, 'r');
    try {
      const f = await refreshTokenFile(file);
      f.keep('new-token-value-xyz');
      expect(await f.save()).toBe(
        `authhelp: the new refresh token was written to "${file}" (mode 0600)`,
      );
      expect(readThrough(other)).not.toContain('new-token-value-xyz');
    } finally {
      closeSync(other);
    }
    expect(readFileSync(file, 'utf8')).toBe('new-token-value-xyz\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['shared.txt']);
  });

  it('a new file is created 0600 and nothing else is left in the directory', async () => {
    const sub = mkdtempSync(join(dir, 'new-'));
    const file = join(sub, 'rt');
    const f = await refreshTokenFile(file);
    f.keep('fresh');
    await f.save();
    expect(readFileSync(file, 'utf8')).toBe('fresh\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(sub)).toEqual(['rt']);
  });

  it('writes through a symlink to the file it names, as before', async () => {
    const sub = mkdtempSync(join(dir, 'link-'));
    const target = join(sub, 'real');
    writeFileSync(target, 'old\n', { mode: 0o644 });
    chmodSync(target, 0o644);
    symlinkSync(target, join(sub, 'link'));
    const f = await refreshTokenFile(join(sub, 'link'));
    f.keep('via-link');
    await f.save();
    expect(readFileSync(target, 'utf8')).toBe('via-link\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(sub).sort()).toEqual(['link', 'real']);
  });

  it('no new token: the file is not changed', async () => {
    const file = join(dir, 'kept.txt');
    writeFileSync(file, 'current\n');
    const f = await refreshTokenFile(file);
    expect(await f.save()).toMatch(/did not issue a new refresh token; .* was not changed/);
    expect(readFileSync(file, 'utf8')).toBe('current\n');
  });
});
