import {
  ErrorCode,
  HTTPReceiver,
  type App,
  type BufferedIncomingMessage,
  type HTTPReceiverOptions,
  type Receiver,
} from '@slack/bolt';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../adapters/logger.js';
import { toBoltLogger } from '../bolt-logger.js';
import { errorFields } from '../log-fields.js';
import type { OnceKeys } from '../state/once-keys.js';
import { readBody } from './body.js';
import { readStamp, signatureMatches } from './signature.js';

export const EVENTS_PATH = '/slack/events';

/** Bolt's OAuth installer settings, passed through to its receiver (installs to many workspaces). */
export type InstallerSettings = Pick<
  HTTPReceiverOptions,
  | 'clientId'
  | 'clientSecret'
  | 'stateSecret'
  | 'redirectUri'
  | 'installationStore'
  | 'scopes'
  | 'installerOptions'
>;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface GuardedReceiverOptions {
  readonly signingSecret: string;
  readonly logger: Logger;
  /** Signed requests already accepted, shared by every instance (replays are refused). */
  readonly seen: OnceKeys;
  /** GET routes served before anything else: `/healthz`, `/readyz`. */
  readonly routes: Readonly<Record<string, RouteHandler>>;
  readonly installer?: InstallerSettings;
  readonly maxBodyBytes?: number;
  readonly bodyTimeoutMs?: number;
  readonly now?: () => number;
}

const MAX_BODY_BYTES = 1024 * 1024;
const BODY_TIMEOUT_MS = 10_000;

/**
 * Bolt's HTTP receiver behind a guard that runs before Bolt reads anything: Slack's signature
 * headers and timestamp (5 minutes either way), a body of at most 1 MB (413 before buffering when
 * declared, at the limit otherwise) arriving within 10 s, the HMAC over the raw bytes, and a
 * replay check (one signature and timestamp is accepted once, across instances). Only then does
 * Bolt parse the body. Bolt still serves the OAuth install routes when configured; `/healthz`
 * and `/readyz` are ours. `stop()` stops accepting and lets requests under way finish.
 */
export class GuardedReceiver implements Receiver {
  readonly #o: GuardedReceiverOptions;
  readonly #inner: HTTPReceiver;
  #server: Server | undefined;
  #draining = false;
  #inFlight = 0;
  readonly #idle = new Set<() => void>();

  constructor(options: GuardedReceiverOptions) {
    this.#o = options;
    const boltLogger = toBoltLogger(options.logger);
    this.#inner = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: EVENTS_PATH,
      logger: boltLogger,
      // The HTTP answer waits for the listeners: a reply is in the store before Slack's 200.
      processBeforeResponse: true,
      bodyLimit: options.maxBodyBytes ?? MAX_BODY_BYTES,
      ...options.installer,
    });
  }

  /** Bolt's installer when OAuth is configured: App takes its `authorize` from here. */
  get installer(): HTTPReceiver['installer'] {
    return this.#inner.installer;
  }

  init(app: App): void {
    this.#inner.init(app);
  }

  async start(listen: number | { port: number; host?: string }): Promise<Server> {
    const server = createServer((req, res) => {
      this.#track(res);
      this.#route(req, res);
    });
    // Backstops for what the guard does per request: slow headers, slow bodies.
    server.headersTimeout = 10_000;
    server.requestTimeout = 15_000;
    const options = typeof listen === 'number' ? { port: listen } : listen;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.#server = server;
    return server;
  }

  /** Stops accepting, lets requests under way finish for up to `drainMs`, then closes. */
  async stop(drainMs = 5_000): Promise<void> {
    const server = this.#server;
    if (server === undefined) return;
    this.#draining = true;
    const closed = new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    server.closeIdleConnections();
    if (this.#inFlight > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#idle.delete(done);
          resolve();
        };
        const timer = setTimeout(done, drainMs);
        this.#idle.add(done);
      });
    }
    server.closeAllConnections();
    await closed;
    this.#server = undefined;
  }

  /** Requests under way (read, verified, processed, not yet answered). */
  get inFlight(): number {
    return this.#inFlight;
  }

  #track(res: ServerResponse): void {
    this.#inFlight += 1;
    res.once('close', () => {
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const done of this.#idle) done();
    });
  }

  #route(req: IncomingMessage, res: ServerResponse): void {
    if (this.#draining) {
      // Keep-alive connections may still bring requests: send them to another instance.
      res.writeHead(503, { connection: 'close', 'retry-after': '1' });
      res.end();
      return;
    }
    const path = pathOf(req.url);
    const route = req.method === 'GET' ? this.#o.routes[path] : undefined;
    if (route !== undefined) {
      route(req, res);
      return;
    }
    if (req.method === 'POST' && path === EVENTS_PATH) {
      void this.#guard(req, res);
      return;
    }
    this.#pass(req, res);
  }

  async #guard(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const now = this.#o.now ?? Date.now;
    const stamp = readStamp(req.headers, now());
    if (!stamp.ok) {
      this.#refuse(req, res, 401, stamp.reason);
      return;
    }
    const read = await readBody(req, {
      maxBytes: this.#o.maxBodyBytes ?? MAX_BODY_BYTES,
      timeoutMs: this.#o.bodyTimeoutMs ?? BODY_TIMEOUT_MS,
    });
    if (!read.ok) {
      this.#refuse(req, res, read.status, read.reason);
      return;
    }
    if (!signatureMatches(this.#o.signingSecret, stamp, read.body)) {
      this.#refuse(req, res, 401, 'signature does not match');
      return;
    }
    const key = `${stamp.timestamp}:${stamp.signature.slice(3)}`;
    let first: boolean;
    try {
      first = await this.#o.seen.claim(key);
    } catch (error) {
      this.#o.logger.error({ ...errorFields(error) }, 'store unavailable; request not accepted');
      this.#refuse(req, res, 503, 'store unavailable');
      return;
    }
    if (!first) {
      this.#refuse(req, res, 401, 'replayed request');
      return;
    }
    // Failed on our side: Slack may retry it, so this signature must not count as seen.
    res.once('finish', () => {
      if (res.statusCode >= 500) void this.#o.seen.release(key).catch(() => undefined);
    });
    (req as BufferedIncomingMessage).rawBody = read.body;
    this.#pass(req, res);
  }

  /** Hands the request to Bolt: the (verified, buffered) event or an installer or unknown path. */
  #pass(req: IncomingMessage, res: ServerResponse): void {
    try {
      this.#inner.requestListener(req, res);
    } catch (error) {
      const unknownPath =
        (error as { code?: unknown }).code === ErrorCode.HTTPReceiverDeferredRequestError;
      if (unknownPath) {
        this.#refuse(req, res, 404, 'no such path');
        return;
      }
      this.#o.logger.error(errorFields(error), 'request failed');
      res.writeHead(500);
      res.end();
    }
  }

  /** Junk is routine: a `warn` line with what was wrong, never the body. */
  #refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string): void {
    this.#o.logger.warn(
      { status, reason, method: req.method, path: pathOf(req.url) },
      'request refused',
    );
    // An unread or half-read body is not read on: the connection closes after the answer. Node
    // cuts a `Connection: close` answer at once, which resets a client still sending: with a body
    // still arriving, the answer goes without it and lingeringClose ends the connection.
    const closing = status === 408 || status === 413 || !req.complete;
    res.writeHead(status, closing && req.complete ? { connection: 'close' } : {});
    res.end();
    if (closing)
      res.once('finish', () => {
        lingeringClose(req);
      });
  }
}

/** How long the rest of a refused body is read and thrown away before the connection is cut. */
const LINGER_MS = 1_000;

/**
 * Closes after an answer given before the body was read. Cutting at once would reset a client
 * still sending, and a reset can reach it before it has read the answer (it then sees EPIPE or
 * ECONNRESET, not the 413); so what still arrives is discarded, unbuffered, for at most LINGER_MS.
 */
function lingeringClose(req: IncomingMessage): void {
  const socket = req.socket;
  if (req.complete) {
    socket.destroySoon();
    return;
  }
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  req.once('end', () => {
    clearTimeout(timer);
    socket.destroySoon();
  });
  req.resume();
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const q = raw.indexOf('?');
  return q < 0 ? raw : raw.slice(0, q);
}
