import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pacedLoad, type PacedRequest } from './paced-load.js';
import { percentile } from './percentile.js';

/**
 * `npm run bench:slack`: signed `/authhelp <paste>` commands against the HTTP receiver at rising
 * concurrency, in one run, for:
 * - `sqlite` and `postgres`: the app as `npm start` runs it, every reply kept in the store until
 *   the Slack stand-in confirmed it (PostgreSQL when the server answers);
 * - `memory`: the app before the store, replies queued in memory (the figures measured before);
 * - `bare`: a Bolt app that only acks.
 * Each app runs in its own process; the load generator and the Slack stand-in (Web API and
 * response_url, answering after `--latency-ms`, default 200) run here. Reports ack latency p50/p99
 * and throughput, delivered replies per second and reply latency p50/p99 (from the ack to the reply
 * reaching the stand-in), with ratios to the bare app (acks) and to the memory path (replies).
 *
 *
 * Each concurrency is measured twice: flooded (every connection sends its next command as soon as
 * the last is acked, so the ack time is mostly time spent queued behind other requests and reply
 * work) and paced (the same connections offering `--rate` commands per second in all, default 100 and 150,
 * above the 100 replies/s the app must deliver, evenly spaced, each ack timed from when it was due):
 * the ack time of a loaded but not saturated app.
 *
 * Flags: `--quick` (50 connections only), `--latency-ms N`, `--rate N[,N…]`, `--no-flood` (paced
 * cells only, e.g. under `node --cpu-prof`, which the app processes inherit), `--postgres URL`,
 * `--no-postgres`, `--only sqlite,memory` (some apps only), `--job-concurrency N` (else the app's
 * default).
 */
const CONCURRENCY = process.argv.includes('--quick') ? [50] : [1, 10, 50];
const DURATION_S = 5;
/** Paced cells run longer: at 150 commands/s, 10 s gives 1,500 acks for the p99. */
const PACED_DURATION_S = 10;
const WARMUP_S = 2;
/** Commands per second offered over all connections in the paced cells: the target's 100, and more. */
const RATES = (flag('--rate') ?? '100,150').split(',').map(Number);
const LATENCY_MS = Number(flag('--latency-ms') ?? 200);
const POSTGRES_URL = process.argv.includes('--no-postgres')
  ? undefined
  : (flag('--postgres') ?? 'postgres://postgres@127.0.0.1:5432/test');
/** Conversations the commands come from: people ask in many channels, each with its own limit. */
const CHANNELS = 64;
/** A drain ends when every acked command has its reply, or when none came for this long. */
const QUIET_MS = 3_000;
const SECRET = 'bench-signing-secret';
/** What people paste, cycled: exact codes, prose, a long log, and no match at all. */
const PASTES = [
  '{"error":"invalid_client","error_description":"Invalid client credentials"} from POST https://wd5-impl-services1.workday.com/ccx/oauth2/acme/token',
  'Login Audit Trail detail: TokenRejected',
  'HTTP 400 {"error":"invalid_grant","error_description":"refresh token expired"} when refreshing the token',
  'our workday integration started failing this morning with insufficient scope on the workers endpoint',
  `2026-11-20T10:00:00Z ERROR sync failed\n${'    at Connector.call (connector.js:42:13)\n'.repeat(40)}caused by: 401 Unauthorized invalid_token`,
  'the printer on floor 3 is jammed again',
];

type AppKind = 'bare' | 'memory' | 'sqlite' | 'postgres';

/** Flooded (`undefined`: as fast as acks come back) or paced at this many commands/s. */
type Offered = number | undefined;

interface Row {
  app: AppKind;
  connections: number;
  offered: Offered;
  ackP50: number;
  ackP99: number;
  acksPerS: number;
  errors: number;
  /** Replies that reached the stand-in per second, from the load's start to the last reply. */
  repliesPerS: number;
  replyP50: number;
  replyP99: number;
  /** Acked commands whose reply never came. */
  missing: number;
  /** The app's CPU time per acked command (acks, replies, records), from load start to drained. */
  cpuMsPerCommand: number;
  /** The app's event-loop delay p99 over the same span. */
  loopDelayP99: number;
}

/** Slack's side: when each reply reached it, per app and command id. */
interface StandIn {
  readonly server: Server;
  readonly arrivals: Map<string, Map<number, number>>;
}

async function main(): Promise<void> {
  const standIn = await startStandIn();
  const apiUrl = `${origin(standIn.server)}/api/`;
  const pgSchema = `authhelp_bench_${Date.now().toString(36)}`;
  const pgProblem = POSTGRES_URL === undefined ? 'not asked for' : await postgresProblem();
  const dataDir = mkdtempSync(join(tmpdir(), 'authhelp-bench-'));
  const only = flag('--only')?.split(',');
  const apps = (['bare', 'memory', 'sqlite', 'postgres'] as const).filter(
    (a) =>
      (only === undefined || only.includes(a)) && (a !== 'postgres' || pgProblem === undefined),
  );
  const targets = new Map<AppKind, { child: ChildProcess; port: number }>();
  const rows: Row[] = [];
  try {
    for (const app of apps) {
      const concurrency = flag('--job-concurrency');
      const env = {
        ...(app === 'postgres'
          ? { DATABASE_URL: POSTGRES_URL ?? '', AUTHHELP_DATABASE_SCHEMA: pgSchema }
          : { AUTHHELP_DATA_DIR: dataDir }),
        ...(concurrency === undefined ? {} : { AUTHHELP_JOB_CONCURRENCY: concurrency }),
      };
      targets.set(app, await startTarget(app, apiUrl, env));
    }
    out(
      `node ${process.version}, ${String(availableParallelism())} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ' ',
        )}; ${DURATION_S}s per flooded cell, ${PACED_DURATION_S}s per paced cell (${RATES.join(', ')} commands/s), after ${WARMUP_S}s warm-up; ${PASTES.length} pastes cycled over ${CHANNELS} channels; Slack stand-in answers after ${LATENCY_MS} ms`,
    );
    out(
      `store back ends: sqlite (${dataDir}), postgres ${pgProblem === undefined ? `(${pgSchema})` : `skipped: ${pgProblem}`}`,
    );
    for (const connections of CONCURRENCY) {
      for (const offered of process.argv.includes('--no-flood') ? RATES : [undefined, ...RATES]) {
        for (const app of apps) {
          const target = targets.get(app);
          if (target !== undefined)
            rows.push(await cell(app, target, { connections, offered }, standIn));
        }
      }
    }
  } finally {
    await Promise.all([...targets.values()].map((t) => stopTarget(t.child)));
    standIn.server.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (pgProblem === undefined) await dropSchemas(pgSchema);
  }
  report(rows);
}

interface Load {
  readonly connections: number;
  readonly offered: Offered;
}

/** One app at one load: warm up, let the replies drain, measure, drain again. */
async function cell(
  app: AppKind,
  target: { child: ChildProcess; port: number },
  how: Load,
  standIn: StandIn,
): Promise<Row> {
  const { port } = target;
  const { connections, offered } = how;
  const url = `http://127.0.0.1:${port}/slack/events`;
  const responseUrl = `${origin(standIn.server)}/response/${app}`;
  const arrivals = standIn.arrivals.get(app) ?? new Map<number, number>();
  standIn.arrivals.set(app, arrivals);
  const expectReplies = app !== 'bare';
  const warm = await load(url, responseUrl, how, WARMUP_S);
  if (expectReplies) await drained(arrivals, warm.acks);
  await probe(target.child);
  const started = performance.now();
  const r = await load(
    url,
    responseUrl,
    how,
    offered === undefined ? DURATION_S : PACED_DURATION_S,
  );
  const lastReply = expectReplies ? await drained(arrivals, r.acks) : started;
  const used = await probe(target.child);
  const latencies: number[] = [];
  for (const [id, ackedAt] of r.acks) {
    const at = arrivals.get(id);
    if (at !== undefined) latencies.push(Math.max(0, at - ackedAt));
  }
  return {
    app,
    connections,
    offered,
    ackP50: r.p50,
    ackP99: r.p99,
    acksPerS: r.rps,
    errors: r.errors,
    repliesPerS: latencies.length / ((lastReply - started) / 1000),
    replyP50: percentile(latencies, 0.5),
    replyP99: percentile(latencies, 0.99),
    missing: expectReplies ? r.acks.size - latencies.length : 0,
    cpuMsPerCommand: used.cpuMs / Math.max(1, r.acks.size),
    loopDelayP99: used.loopDelayP99Ms,
  };
}

let nextId = 1;

/**
 * Each command unique (own response_url and signature: the receiver refuses replays). Flooded,
 * autocannon keeps every connection busy; paced, `pacedLoad` offers the commands evenly spaced
 * (autocannon's own rate limit sends each second's share in one burst).
 */
async function load(url: string, responseUrl: string, how: Load, duration: number) {
  const acks = new Map<number, number>();
  const ack = (id: number) => acks.set(id, performance.now());
  if (how.offered !== undefined) {
    const ids = new Map<number, number>();
    const r = await pacedLoad({
      url,
      connections: how.connections,
      rate: how.offered,
      durationS: duration,
      request: (n) => {
        const id = nextId++;
        ids.set(n, id);
        return signedCommand(id, responseUrl);
      },
      onAck: (n) => {
        const id = ids.get(n);
        if (id !== undefined) ack(id);
      },
    });
    return { acks, ...r };
  }
  const result = await autocannon({
    url,
    connections: how.connections,
    duration,
    requests: [
      {
        setupRequest: (req, context: object) => {
          const id = nextId++;
          (context as { id?: number }).id = id;
          return { ...req, method: 'POST', ...signedCommand(id, responseUrl) };
        },
        onResponse: (status: number, _body: string, context: object) => {
          const { id } = context as { id?: number };
          if (status === 200 && id !== undefined) ack(id);
        },
      },
    ],
  });
  return {
    acks,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** `/authhelp <paste>` number `id`, signed now, answering to its own response_url. */
function signedCommand(id: number, responseUrl: string): PacedRequest {
  const body = commandBody(
    PASTES[id % PASTES.length] ?? '',
    `${responseUrl}/${String(id)}`,
    `C${String(id % CHANNELS)}`,
  );
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': `v0=${sig}`,
    },
  };
}

function report(rows: readonly Row[]): void {
  out('');
  out('acks: the HTTP answer to the signed command; replies: ack → reply received by the stand-in');
  out(
    'load: flood = each connection sends again as soon as it is acked; N/s = paced, N commands/s',
  );
  out(
    'conns  load    app        ack p50  ack p99  acks/s  errors | replies/s  reply p50  reply p99  missing | cpu ms/cmd  loop p99 | ack p99 ÷ bare  replies/s ÷ memory',
  );
  for (const r of rows) {
    const same = (b: Row, app: AppKind) =>
      b.app === app && b.connections === r.connections && b.offered === r.offered;
    const bare = rows.find((b) => same(b, 'bare'));
    const memory = rows.find((b) => same(b, 'memory'));
    const replies = r.app !== 'bare';
    const dash = (s: string) => (replies ? s : '-');
    out(
      [
        String(r.connections).padStart(5),
        ` ${loadName(r.offered).padEnd(6)}`,
        ` ${r.app.padEnd(9)}`,
        r.ackP50.toFixed(1).padStart(7),
        r.ackP99.toFixed(1).padStart(8),
        r.acksPerS.toFixed(0).padStart(7),
        String(r.errors).padStart(7),
        ' |',
        dash(r.repliesPerS.toFixed(1)).padStart(9),
        dash(r.replyP50.toFixed(0)).padStart(10),
        dash(r.replyP99.toFixed(0)).padStart(10),
        dash(String(r.missing)).padStart(8),
        ' |',
        r.cpuMsPerCommand.toFixed(2).padStart(10),
        r.loopDelayP99.toFixed(1).padStart(9),
        ' |',
        (r.app === 'bare' || bare === undefined
          ? '-'
          : (r.ackP99 / Math.max(bare.ackP99, 1)).toFixed(2)
        ).padStart(14),
        (!replies || r.app === 'memory' || memory === undefined
          ? '-'
          : (r.repliesPerS / Math.max(memory.repliesPerS, 0.001)).toFixed(2)
        ).padStart(19),
      ].join(' '),
    );
  }
  out('');
  for (const r of rows.filter((x) => x.connections === 50 && x.app !== 'bare')) {
    out(
      `at 50 concurrent, ${loadName(r.offered)}, ${r.app}: ${r.repliesPerS.toFixed(1)} replies/s${r.app === 'memory' ? '' : ' (target ≥ 100)'}, ack p99 ${r.ackP99.toFixed(0)} ms (target ≤ 50), ${String(r.missing)} replies missing`,
    );
  }
}

function loadName(offered: Offered): string {
  return offered === undefined ? 'flood' : `${String(offered)}/s`;
}

/** Answers every call after LATENCY_MS, as a distant Slack would; notes when each reply came. */
async function startStandIn(): Promise<StandIn> {
  const arrivals = new Map<string, Map<number, number>>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '/';
      const reply = /^\/response\/([a-z]+)\/(\d+)$/.exec(path);
      if (reply !== null) {
        const [, app = '', id = ''] = reply;
        const seen = arrivals.get(app) ?? new Map<number, number>();
        arrivals.set(app, seen);
        if (!seen.has(Number(id))) seen.set(Number(id), performance.now());
      }
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          path.startsWith('/api/auth.test')
            ? '{"ok":true,"user_id":"UBOT","bot_id":"BBOT","team_id":"T1"}'
            : '{"ok":true}',
        );
      }, LATENCY_MS);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, arrivals };
}

async function startTarget(
  kind: AppKind,
  apiUrl: string,
  storeEnv: Readonly<Record<string, string>>,
): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(new URL('./slack-bench-target.js', import.meta.url));
  const child = fork(script, [kind, SECRET, apiUrl, JSON.stringify(storeEnv)], {
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

/** The app's CPU time and event-loop delay since the last probe (see slack-bench-target.ts). */
async function probe(child: ChildProcess): Promise<{ cpuMs: number; loopDelayP99Ms: number }> {
  const answer = new Promise<{ cpuMs: number; loopDelayP99Ms: number }>((resolve) => {
    child.once('message', (m) => {
      resolve(m as { cpuMs: number; loopDelayP99Ms: number });
    });
  });
  child.send({ probe: true });
  return answer;
}

async function stopTarget(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Waits until every acked command has its reply or none came for QUIET_MS; the last reply's time. */
async function drained(arrivals: Map<number, number>, acks: Map<number, number>): Promise<number> {
  const pending = new Set([...acks.keys()].filter((id) => !arrivals.has(id)));
  let last = Math.max(0, ...[...acks.keys()].map((id) => arrivals.get(id) ?? 0));
  let lastProgress = performance.now();
  while (pending.size > 0 && performance.now() - lastProgress < QUIET_MS) {
    await new Promise((r) => setTimeout(r, 50));
    for (const id of pending) {
      const at = arrivals.get(id);
      if (at === undefined) continue;
      pending.delete(id);
      last = Math.max(last, at);
      lastProgress = performance.now();
    }
  }
  return last;
}

async function postgresProblem(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The bench's own schemas: authhelp's tables and pg-boss's `<schema>_jobs`. */
async function dropSchemas(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
  } finally {
    await client.end();
  }
}

function commandBody(text: string, responseUrl: string, channel: string): string {
  return new URLSearchParams({
    token: 'bench',
    team_id: 'T1',
    channel_id: channel,
    user_id: 'U1',
    command: '/authhelp',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

function origin(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

await main();
