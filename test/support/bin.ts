import { expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Jest 29's ESM runtime has import.meta.url but not import.meta.dirname.
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built command line, as `npx authhelp` runs it. */
export const MAIN = join(ROOT, 'dist', 'bin', 'authhelp.cjs');

/** How long one process may take before the test fails instead of hanging. */
// Seconds on an idle machine; the whole suite on two shared cores can take several times that.
export const PROCESS_LIMIT_MS = 60_000;

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface RunOptions {
  /** Bytes for stdin; stdin is closed empty when absent. */
  readonly stdin?: string | Buffer;
  readonly env?: Readonly<Record<string, string>>;
  /** Called with each stdout chunk and the child's stdout, e.g. to close it early. */
  readonly onStdout?: (chunk: string, stdout: NodeJS.ReadableStream & { destroy(): void }) => void;
  /** Fails the run after this long instead of hanging; PROCESS_LIMIT_MS unless given. */
  readonly limitMs?: number;
}

/** Runs `node dist/bin/authhelp.cjs ARGS` (the installed bin) and collects its exit code and output. */
export function cli(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // setup-env.ts already removed AUTHHELP_* and SLACK_* from process.env.
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk, child.stdout);
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    // The child may exit before it reads all of stdin (a usage error, a closed pipe).
    child.stdin.on('error', () => undefined);
    const limitMs = options.limitMs ?? PROCESS_LIMIT_MS;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`authhelp ${args.join(' ')} took longer than ${limitMs} ms`));
    }, limitMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** A stack trace printed by Node has indented `at …` lines. */
export function expectNoStack(run: Run): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/node:internal|Error: .*\n\s+at|UnhandledPromiseRejection/);
}
