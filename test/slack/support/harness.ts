import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadCatalogue } from '../../../src/adapters/catalogue-files.js';
import { createLogger } from '../../../src/adapters/logger.js';
import type { CheckRunner } from '../../../src/adapters/http/runner.js';
import type { Catalogue } from '../../../src/core/catalogue/catalogue.js';
import { createSlackApp, type ListenerState } from '../../../src/slack/app.js';
import { createServices, type Services } from '../../../src/slack/services.js';
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
  readonly channels?: readonly string[];
  /** The clock of token inspections and NetSuite assertions. */
  readonly now?: () => Date;
  /** The live check (by default the guarded runner, local targets allowed). */
  readonly runCheck?: CheckRunner;
  /** Services to replace outright (a failing diagnose…). */
  readonly services?: Partial<Services>;
  readonly state?: ListenerState;
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
  /** Posts a view submission or any other interaction payload. */
  interaction(payload: object): Promise<SlackResponse>;
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
  const services = createServices({
    catalogue,
    logger,
    policy: { allowLocalTargets: true },
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.runCheck === undefined ? {} : { runCheck: options.runCheck }),
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
    services: { ...services, ...options.services },
    ...(options.state === undefined ? {} : { state: options.state }),
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
    interaction: (payload) => sendSigned(events, interactionBody(payload), form),
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
