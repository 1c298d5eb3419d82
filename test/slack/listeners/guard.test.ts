import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createLogger } from '../../../src/adapters/logger.js';
import { detectSecrets } from '../../../src/core/secrets/detect.js';
import { describeCredentials, guardNotice } from '../../../src/slack/blocks/guard-notice.js';
import { createServices, type Services } from '../../../src/slack/services.js';
import { limitViolations } from '../support/blocks-check.js';
import { shippedCatalogue, startHarness, type Harness } from '../support/harness.js';
import { CHANNEL, channelMessage, nextEventId } from '../support/payloads.js';
import { netsuiteRefresh, NOW } from '../../support/mint.js';

const SECRET = randomBytes(32).toString('hex');
const negatives = (
  JSON.parse(
    readFileSync(new URL('../../fixtures/secrets/dev-negatives.json', import.meta.url), 'utf8'),
  ) as { cases: { text: string }[] }
).cases.map((c) => c.text);

describe('leaked-credential guard in channels', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ now: () => NOW });
  });
  afterAll(async () => {
    await h.stop();
  });

  const notes = () => h.standIn.api('chat.postEphemeral');

  it('tells the poster alone to delete and rotate a client secret, without repeating it', async () => {
    const before = notes().length;
    await h.event(
      channelMessage(
        `token call fails, body: grant_type=client_credentials&client_secret=${SECRET}`,
      ),
    );
    await h.standIn.waitFor(() => notes().length === before + 1);
    const note = notes().at(-1)!.body;
    expect(note['channel']).toBe(CHANNEL);
    expect(note['user']).toBe('U555');
    const text = JSON.stringify(note);
    expect(text).toContain('a client secret');
    expect(text).toMatch(/delete the message/i);
    expect(text).toContain('Generate New Client Secret');
    expect(text).toContain('Reset Credentials');
    expect(text).not.toContain(SECRET);
    expect(h.logs.join('\n')).not.toContain(SECRET);
    expect(limitViolations(note, 50)).toEqual([]);
  });

  it.each([
    [
      `curl -u 5c2a9e1b7d3f:${SECRET} https://x/token gives 401`,
      'curl --user',
      'Reset Credentials',
    ],
    [
      `sync fails, DATABASE_URL=postgres://sync:${SECRET.slice(0, 20)}@db:5432/app`,
      'a password in a URL',
      'Maintain Password for Account',
    ],
  ])('warns about the password of a user:password pair: %s', async (text, kind, step) => {
    const before = notes().length;
    await h.event(channelMessage(text));
    await h.standIn.waitFor(() => notes().length === before + 1);
    const note = JSON.stringify(notes().at(-1)!.body);
    expect(note).toContain(kind);
    expect(note).toContain(step);
    expect(note).not.toContain(SECRET.slice(0, 20));
    expect(h.logs.join('\n')).not.toContain(SECRET.slice(0, 20));
  });

  it('warns about a URL-encoded client secret and an encoded Basic header', async () => {
    const basic = Buffer.from(`app:${SECRET}`).toString('base64');
    const before = notes().length;
    await h.event(
      channelMessage(
        `login redirect: /cb?next=%2Ftoken%3Fclient_secret%3D${SECRET} and h=Authorization: Basic%20${basic}`,
      ),
    );
    await h.standIn.waitFor(() => notes().length === before + 1);
    const note = JSON.stringify(notes().at(-1)!.body);
    expect(note).toContain('a client secret');
    expect(note).not.toContain(SECRET);
    expect(note).not.toContain(basic);
    expect(h.logs.join('\n')).not.toContain(SECRET);
  });

  it('names a NetSuite refresh token and gives NetSuite steps only, in the thread', async () => {
    const token = await netsuiteRefresh();
    const before = notes().length;
    await h.event(channelMessage(`refresh_token=${token}`, { thread_ts: '1700000000.000009' }));
    await h.standIn.waitFor(() => notes().length === before + 1);
    const note = notes().at(-1)!.body;
    expect(note['thread_ts']).toBe('1700000000.000009');
    const text = JSON.stringify(note);
    expect(text).toContain('a NetSuite refresh token');
    expect(text).toContain('expires in 6 d');
    expect(text).toContain('Revoke');
    expect(text).not.toContain('Workday');
    expect(text).not.toContain(token.split('.')[2]);
  });

  it('still answers in the thread from the masked text, which never carries the credential', async () => {
    const posts = () => h.standIn.api('chat.postMessage');
    const before = { notes: notes().length, posts: posts().length };
    await h.event(
      channelMessage(
        `Login Audit Trail detail: TokenRejected\nAuthorization: Bearer ${await netsuiteRefresh()}`,
      ),
    );
    await h.standIn.waitFor(
      () => notes().length === before.notes + 1 && posts().length === before.posts + 1,
    );
    expect(JSON.stringify(posts().at(-1)!.body)).toContain('netsuite/TokenRejected');
  });

  it('warns once for a redelivered event and never for bots', async () => {
    const before = notes().length;
    const eventId = nextEventId();
    const msg = channelMessage(`CLIENT_SECRET=${SECRET}`);
    await h.event(msg, { eventId });
    await h.event(msg, { eventId, retryNum: 1 });
    await h.event(
      channelMessage(`CLIENT_SECRET=${SECRET}`, { bot_id: 'B1', subtype: 'bot_message' }),
    );
    await h.standIn.settle();
    expect(notes().length).toBe(before + 1);
  });

  it('stays silent on every negative case of the dev evaluation set, UUIDs and hashes', async () => {
    const before = notes().length;
    for (const text of [
      ...negatives,
      'request id 0f8fad5b-d9cb-469f-a165-70867728950e, commit 82af1c1f5402eaed3ad52a311f178124c21a469b',
      'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ]) {
      await h.event(channelMessage(text));
    }
    await h.standIn.settle();
    expect(notes().length).toBe(before);
  });
});

describe('guardNotice', () => {
  let inspect: Services['inspectToken'];
  beforeAll(async () => {
    inspect = (await services()).inspectToken;
  });
  const notice = (text: string) =>
    JSON.stringify(guardNotice(describeCredentials(text, detectSecrets(text), inspect)));

  it.each([
    [
      'a Slack token',
      `SLACK_BOT_TOKEN=xoxb-1234567890-1234567890123-${randomBytes(12).toString('hex')}`,
      'api.slack.com/apps',
    ],
    [
      'a private key',
      `-----BEGIN PRIVATE KEY-----\n${randomBytes(300).toString('base64')}\n-----END PRIVATE KEY-----`,
      'OAuth 2.0 Client Credentials (M2M) Setup',
    ],
    ['a password', 'password=Xq7#mP2v!Lw9', 'Maintain Password for Account'],
    [
      'a refresh token',
      `refresh_token=${randomBytes(30).toString('base64url')}`,
      'Manage Refresh Tokens for Integrations',
    ],
    [
      'a Basic header',
      `Authorization: Basic ${randomBytes(30).toString('base64')}`,
      'Generate New Client Secret',
    ],
  ])('gives rotation steps for %s', (_, text, step) => {
    const out = notice(text);
    expect(out).toContain(step);
    const [f] = detectSecrets(text);
    expect(f).toBeDefined();
    expect(out).not.toContain(text.slice(f!.start, f!.end));
  });

  it('lists several credentials', () => {
    const out = notice(
      `client_secret=${SECRET}\nxoxp-1234567890-1234567890-1234567890-${randomBytes(16).toString('hex')}`,
    );
    expect(out).toContain('• a client secret');
    expect(out).toContain('• a Slack user token');
  });
});

describe('the diagnose service', () => {
  it('matches the text with credentials masked', async () => {
    const d = (await services()).diagnose(`invalid_client client_secret=${SECRET}`);
    expect(d.inputLength).toBe('invalid_client client_secret=[redacted assignment]'.length);
  });
});

async function services() {
  return createServices({
    catalogue: await shippedCatalogue(),
    logger: createLogger({ destination: { write: () => undefined } }),
    policy: { allowLocalTargets: false },
    now: () => NOW,
  });
}
