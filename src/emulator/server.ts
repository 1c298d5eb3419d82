import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { genericApi, genericToken } from './generic.js';
import { readBody, send, text } from './http-util.js';
import { netsuiteResource, netsuiteRoute, netsuiteToken, NS_TOKEN_PATH } from './netsuite.js';
import { hostileAnswer } from './hostile.js';
import { runScenario } from './scenarios.js';
import type { EmulatorState } from './state.js';
import type { EmulatorEvent, EmulatorOptions } from './types.js';
import { workdayApi, workdayToken, type Handled } from './workday.js';

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:43111 */
  readonly url: string;
  readonly port: number;
  /** Every request answered, oldest first. */
  readonly events: readonly EmulatorEvent[];
  /** The Login Audit Trail code NetSuite would have recorded for the last failure. */
  lastLat(): string | undefined;
  /** Number of requests that reached the server (for "nothing was sent" assertions). */
  requestCount(): number;
  close(): Promise<void>;
}

/** Local Workday, NetSuite and generic OAuth 2.0 token endpoints on loopback, for tests and demos. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const state: EmulatorState = {
    config: options.config,
    now: options.now ?? (() => new Date()),
    tokens: new Map(),
    events: [],
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(state, req, res).catch(() => {
      if (!res.headersSent) send(res, text(500, 'emulator error'));
    });
  };
  const server: Server =
    options.tls === undefined ? createHttpServer(handler) : createHttpsServer(options.tls, handler);
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls === undefined ? 'http' : 'https';
  return {
    url: `${scheme}://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    events: state.events,
    lastLat: () => state.events.findLast((e) => e.lat !== undefined)?.lat,
    requestCount: () => state.events.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function handle(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const path = url.pathname;
  const record = (h: Omit<EmulatorEvent, 'method' | 'path'>) =>
    state.events.push({ ...h, method: req.method ?? '', path });
  if (path.startsWith('/_scenario/hostile')) {
    record({ system: 'scenario', status: await hostileAnswer(req, res, url) });
    return;
  }
  if (path.startsWith('/_scenario/')) {
    const status = runScenario(req, res, url);
    if (status !== null) {
      record({ system: 'scenario', status });
      return;
    }
  }
  if (path === '/_emulator/events') {
    send(res, {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(state.events),
    });
    return;
  }
  const body = await readBody(req);
  if (body === null) {
    record({ system: 'none', status: 413 });
    send(res, text(413, 'Payload Too Large'));
    return;
  }
  const handled = await route(state, req, path, body);
  record(handled.event);
  send(res, handled.answer);
}

async function route(
  state: EmulatorState,
  req: IncomingMessage,
  path: string,
  body: string,
): Promise<Handled> {
  const ns = netsuiteRoute(state, req.headers.host ?? '', path);
  if (ns !== null) {
    if (ns.rest === NS_TOKEN_PATH && req.method === 'POST')
      return netsuiteToken(state, req, ns, body);
    if (ns.rest.startsWith('/services/rest/record/') || ns.rest.startsWith('/services/rest/query/'))
      return netsuiteResource(state, req, ns);
  }
  if (/^\/ccx\/oauth2\/[^/]+\/token$/.test(path)) return workdayToken(state, req, path, body);
  if (path.startsWith('/ccx/api/') && req.method === 'GET') return workdayApi(state, req, path);
  if (path === '/oauth2/token' && req.method === 'POST') return genericToken(state, req, body);
  if (path === '/api/resource' && req.method === 'GET') return genericApi(state, req);
  return { answer: text(404, 'Not Found'), event: { system: 'none', status: 404 } };
}
