import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench:slack`: signed `/authhelp <paste>` commands against the HTTP receiver at rising
 * concurrency, for the real app and for a bare Bolt app that only acks, in the same run. Each app
 * runs in its own process; the load generator and the Slack stand-in (Web API + response_url) run
 * here. Reports ack latency p50/p99, throughput, and the ratio to the bare app.
 */
/** `--quick` measures only the 50-connection cells. */
const CONCURRENCY = process.argv.includes('--quick') ? [50] : [1, 10, 50];
const DURATION_S = 5;
const WARMUP_S = 2;
const SECRET = 'bench-signing-secret';
/** What people paste, cycled per connection: exact codes, prose, a long log, and no match at all. */
const PASTES = [
  '{"error":"invalid_client","error_description":"Invalid client credentials"} from POST https://wd5-impl-services1.workday.com/ccx/oauth2/acme/token',
  'Login Audit Trail detail: TokenRejected',
  'HTTP 400 {"error":"invalid_grant","error_description":"refresh token expired"} when refreshing the token',
  'our workday integration started failing this morning with insufficient scope on the workers endpoint',
  `2026-11-20T10:00:00Z ERROR sync failed\n${'    at Connector.call (connector.js:42:13)\n'.repeat(40)}caused by: 401 Unauthorized invalid_token`,
  'the printer on floor 3 is jammed again',
];

interface Row {
  app: string;
  connections: number;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  /** Replies posted to response_url per second, counted until the queue drained. */
  repliesPerS: number;
  drainMs: number;
}

async function main(): Promise<void> {
  const standIn = await startStandIn();
  const apiUrl = `${origin(standIn.server)}/api/`;
  const targets = {
    bare: await startTarget('bare', apiUrl),
    authhelp: await startTarget('authhelp', apiUrl),
  };
  const rows: Row[] = [];
  try {
    out(
      `node ${process.version}, ${String(availableParallelism())} CPUs; ${DURATION_S}s per cell after ${WARMUP_S}s warm-up; ${PASTES.length} pastes cycled`,
    );
    for (const connections of CONCURRENCY) {
      for (const app of ['bare', 'authhelp'] as const) {
        rows.push(await cell(app, targets[app].port, connections, standIn));
      }
    }
  } finally {
    for (const t of Object.values(targets)) t.child.kill();
    standIn.server.close();
  }
  report(rows, standIn.responses);
}

/** One app at one concurrency: warm up, let the reply queue drain, measure, drain again. */
async function cell(
  app: 'bare' | 'authhelp',
  port: number,
  connections: number,
  standIn: { server: Server; responses: Map<string, number> },
): Promise<Row> {
  const url = `http://127.0.0.1:${port}/slack/events`;
  const responseUrl = `${origin(standIn.server)}/response/${app}`;
  await load(url, responseUrl, connections, WARMUP_S);
  await drained(standIn.responses, app);
  const before = standIn.responses.get(app) ?? 0;
  const started = performance.now();
  const r = await load(url, responseUrl, connections, DURATION_S);
  const loadEnd = performance.now();
  const lastReply = await drained(standIn.responses, app);
  const replies = (standIn.responses.get(app) ?? 0) - before;
  return {
    app,
    connections,
    ...r,
    repliesPerS: replies / ((Math.max(lastReply, loadEnd) - started) / 1000),
    drainMs: Math.max(0, lastReply - loadEnd),
  };
}

async function load(url: string, responseUrl: string, connections: number, duration: number) {
  // Signed once per run: Slack accepts a timestamp for five minutes.
  const ts = Math.floor(Date.now() / 1000);
  const requests = PASTES.map((paste) => {
    const body = commandBody(paste, responseUrl);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    return {
      method: 'POST' as const,
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature,
      },
    };
  });
  const result = await autocannon({ url, connections, duration, requests });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function report(rows: Row[], responses: Map<string, number>): void {
  out('');
  out(
    'ack latency and throughput; replies/s and drain = the work after the ack, until the queue emptied',
  );
  out('connections  app        p50 ms  p99 ms   acks/s  errors  replies/s  drain ms   p99 ratio');
  for (const r of rows) {
    const bare = rows.find((b) => b.app === 'bare' && b.connections === r.connections);
    const ratio =
      r.app === 'authhelp' && bare !== undefined ? (r.p99 / Math.max(bare.p99, 1)).toFixed(2) : '';
    out(
      [
        String(r.connections).padStart(11),
        ` ${r.app.padEnd(9)}`,
        r.p50.toFixed(1).padStart(6),
        r.p99.toFixed(1).padStart(7),
        r.rps.toFixed(0).padStart(8),
        String(r.errors).padStart(7),
        (r.app === 'bare' ? '-' : r.repliesPerS.toFixed(0)).padStart(10),
        (r.app === 'bare' ? '-' : r.drainMs.toFixed(0)).padStart(9),
        `   ${ratio}`,
      ].join(' '),
    );
  }
  const at50 = rows.filter((r) => r.connections === 50);
  const ours = at50.find((r) => r.app === 'authhelp');
  const bare = at50.find((r) => r.app === 'bare');
  out('');
  out(
    `replies the app posted to response_url: ${responses.get('authhelp') ?? 0} (bare: ${responses.get('bare') ?? 0})`,
  );
  if (ours !== undefined && bare !== undefined) {
    const ratio = ours.p99 / Math.max(bare.p99, 1);
    out(
      `at 50 concurrent: ack p99 ${ours.p99} ms (target ≤ 50), ratio to bare Bolt ${ratio.toFixed(2)} (target ≤ 1.5)`,
    );
  }
}

/** Slack's side: answers every Web API call `{ok:true}` and counts replies per response_url. */
async function startStandIn(): Promise<{ server: Server; responses: Map<string, number> }> {
  const responses = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '/';
      if (path.startsWith('/response/')) {
        const app = path.slice('/response/'.length);
        responses.set(app, (responses.get(app) ?? 0) + 1);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        path.startsWith('/api/auth.test')
          ? '{"ok":true,"user_id":"UBOT","bot_id":"BBOT","team_id":"T1"}'
          : '{"ok":true}',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, responses };
}

async function startTarget(
  kind: string,
  apiUrl: string,
): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(new URL('./slack-bench-target.js', import.meta.url));
  const child = fork(script, [kind, SECRET, apiUrl], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => {
      resolve((m as { port: number }).port);
    });
    child.once('exit', (code) => {
      reject(new Error(`${kind} app exited with ${String(code)}`));
    });
  });
  return { child, port };
}

/** Waits until no reply has arrived for a while; returns when the last one came. */
async function drained(responses: Map<string, number>, app: string): Promise<number> {
  let count = responses.get(app) ?? 0;
  let last = performance.now();
  const deadline = last + 120_000;
  while (performance.now() - last < 500 && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    const now = responses.get(app) ?? 0;
    if (now !== count) {
      count = now;
      last = performance.now();
    }
  }
  return last;
}

function commandBody(text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'bench',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: '/authhelp',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

function origin(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

await main();
