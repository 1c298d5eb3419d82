import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Browser } from '../support/browser.js';
import { OAUTH_APP } from '../support/slack-oauth.js';
import { SlackStandIn } from '../support/stand-in.js';

// `npm start` runs dist/main.js; npm test builds it first.
const MAIN = 'dist/main.js';
const built = existsSync(MAIN);

const INSTALL_ENV = {
  SLACK_SIGNING_SECRET: 'signing-secret-for-start-up',
  SLACK_CLIENT_ID: OAUTH_APP.clientId,
  SLACK_CLIENT_SECRET: OAUTH_APP.clientSecret,
  SLACK_STATE_SECRET: OAUTH_APP.stateSecret,
};

/** The app's environment: only what a test gives, plus PATH (no SLACK_* leaking in from the shell). */
function envOf(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], LOG_LEVEL: 'info', ...extra };
}

/** Runs the app until it exits; its output is JSON lines. */
function run(env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { env: envOf(env) });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      resolve({ code, lines: out.split('\n').filter((l) => l !== '') });
    });
  });
}

/** The one line a configuration mistake stops start-up with. */
function oneError(lines: string[]): string {
  expect(lines).toHaveLength(1);
  const line = JSON.parse(lines[0]!) as { level: number; msg: string };
  expect(line.level).toBe(50);
  return line.msg;
}

(built ? describe : describe.skip)('npm start installing into many workspaces', () => {
  it('stops with one line naming AUTHHELP_ENCRYPTION_KEY when it is missing', async () => {
    const { code, lines } = await run(INSTALL_ENV);
    expect(code).toBe(1);
    expect(oneError(lines)).toMatch(/^authhelp: AUTHHELP_ENCRYPTION_KEY is not set: /);
  });

  it('stops with one line when both SLACK_BOT_TOKEN and the install variables are set', async () => {
    const { code, lines } = await run({
      ...INSTALL_ENV,
      SLACK_BOT_TOKEN: 'xoxb-also-set',
      AUTHHELP_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
    });
    expect(code).toBe(1);
    expect(oneError(lines)).toMatch(/^authhelp: SLACK_BOT_TOKEN and SLACK_CLIENT_ID, /);
    expect(lines.join('')).not.toContain(OAUTH_APP.clientSecret);
  });

  describe('with a key', () => {
    let dataDir: string;
    let standIn: SlackStandIn;
    let child: ChildProcess;
    let url: string;
    const out: string[] = [];

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'authhelp-start-'));
      standIn = await SlackStandIn.start();
      const port = await freePort();
      url = `http://127.0.0.1:${String(port)}`;
      child = spawn(process.execPath, [MAIN], {
        env: envOf({
          ...INSTALL_ENV,
          AUTHHELP_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
          AUTHHELP_DATA_DIR: dataDir,
          SLACK_API_URL: standIn.apiUrl,
          PORT: String(port),
        }),
      });
      child.stdout?.on('data', (d: Buffer) => out.push(d.toString()));
      await until(() => out.join('').includes('authhelp Slack app running'), 20_000);
    });
    afterAll(async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('close', r));
      await standIn.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('says it runs for many workspaces on the embedded store', () => {
      const line = out
        .join('')
        .split('\n')
        .find((l) => l.includes('authhelp Slack app running'));
      expect(JSON.parse(line!)).toMatchObject({ workspaces: 'many' });
      expect(out.join('')).toMatch(/"backend":"sqlite".*"store open"/);
    });

    it('is ready without a bot token: readiness is the store alone', async () => {
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(200);
    });

    it('sends /slack/install to the authorize page of the Slack that SLACK_API_URL names', async () => {
      const hop = await new Browser().get(`${url}/slack/install`);
      expect(hop.status).toBe(302);
      const to = new URL(hop.location!);
      expect(`${to.origin}${to.pathname}`).toBe(`${standIn.origin}/oauth/v2/authorize`);
      expect(to.searchParams.get('client_id')).toBe(OAUTH_APP.clientId);
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the app to start');
    await new Promise((r) => setTimeout(r, 50));
  }
}
