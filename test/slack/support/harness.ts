import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadCatalogue } from '../../../src/adapters/catalogue-files.js';
import { createLogger } from '../../../src/adapters/logger.js';
import type { Catalogue } from '../../../src/core/catalogue/catalogue.js';
import { createDiagnoser } from '../../../src/core/matching/diagnose.js';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { createSlackApp, type SlackAppOptions } from '../../../src/slack/app.js';
import {
  blockActionPayload,
  commandBody,
  eventBody,
  interactionBody,
  messageShortcutPayload,
  type ButtonClick,
  type MessageShortcutOptions,
} from './payloads.js';
import { SIGNING_SECRET, sendSigned, type SendOptions, type SlackResponse } from './signed.js';
import { SlackStandIn } from './stand-in.js';

export interface HarnessOptions {
  readonly catalogue?: Catalogue;
  readonly diagnoser?: Diagnoser;
  readonly channels?: readonly string[];
  readonly extra?: Partial<
    Pick<SlackAppOptions, 'openCheckModal' | 'recordFeedback' | 'homeButtons' | 'listeners'>
  >;
}

/** The real Bolt app in HTTP mode on a loopback port, talking to a recording stand-in of Slack. */
export interface Harness {
  readonly url: string;
  readonly standIn: SlackStandIn;
  readonly catalogue: Catalogue;
  /** Every log line the app wrote, as text. */
  readonly logs: string[];
  command(
    text: string,
    options?: SendOptions,
  ): Promise<{ res: SlackResponse; responseUrl: string }>;
  click(click: ButtonClick): Promise<SlackResponse>;
  shortcut(
    o: Omit<MessageShortcutOptions, 'responseUrl'>,
  ): Promise<{ res: SlackResponse; responseUrl: string }>;
  event(event: object, o?: { eventId?: string; retryNum?: number }): Promise<SlackResponse>;
  post(body: string, contentType: string, options?: SendOptions): Promise<SlackResponse>;
  stop(): Promise<void>;
}

let realCatalogue: Promise<Catalogue> | undefined;

/** The shipped knowledge/ catalogue, loaded once per test file. */
export function shippedCatalogue(): Promise<Catalogue> {
  return (realCatalogue ??= loadCatalogue());
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const standIn = await SlackStandIn.start();
  const catalogue = options.catalogue ?? (await shippedCatalogue());
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void logs.push(line) },
  });
  const app = createSlackApp({
    config: {
      botToken: 'xoxb-test-token',
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: standIn.apiUrl,
      port: 0,
      channels: options.channels ?? [],
    },
    catalogue,
    diagnoser: options.diagnoser ?? createDiagnoser(catalogue),
    logger,
    ...options.extra,
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const events = `${url}/slack/events`;
  const form = 'application/x-www-form-urlencoded';
  return {
    url,
    standIn,
    catalogue,
    logs,
    async command(text, sendOptions) {
      const responseUrl = standIn.responseUrl();
      const res = await sendSigned(events, commandBody(text, { responseUrl }), form, sendOptions);
      return { res, responseUrl };
    },
    click: (click) => sendSigned(events, interactionBody(blockActionPayload(click)), form),
    async shortcut(o) {
      const responseUrl = standIn.responseUrl();
      const body = interactionBody(messageShortcutPayload({ ...o, responseUrl }));
      return { res: await sendSigned(events, body, form), responseUrl };
    },
    event: (event, o = {}) =>
      sendSigned(events, eventBody(event, o.eventId), 'application/json', {
        headers:
          o.retryNum === undefined
            ? {}
            : { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' },
      }),
    post: (body, contentType, sendOptions) => sendSigned(events, body, contentType, sendOptions),
    async stop() {
      server.closeAllConnections();
      await app.stop();
      await standIn.close();
    },
  };
}

/** Calls made to one response_url. */
export function repliesTo(standIn: SlackStandIn, responseUrl: string) {
  const path = new URL(responseUrl).pathname;
  return standIn.responses().filter((c) => c.method === path);
}
