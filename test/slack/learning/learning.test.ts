import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { catalogueVersion } from '../../../src/core/learning/catalogue-version.js';
import type { DiagnosisRecord } from '../../../src/core/learning/records.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import { backendNames, createBackend, until, type Backend } from '../../adapters/store/backends.js';
import { button, buttons } from '../support/answer.js';
import { storeEnv } from '../support/app-process.js';
import { repliesTo, startHarness, type Harness } from '../support/harness.js';
import {
  channelMessage,
  commandBody,
  messageShortcutPayload,
  interactionBody,
} from '../support/payloads.js';

// The learning loop end to end, through the real Bolt HTTP receiver and the store: pastes (hits,
// misses, chatter) on every surface, 👍 / 👎 / "Instead" clicks, then `authhelp review --json` as
// a real process on the same store, App Home for a maintainer and for anyone else. Canary
// credentials planted in the pastes must be in no table, no log line, no review output.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(ROOT, 'dist/bin/authhelp.cjs');
const FORM = 'application/x-www-form-urlencoded';
const MAINTAINER = 'U123'; // the clicking user of every interaction payload
const names = await backendNames();

/** Secrets nobody may find again: a JWT, a client secret, a NetSuite token secret, a private key. */
const CANARY = {
  jwt: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjYW5hcnktand0LXN1YmplY3QiLCJpYXQiOjE3MDAwMDAwMDB9.Q2FuYXJ5U2lnbmF0dXJlT2ZUaGVKV1RfOTk4ODc3NjY1NQ',
  clientSecret: 'CanaryClientSecret_7f3b9d2e4a6c8e0f1a3b5c7d',
  tokenSecret: 'c4a9e1f7b2d8c3e6a0f5b9d1e7c2a8f4b6d0e3c9a5f1b7d2e8c4a0f6b3d9e5c1',
  keyBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCanaryKeyBodyX9',
};
const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----\n${CANARY.keyBody}\nZmFrZSBrZXkgbWF0ZXJpYWwgZm9yIHRoZSBjYW5hcnkgdGVzdCBvbmx5IDEyMzQ1\n-----END PRIVATE KEY-----`;

/** One failure the catalogue does not answer, as four people paste it: tenants, hosts, ids, times differ. */
const miss = (tenant: string, host: string, id: string, time: string, extra = ''): string =>
  `Payroll extract failed: GET https://${host}/reports/${tenant}/payroll_extract returned 409 Conflict {"error":"report_quota_exhausted","error_description":"Report run quota exhausted for ${tenant} until ${time}","trace":"${id}"}${extra}`;
const SECRET_LINE = `\nclient_secret=${CANARY.clientSecret}`;
const MISSES = [
  miss(
    'acme_prod',
    'reports.acme.example',
    '8f2c1e2a-1111-2222-3333-444455556666',
    '2026-11-20T10:00:00Z',
  ),
  miss(
    'globex',
    'eu2.reporting.globex.example',
    '0a1b2c3d-aaaa-bbbb-cccc-ddddeeeeffff',
    '2026-11-21T17:42:09Z',
  ),
  miss(
    'initech_sb',
    'reports.initech.example',
    '11111111-2222-3333-4444-555555555555',
    '2026-11-22T08:05:33Z',
  ),
  miss(
    'umbrella',
    'us1.reports.umbrella.example',
    '99999999-8888-7777-6666-555555555555',
    '2026-11-23T23:59:01Z',
  ),
].map((text) => `${text}${SECRET_LINE}`);
const NETSUITE = `Login Audit Trail detail: TokenRejected\nAuthorization: Bearer ${CANARY.jwt}`;
const WORKDAY = `{"error":"invalid_client"} from https://wd5-impl-services1.workday.com/ccx/oauth2/acme/token token_secret=${CANARY.tokenSecret}`;
const KEYED = `invalid_grant when signing the client assertion with\n${PRIVATE_KEY}`;

interface ReviewJson {
  templates: {
    template: string;
    count: number;
    users: number;
    unanswered: number;
    down: number;
    instead: number;
    example?: string;
  }[];
  entries: {
    id: string;
    answers: number;
    up: number;
    down: number;
    instead: number;
    preferred: { id: string; count: number }[];
  }[];
}

describe.each(names)('learning from use (%s)', (name) => {
  let backend: Backend;
  let h: Harness;
  beforeAll(async () => {
    backend = await createBackend(name);
    h = await startHarness({ backend, maintainers: [MAINTAINER] });
  }, 60_000);
  afterAll(async () => {
    await h.stop();
    await backend.cleanup();
  });

  const all = () => h.store.learning.readSince('2000-01-01T00:00:00.000Z');
  /** `/authhelp <text>` from `user`; the private reply. */
  const command = async (text: string, user: string) => {
    const responseUrl = h.standIn.responseUrl();
    const res = await h.post(commandBody(text, { responseUrl, user }), FORM);
    expect(res.status).toBe(200);
    await h.standIn.waitFor(() => repliesTo(h.standIn, responseUrl).length > 0);
    return repliesTo(h.standIn, responseUrl)[0]!.body;
  };
  const click = async (actionId: string, value: string | undefined) => {
    const responseUrl = h.standIn.responseUrl();
    const res = await h.click({ actionId, responseUrl, ...(value === undefined ? {} : { value }) });
    expect(res.status).toBe(200);
    await h.standIn.waitFor(() => repliesTo(h.standIn, responseUrl).length > 0);
  };

  it('records every diagnosis on every surface, but not chatter, and each click against its diagnosis', async () => {
    // Misses: a command, two channel pastes, a shortcut, from four people.
    await command(MISSES[0]!, 'U1');
    for (const [i, text] of [MISSES[1]!, MISSES[2]!].entries())
      expect((await h.event(channelMessage(text, { user: `U${i + 2}` }))).status).toBe(200);
    const shortcutUrl = h.standIn.responseUrl();
    await h.post(
      interactionBody(messageShortcutPayload({ text: MISSES[3]!, responseUrl: shortcutUrl })),
      FORM,
    );
    // Chatter in a channel: not a diagnosis worth keeping.
    await h.event(channelMessage('lunch at noon? the usual place', { user: 'U7' }));
    // Hits: a channel answer in the thread, and three private answers that get feedback.
    await h.event(channelMessage(NETSUITE, { user: 'U8' }));
    await h.standIn.waitFor(() => h.standIn.api('chat.postMessage').length > 0);
    const up = await command(NETSUITE, 'U4');
    await click('authhelp_feedback_up', button(up, 'authhelp_feedback_up').value);
    const down = await command(WORKDAY, 'U5');
    await click('authhelp_feedback_down', button(down, 'authhelp_feedback_down').value);
    const instead = await command(WORKDAY, 'U6');
    const alt = buttons(instead).find((b) => b.action_id === 'authhelp_alt_0')!;
    await click('authhelp_alt_0', alt.value);
    await command(KEYED, 'U9');

    await until(async () => (await all()).feedback.length === 3, 'three votes recorded');
    await until(async () => (await all()).diagnoses.length === 9, 'nine diagnoses recorded');
    const { diagnoses, feedback } = await all();
    const version = catalogueVersion(h.catalogue);
    expect(diagnoses.every((d) => d.catalogueVersion === version)).toBe(true);
    const by = (user: string): DiagnosisRecord => diagnoses.find((d) => d.user === user)!;
    expect(diagnoses.find((d) => d.user === 'U7')).toBeUndefined();
    expect(by('U1')).toMatchObject({ surface: 'command', answered: false, team: 'T1' });
    expect(by('U2')).toMatchObject({ surface: 'channel', answered: false });
    expect(by(MAINTAINER)).toMatchObject({ surface: 'shortcut', answered: false });
    expect(by('U8')).toMatchObject({
      surface: 'channel',
      answered: true,
      entryId: 'netsuite/TokenRejected',
    });
    expect(by('U5')).toMatchObject({
      surface: 'command',
      answered: true,
      entryId: 'workday/invalid-credentials',
    });
    for (const d of diagnoses) {
      expect(d.templateId).toMatch(/^[0-9a-f]{12}$/);
      expect(d.maskedText?.length).toBeLessThanOrEqual(4096);
    }
    expect(by('U1').maskedText).toContain('[redacted');
    // Hosts, ids and times are masked in the template (the review groups what is left).
    for (const u of ['U1', 'U2', 'U3', MAINTAINER]) {
      expect(by(u).template).toContain('<TIME>');
      expect(by(u).template).not.toMatch(/reports?\.|[0-9a-f]{8}-[0-9a-f]{4}|2026-11/);
    }
    const altId = JSON.parse(alt.value!) as { a: [string, number][] };
    expect(feedback).toEqual(
      expect.arrayContaining([
        { diagnosisId: by('U4').id, kind: 'up' },
        { diagnosisId: by('U5').id, kind: 'down' },
        { diagnosisId: by('U6').id, kind: 'instead', insteadEntryId: altId.a[0]![0] },
      ]),
    );
  }, 60_000);

  it('`authhelp review --json`, a real process on the same store, groups the misses and counts the votes', async () => {
    const review = await reviewJson();
    const missed = review.templates.find((t) => t.unanswered > 0)!;
    expect(missed).toMatchObject({ count: 4, users: 4, unanswered: 4 });
    expect(missed.template).toContain('report_quota_exhausted');
    const rejected = review.templates.find((t) => t.down + t.instead > 0)!;
    expect(rejected).toMatchObject({ count: 2, users: 2, down: 1, instead: 1 });
    const entry = (id: string) => review.entries.find((e) => e.id === id)!;
    expect(entry('netsuite/TokenRejected')).toMatchObject({ answers: 2, up: 1, down: 0 });
    expect(entry('workday/invalid-credentials')).toMatchObject({ answers: 2, down: 1, instead: 1 });
    expect(entry('workday/invalid-credentials').preferred).toHaveLength(1);
  }, 60_000);

  it('shows a maintainer "Catalogue health" with a drafted entry, and everyone else the usual App Home', async () => {
    await h.event({ type: 'app_home_opened', user: 'U999', channel: 'D9', tab: 'home' });
    await h.event({ type: 'app_home_opened', user: MAINTAINER, channel: 'D1', tab: 'home' });
    await h.standIn.waitFor(() => h.standIn.api('views.publish').length === 2);
    const views = (user: string) =>
      h.standIn
        .api('views.publish')
        .filter((c) => c.body['user_id'] === user)
        .map((c) => c.body['view'] as Record<string, unknown>);
    const [other] = views('U999');
    expect(JSON.stringify(other)).not.toContain('Catalogue health');
    expect(other).toEqual(JSON.parse(JSON.stringify(homeView(h.catalogue))));
    const [mine] = views(MAINTAINER);
    const text = JSON.stringify(mine);
    expect(text).toContain('Catalogue health');
    expect(text).toContain('4 pastes · 4 people');
    expect(text).toContain('report_quota_exhausted');

    const draft = (mine!['blocks'] as { accessory?: { action_id: string; value: string } }[])
      .map((b) => b.accessory)
      .find((a) => a?.action_id === 'authhelp_draft_entry')!;
    expect(
      (await h.click({ actionId: draft.action_id, value: draft.value, container: 'home' })).status,
    ).toBe(200);
    await h.standIn.waitFor(() => h.standIn.api('views.open').length === 1);
    const modal = JSON.stringify(h.standIn.api('views.open')[0]!.body['view']);
    expect(modal).toContain('rich_text_preformatted');
    expect(modal).toMatch(/- id: [\w-]+\//);
    expect(modal).toContain('report_quota_exhausted');
    expect(modal).toContain('[redacted');
  }, 60_000);

  it('keeps the canary secrets out of every table, log line, review and Slack call', async () => {
    const found: string[] = [];
    const look = (where: string, text: string) => {
      for (const [kind, secret] of Object.entries(CANARY))
        if (text.includes(secret)) found.push(`${kind} in ${where}`);
    };
    for (const table of await tableNames())
      look(`table ${table}`, JSON.stringify(await backend.raw(`SELECT * FROM ${table}`)));
    if (name === 'sqlite')
      for (const file of readdirSync(backend.config().dataDir))
        look(file, readFileSync(join(backend.config().dataDir, file)).toString('latin1'));
    look('logs', h.logs.join('\n'));
    look('review --json', JSON.stringify(await reviewJson()));
    look('Slack calls', h.standIn.calls.map((c) => c.raw).join('\n'));
    expect(found).toEqual([]);
  }, 60_000);

  async function reviewJson(): Promise<ReviewJson> {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [CLI, 'review', '--json', '--since', '30d'],
      {
        env: { PATH: process.env['PATH'] ?? '', ...storeEnv(backend.config()) },
      },
    );
    return JSON.parse(stdout) as ReviewJson;
  }

  async function tableNames(): Promise<string[]> {
    const rows =
      name === 'sqlite'
        ? await backend.raw("SELECT name FROM sqlite_master WHERE type = 'table'")
        : await backend.raw(
            `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema IN (current_schema(), current_schema() || '_jobs')`,
          );
    return rows.map((r) => String(r['name']));
  }
});
