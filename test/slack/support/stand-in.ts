import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the app made to "Slack": a Web API method or a response_url. */
export interface RecordedCall {
  readonly kind: 'api' | 'response_url';
  /** Web API method (`chat.postMessage`) or the response_url path (`/response/3`). */
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly raw: string;
  /** When it arrived (epoch ms) and what the stand-in answered. */
  readonly at: number;
  readonly status: number;
  /** The token the call was made with (Authorization: Bearer, or a `token` field). */
  readonly token?: string;
}

/** Answers one Web API method in place of the default `{ok:true}` (payload with or without ok). */
type ApiHandler = (body: Record<string, unknown>, token: string | undefined) => object;

/** Serves a browser page (Slack's authorize page) at a path outside /api/. */
type PageHandler = (url: URL, res: ServerResponse) => void;

interface Failure {
  readonly status: number;
  readonly error?: string;
  /** Seconds, sent as Retry-After (with a 429). */
  readonly retryAfter?: number;
}

/**
 * A local stand-in for Slack's Web API and response_urls on 127.0.0.1:0. It answers `{ok:true,…}`
 * and records every call, so tests assert on what the app actually sent to Slack.
 */
export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly #failures = new Map<string, Failure[]>();
  readonly #handlers = new Map<string, ApiHandler>();
  readonly #pages = new Map<string, PageHandler>();
  readonly #server: Server;
  #responseUrls = 0;
  #ts = 0;
  /** While true, every connection is dropped without an answer, as when Slack is unreachable. */
  outage = false;
  /** Every answer waits this long (Slack's own latency). */
  latencyMs = 0;
  /** When set, how long the answer to this call waits instead (one slow conversation…). */
  latencyFor: ((call: RecordedCall) => number) | undefined;
  /** While set, every Web API call is refused with this error (`token_revoked`…). */
  tokenRefusal: string | undefined;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<SlackStandIn> {
    const server = createServer();
    const standIn = new SlackStandIn(server);
    server.on('request', (req, res) => {
      if (standIn.outage) {
        req.socket.destroy();
        return;
      }
      const url = new URL(req.url ?? '/', standIn.origin);
      const page = req.method === 'GET' ? standIn.#pages.get(url.pathname) : undefined;
      if (page !== undefined) {
        page(url, res);
        return;
      }
      void readBody(req).then(async (raw) => {
        const { status, payload, headers } = standIn.#answer(req, raw);
        // #answer recorded this call last.
        const latency = standIn.latencyFor?.(standIn.calls.at(-1)!) ?? standIn.latencyMs;
        if (latency > 0) await new Promise((r) => setTimeout(r, latency));
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  get origin(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A fresh response_url for one interaction. */
  responseUrl(): string {
    this.#responseUrls += 1;
    return `${this.origin}/response/${this.#responseUrls}`;
  }

  /** From now on `method` is answered by `handler` (failures still come first). */
  answer(method: string, handler: ApiHandler): void {
    this.#handlers.set(method, handler);
  }

  /** Serves GET `path` (not recorded as a call). */
  page(path: string, handler: PageHandler): void {
    this.#pages.set(path, handler);
  }

  /** The next call to `method` (or to any response_url with `'response_url'`) fails. */
  failNext(method: string, failure: Failure): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), failure]);
  }

  api(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'api' && c.method === method);
  }

  responses(): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'response_url');
  }

  /** response_urls that got at least one reply the stand-in accepted. */
  answeredUrls(): Set<string> {
    return new Set(
      this.responses()
        .filter((c) => c.status === 200 && !c.raw.includes('Sorry, something went wrong'))
        .map((c) => c.method),
    );
  }

  /** Waits until `predicate` holds over the recorded calls (the app replies after acking). */
  async waitFor(
    predicate: (calls: readonly RecordedCall[]) => boolean,
    timeoutMs = 3000,
  ): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline)
        throw new Error(`stand-in: condition not met; calls: ${this.summary()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.calls;
  }

  /** Gives stray replies a moment to arrive, for tests asserting that nothing was sent. */
  async settle(ms = 150): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
  }

  summary(): string {
    return JSON.stringify(this.calls.map((c) => c.method));
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.#server.close(() => {
        resolve();
      }),
    );
  }

  #answer(
    req: IncomingMessage,
    raw: string,
  ): { status: number; payload: unknown; headers?: Record<string, string> } {
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const isApi = path.startsWith('/api/');
    const method = isApi ? path.slice('/api/'.length) : path;
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    const token = tokenOf(req, body);
    const failure =
      isApi && this.tokenRefusal !== undefined
        ? { status: 200, error: this.tokenRefusal }
        : this.#takeFailure(isApi ? method : 'response_url');
    this.calls.push({
      kind: isApi ? 'api' : 'response_url',
      method,
      body,
      raw,
      at: Date.now(),
      status: failure?.status ?? 200,
      ...(token === undefined ? {} : { token }),
    });
    if (failure !== undefined) {
      return {
        status: failure.status,
        payload: { ok: false, error: failure.error ?? 'failed' },
        ...(failure.retryAfter === undefined
          ? {}
          : { headers: { 'retry-after': String(failure.retryAfter) } }),
      };
    }
    const handler = isApi ? this.#handlers.get(method) : undefined;
    if (handler !== undefined) return { status: 200, payload: handler(body, token) };
    return { status: 200, payload: isApi ? this.#apiReply(method, body) : { ok: true } };
  }

  #takeFailure(key: string): Failure | undefined {
    const queue = this.#failures.get(key);
    const next = queue?.shift();
    if (queue?.length === 0) this.#failures.delete(key);
    return next;
  }

  #apiReply(method: string, body: Record<string, unknown>): object {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'authhelp' };
      case 'chat.postMessage':
        this.#ts += 1;
        return {
          ok: true,
          channel: body['channel'],
          ts: `1800000000.${String(this.#ts).padStart(6, '0')}`,
        };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: 'V1', ...(body['view'] as object) } };
      default:
        return { ok: true };
    }
  }
}

function tokenOf(req: IncomingMessage, body: Record<string, unknown>): string | undefined {
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  return bearer ?? (typeof body['token'] === 'string' ? body['token'] : undefined);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON bodies as they are; form bodies (the Web API client) with JSON-looking values decoded. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? (JSON.parse(v) as unknown) : v;
  }
  return out;
}
