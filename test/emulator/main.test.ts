import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/bin.js';

/** Runs the built emulator (`npm run emulator -- ARGS`) and collects what it prints and its exit code. */
function emulator(
  args: readonly string[],
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'emulator', 'main.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`emulator ${args.join(' ')} did not exit`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('emulator command line', () => {
  it.each([['abc'], ['65536'], ['-1'], ['80abc'], ['1e3'], ['']])(
    '--port=%p is a one-line usage error, exit 2, before anything starts',
    async (port) => {
      const r = await emulator([`--port=${port}`]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe(
        `emulator: --port must be a whole number from 0 to 65535, not ${JSON.stringify(port)} (usage: npm run emulator -- [--port N])\n`,
      );
    },
    40_000,
  );

  it.each([[['--port', 'abc']], [['--port', '-1']], [['--port']]])(
    '%j is a one-line usage error, exit 2',
    async (args) => {
      const r = await emulator(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(
        /^emulator: --port must be a whole number from 0 to 65535, not .+ \(usage: npm run emulator -- \[--port N\]\)\n$/,
      );
    },
    40_000,
  );

  it('an unknown flag is a one-line usage error, exit 2', async () => {
    const r = await emulator(['--prot', '80']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^emulator: unknown option --prot \(usage: npm run emulator -- \[--port N\]\)\n$/,
    );
  }, 40_000);
});
