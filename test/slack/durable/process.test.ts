import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backendNames, createBackend, until, type Backend } from '../../adapters/store/backends.js';
import {
  DEPLOY_COMMAND,
  startAppProcess,
  storeEnv,
  type AppProcess,
} from '../support/app-process.js';
import { commandBody } from '../support/payloads.js';
import { sendSigned } from '../support/signed.js';
import { SlackStandIn } from '../support/stand-in.js';

// The app as a deploy runs it (`node dist/main.js`, a real process) holding acked work while Slack
// is away: killed with SIGKILL, or stopped with SIGTERM. Every reply still arrives, from the
// restarted process or another one. Against every store back end.

const names = await backendNames();
const FORM = 'application/x-www-form-urlencoded';
const N = 20;
/**
 * Two app processes start (each up to 60 s on a loaded machine) and replies may wait 30 s: a test
 * cut short leaves its processes sending into the next one, so the bound is generous.
 */
const PROCESS_TEST_MS = 180_000;

describe.each(names)('an instance with acked work (%s)', (name) => {
  let backend: Backend;
  let standIn: SlackStandIn;
  const running: AppProcess[] = [];
  beforeAll(async () => {
    backend = await createBackend(name);
    standIn = await SlackStandIn.start();
  });
  afterAll(async () => {
    for (const p of running) p.proc.kill('SIGKILL');
    await standIn.close();
    await backend.cleanup();
  });

  const start = async (
    extra: Record<string, string> = {},
    command: readonly string[] = DEPLOY_COMMAND,
  ) => {
    const p = await startAppProcess(
      standIn.apiUrl,
      {
        ...storeEnv(backend.config([])),
        ...extra,
      },
      command,
    );
    running.push(p);
    return p;
  };

  /** N commands, each acked: from then on the app owes N replies. */
  const owe = async (app: AppProcess): Promise<string[]> => {
    const urls = Array.from({ length: N }, () => standIn.responseUrl());
    const acks = await Promise.all(
      urls.map((u) =>
        sendSigned(
          `${app.url}/slack/events`,
          commandBody('Login Audit Trail detail: TokenRejected', { responseUrl: u }),
          FORM,
        ),
      ),
    );
    expect(acks.map((a) => a.status)).toEqual(Array(N).fill(200));
    return urls.map((u) => new URL(u).pathname);
  };

  /** Every path answered exactly once (replies sent after the stand-in's calls of earlier tests). */
  const deliveredOnce = async (paths: string[]) => {
    await standIn.waitFor(() => paths.every((p) => standIn.answeredUrls().has(p)), 30_000);
    await standIn.settle(300);
    for (const p of paths)
      expect(standIn.responses().filter((c) => c.method === p && c.status === 200)).toHaveLength(1);
  };

  it(
    'kill -9 with acked work: the restarted (or another) instance delivers every reply',
    async () => {
      standIn.outage = true;
      // A crashed instance's replies are taken over once their lease ends: short here, with tries
      // cut at half of it (the configuration refuses a lease a try could outlive).
      const lease = { AUTHHELP_JOB_LEASE_MS: '2000', AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS: '1000' };
      const first = await start(lease);
      const paths = await owe(first);
      first.proc.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      const second = await start(lease);
      standIn.outage = false;
      await deliveredOnce(paths);
      second.proc.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    },
    PROCESS_TEST_MS,
  );

  const underWay = (paths: readonly string[]) =>
    standIn.responses().some((c) => paths.includes(c.method));

  /** SIGTERM, then the exit code, how long it took and its "stopped" line. */
  const terminate = async (app: AppProcess) => {
    const signalled = Date.now();
    app.proc.kill('SIGTERM');
    const code = await app.exited;
    const stopped = app.lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => String(l['msg']).startsWith('stopped'));
    return { code, ms: Date.now() - signalled, stopped };
  };

  // Directly, and from a wrapper script that execs node as the README says: either way the
  // signal reaches the app, the process is gone afterwards, and nothing acked is lost.
  it.each([
    ['node dist/main.js', DEPLOY_COMMAND],
    [
      "sh -c 'exec node dist/main.js'",
      ['sh', '-c', `exec ${DEPLOY_COMMAND.map((a) => `'${a}'`).join(' ')}`],
    ],
  ])(
    'SIGTERM to %s with work in flight: finishes it, hands back the rest, each reply sent once',
    async (_, command) => {
      // Slack answers slowly: replies are under way when the signal comes.
      standIn.latencyMs = 1_000;
      const first = await start({ AUTHHELP_SHUTDOWN_GRACE_MS: '5000' }, command);
      const paths = await owe(first);
      // One of this test's own replies (the stand-in also holds earlier tests' calls).
      await until(() => underWay(paths), 'a reply under way');
      const { code, ms, stopped } = await terminate(first);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(5_000 + 3_000);
      expect(stopped).toMatchObject({ level: 30 });
      expect(() => process.kill(first.proc.pid!, 0)).toThrow(/ESRCH/);
      const sent = stopped?.['sent'] as number;
      expect(sent).toBeGreaterThan(0);
      expect(sent + (stopped?.['left'] as number)).toBe(N);
      standIn.latencyMs = 0;
      const second = await start();
      await deliveredOnce(paths);
      expect((await terminate(second)).code).toBe(0);
    },
    PROCESS_TEST_MS,
  );

  it(
    'SIGTERM with a grace period shorter than Slack takes: exits in time, nothing lost',
    async () => {
      // Slack takes far longer than the grace period, so waiting for it would show in the time.
      standIn.latencyMs = 10_000;
      const first = await start({ AUTHHELP_SHUTDOWN_GRACE_MS: '500' });
      const paths = await owe(first);
      // One of this test's own replies (the stand-in also holds earlier tests' calls).
      await until(() => underWay(paths), 'a reply under way');
      const { code, ms, stopped } = await terminate(first);
      expect(code).toBe(0);
      // Closing the store and the server takes a few seconds on a loaded machine; never 10.
      expect(ms).toBeLessThan(500 + 6_000);
      expect(stopped?.['left']).toBeGreaterThan(0);
      expect(first.lines.join('\n')).not.toMatch(/"level":50/);
      standIn.latencyMs = 0;
      const second = await start();
      // Replies cut off mid-call go out again: at least once each, never lost.
      await standIn.waitFor(() => paths.every((p) => standIn.answeredUrls().has(p)), 30_000);
      expect((await terminate(second)).code).toBe(0);
    },
    PROCESS_TEST_MS,
  );

  it('writes nothing but JSON lines, from start-up to exit', () => {
    const all = running.flatMap((p) => p.lines);
    expect(all.length).toBeGreaterThan(0);
    for (const line of all) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(all.join('\n')).not.toContain('xoxb-test-token');
  });
});
