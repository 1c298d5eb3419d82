import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from '../../../src/config.js';
import { until } from '../../adapters/store/backends.js';
import { SIGNING_SECRET } from './signed.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The command the README gives for a deploy: node on the built entry point, no npm in between. */
export const DEPLOY_COMMAND = [process.execPath, join(ROOT, 'dist/main.js')] as const;

export interface AppProcess {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Every line it wrote to stdout and stderr. */
  readonly lines: string[];
  readonly url: string;
  /** Resolves with the exit code (or the signal that ended it). */
  readonly exited: Promise<number | NodeJS.Signals>;
}

/** The store settings as the environment a deploy would set. */
export function storeEnv(config: StoreConfig): Record<string, string> {
  return config.databaseUrl === undefined
    ? { AUTHHELP_DATA_DIR: config.dataDir }
    : { DATABASE_URL: config.databaseUrl, AUTHHELP_DATABASE_SCHEMA: config.databaseSchema };
}

/**
 * Starts the Slack app as a real process (the deploy command) against a stand-in Slack, and waits
 * until it listens. `env` adds to a minimal environment: nothing of this test process leaks in.
 */
export async function startAppProcess(
  apiUrl: string,
  env: Record<string, string>,
  command: readonly string[] = DEPLOY_COMMAND,
): Promise<AppProcess> {
  const [file, ...args] = command;
  const proc = spawn(file!, args, {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  const lines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      rest += chunk.toString();
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.filter((l) => l !== ''));
    });
  };
  collect(proc.stdout);
  collect(proc.stderr);
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    proc.once('exit', (code, signal) => {
      resolve(code ?? signal ?? -1);
    }),
  );
  let port: number | undefined;
  await until(
    () => {
      if (proc.exitCode !== null) throw new Error(`app exited early:\n${lines.join('\n')}`);
      const running = lines.find((l) => l.includes('authhelp Slack app running'));
      if (running !== undefined) port = (JSON.parse(running) as { port: number }).port;
      return port !== undefined;
    },
    'the app to listen',
    // Start-up is under a second on an idle machine; far longer while the whole suite runs.
    60_000,
  );
  return { proc, lines, url: `http://127.0.0.1:${String(port)}`, exited };
}
