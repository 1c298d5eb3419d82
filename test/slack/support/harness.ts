import { loadCatalogue } from '../../../src/adapters/catalogue-files.js';
import { createLogger } from '../../../src/adapters/logger.js';
import type { CheckRunner } from '../../../src/adapters/http/runner.js';
import type { Store } from '../../../src/adapters/store/types.js';
import type { EncryptionKey } from '../../../src/config.js';
import type { Catalogue } from '../../../src/core/catalogue/catalogue.js';
import {
  startSlackRuntime,
  type RuntimeParts,
  type SlackRuntime,
} from '../../../src/slack/runtime.js';
import { createServices, type Services } from '../../../src/slack/services.js';
import { createBackend, until, type Backend } from '../../adapters/store/backends.js';
import {
  blockActionPayload,
  commandBody,
  eventBody,
  interactionBody,
  messageShortcutPayload,
  type ButtonClick,
  type MessageShortcutOptions,
  type Via,
} from './payloads.js';
import { SIGNING_SECRET, sendSigned, type SendOptions, type SlackResponse } from './signed.js';
import { OAUTH_APP, SlackOAuthStandIn } from './slack-oauth.js';
import { SlackStandIn } from './stand-in.js';

export interface HarnessOptions {
  readonly catalogue?: Catalogue;
  readonly channels?: readonly string[];
  /** The clock of token inspections and NetSuite assertions. */
  readonly now?: () => Date;
  /** The live check (by default the guarded runner, local targets allowed). */
  readonly runCheck?: CheckRunner;
  /** Services to replace outright (a failing diagnose…). */
  readonly services?: Partial<Services>;
  /**
   * The store's back end (default: a fresh SQLite file, removed on stop). Pass one to share it
   * between instances; its owner cleans it up.
   */
  readonly backend?: Backend;
  /** A stand-in shared with another instance (its owner closes it). */
  readonly standIn?: SlackStandIn;
  readonly encryptionKeys?: readonly EncryptionKey[];
  readonly tuning?: RuntimeParts['tuning'];
  /** Replies in flight at once, in all and per conversation (default 32 and 4). */
  readonly concurrency?: { readonly job: number; readonly channel: number };
  /** How long a claimed reply stays leased (the store's default is 60 s). */
  readonly leaseMs?: number;
  /** Return before Slack has accepted the token (default: wait, as a load balancer would). */
  readonly unready?: boolean;
  /** AUTHHELP_MAINTAINERS: who sees "Catalogue health" on App Home. */
  readonly maintainers?: readonly string[];
  /** Reloads the catalogue from a directory (watch, store requests), as main.ts does. */
  readonly reload?: RuntimeParts['reload'];
  /** Installs into many workspaces (OAUTH_APP's credentials), kept in the harness's store. */
  readonly install?: { readonly stateVerification?: boolean };
}

/**
 * The app as main.ts runs it (store, replies and their runner, guarded receiver, token check) on a
 * loopback port, talking to a recording stand-in of Slack.
 */
export interface Harness {
  readonly url: string;
  readonly standIn: SlackStandIn;
  /** Slack's side of the install flow, with `install`. */
  readonly oauth: SlackOAuthStandIn | undefined;
  readonly catalogue: Catalogue;
  readonly store: Store;
  readonly runtime: SlackRuntime;
  /** Every log line the app wrote, as text. */
  readonly logs: string[];
  command(
    text: string,
    options?: SendOptions,
    via?: Via,
  ): Promise<{ res: SlackResponse; responseUrl: string }>;
  click(click: ButtonClick): Promise<SlackResponse>;
  shortcut(
    o: Omit<MessageShortcutOptions, 'responseUrl'>,
  ): Promise<{ res: SlackResponse; responseUrl: string }>;
  /** Posts a view submission or any other interaction payload. */
  interaction(payload: object): Promise<SlackResponse>;
  event(
    event: object,
    o?: {
      eventId?: string;
      retryNum?: number;
      timestamp?: number;
      via?: Via & { botUser?: string };
    },
  ): Promise<SlackResponse>;
  post(body: string, contentType: string, options?: SendOptions): Promise<SlackResponse>;
  /** Stops the app (grace `graceMs`, default 2 s), closes its store and what it owns. */
  stop(graceMs?: number): Promise<void>;
}

let realCatalogue: Promise<Catalogue> | undefined;

/** The shipped knowledge/ catalogue, loaded once per test file. */
export function shippedCatalogue(): Promise<Catalogue> {
  return (realCatalogue ??= loadCatalogue());
}

/** Fast retries and polls, so tests do not wait for production timings. */
const TEST_TUNING = { pollMs: 50, tokenRetryMs: 100 } as const;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const standIn = options.standIn ?? (await SlackStandIn.start());
  const backend = options.backend ?? (await createBackend('sqlite'));
  const store = await backend.open(
    { ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }) },
    options.encryptionKeys,
  );
  const catalogue = options.catalogue ?? (await shippedCatalogue());
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void logs.push(line) },
  });
  const services = createServices({
    catalogue,
    logger,
    policy: { allowLocalTargets: true },
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.runCheck === undefined ? {} : { runCheck: options.runCheck }),
  });
  const install = options.install;
  let url = '';
  const oauth =
    install === undefined
      ? undefined
      : SlackOAuthStandIn.on(standIn, () => `${url}/slack/oauth_redirect`);
  const runtime = await startSlackRuntime({
    config: {
      botToken: install === undefined ? 'xoxb-test-token' : undefined,
      install:
        install === undefined
          ? undefined
          : {
              clientId: OAUTH_APP.clientId,
              clientSecret: OAUTH_APP.clientSecret,
              stateSecret: OAUTH_APP.stateSecret,
              redirectUri: undefined,
              stateVerification: install.stateVerification ?? true,
            },
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: standIn.apiUrl,
      port: 0,
      channels: options.channels ?? [],
      maintainers: options.maintainers ?? [],
      shutdownGraceMs: 2_000,
      jobAttemptTimeoutMs: 15_000,
      encryptionKeys: options.encryptionKeys ?? [],
      jobConcurrency: options.concurrency?.job ?? 32,
      channelConcurrency: options.concurrency?.channel ?? 4,
    },
    services: { ...services, ...options.services },
    store,
    logger,
    host: '127.0.0.1',
    tuning: { ...TEST_TUNING, ...options.tuning },
    ...(options.reload === undefined ? {} : { reload: options.reload }),
  });
  // As a load balancer would: no requests before /readyz says yes (the token check has answered).
  // Installed into many workspaces, there is no one token to check.
  if (options.unready !== true && install === undefined)
    await until(() => runtime.tokenCheck.status.state === 'ok', 'Slack to accept the token');
  url = `http://127.0.0.1:${String(runtime.port)}`;
  const events = `${url}/slack/events`;
  const form = 'application/x-www-form-urlencoded';
  return {
    url,
    standIn,
    oauth,
    catalogue,
    store,
    runtime,
    logs,
    async command(text, sendOptions, via = {}) {
      const responseUrl = standIn.responseUrl();
      const body = commandBody(text, { responseUrl, ...via });
      const res = await sendSigned(events, body, form, sendOptions);
      return { res, responseUrl };
    },
    click: (click) => sendSigned(events, interactionBody(blockActionPayload(click)), form),
    interaction: (payload) => sendSigned(events, interactionBody(payload), form),
    async shortcut(o) {
      const responseUrl = standIn.responseUrl();
      const body = interactionBody(messageShortcutPayload({ ...o, responseUrl }));
      return { res: await sendSigned(events, body, form), responseUrl };
    },
    event: (event, o = {}) =>
      sendSigned(events, eventBody(event, o.eventId, o.via), 'application/json', {
        ...(o.timestamp === undefined ? {} : { timestamp: o.timestamp }),
        headers:
          o.retryNum === undefined
            ? {}
            : { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' },
      }),
    post: (body, contentType, sendOptions) => sendSigned(events, body, contentType, sendOptions),
    async stop(graceMs = 2_000) {
      await runtime.stop(graceMs);
      await store.close();
      if (options.standIn === undefined) await standIn.close();
      if (options.backend === undefined) await backend.cleanup();
    },
  };
}

/** Waits until a log line matches `pattern`. */
export function waitForLog(h: Pick<Harness, 'logs'>, pattern: RegExp, ms = 5_000): Promise<void> {
  return until(
    () => h.logs.some((l) => pattern.test(l)),
    `a log line matching ${String(pattern)}`,
    ms,
  );
}

/** Calls made to one response_url. */
export function repliesTo(standIn: SlackStandIn, responseUrl: string) {
  const path = new URL(responseUrl).pathname;
  return standIn.responses().filter((c) => c.method === path);
}
