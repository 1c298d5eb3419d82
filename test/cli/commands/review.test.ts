import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReviewReport } from '../../../src/cli/commands/review-report.js';
import { parseCases } from '../../../src/eval/cases.js';
import {
  backendNames,
  createBackend,
  storeEnv,
  type Backend,
} from '../../adapters/store/backends.js';
import { cli, expectNoStack, type Run } from '../../support/bin.js';
import { shippedRecorder, type Recorder } from '../../support/learning-records.js';

// `authhelp review` as a real process, reading records seeded through the store API.

const names = await backendNames();
const HOUR = 60 * 60 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
/**
 * Upper bounds only, generous: the PostgreSQL store starts its job queue on open, and a loaded
 * two-core machine runs several of these processes at once.
 */
const RUN_LIMIT_MS = 60_000;
jest.setTimeout(4 * RUN_LIMIT_MS);
const review = (args: readonly string[], env: Record<string, string>): Promise<Run> =>
  cli(['review', ...args], { env, limitMs: RUN_LIMIT_MS });

/** One failure the catalogue has no entry for, as three people in three tenants pasted it. */
const LOCKED = [
  'Workday: tenant acme_impl is locked for maintenance until 2026-11-20T10:00:00Z (ref 88421)',
  'Workday: tenant globex_prod is locked for maintenance until 2026-11-21T02:30:00Z (ref 11934)',
  'Workday: tenant initech_sb2 is locked for maintenance until 2026-11-22T18:15:00Z (ref 50017)',
];
const NETSUITE_401 =
  'POST https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token -> 401 {"error":"invalid_client"}';

function oneJson(run: Run): ReviewReport {
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout) as ReviewReport;
}

describe.each(names)('authhelp review on %s', (name) => {
  let backend: Backend;
  let recorder: Recorder;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'authhelp-review-'));
  beforeAll(async () => {
    backend = await createBackend(name);
    recorder = await shippedRecorder();
    env = storeEnv(backend);
    const store = await backend.open();
    const { record } = recorder;
    const users = ['U1', 'U2', 'U3'];
    for (const [i, paste] of LOCKED.entries())
      await store.learning.recordDiagnosis(
        record(`miss-${i}`, paste, { user: users[i]!, time: ago((3 - i) * HOUR) }),
      );
    // Answered three times: one 👍, one 👎, one "instead" (two votes by U5, the latest counts).
    const answer = { entryId: 'netsuite/ClientAuthenticationFailed', confidence: 0.8 };
    for (const i of [0, 1, 2])
      await store.learning.recordDiagnosis(
        record(`ns-${i}`, NETSUITE_401, {
          ...answer,
          answered: true,
          surface: 'command',
          user: `U${4 + i}`,
          time: ago(2 * HOUR),
        }),
      );
    await store.learning.recordFeedback({ diagnosisId: 'ns-0', user: 'U4', kind: 'up' });
    await store.learning.recordFeedback({ diagnosisId: 'ns-1', user: 'U5', kind: 'up' });
    await store.learning.recordFeedback({ diagnosisId: 'ns-1', user: 'U5', kind: 'down' });
    await store.learning.recordFeedback({
      diagnosisId: 'ns-2',
      user: 'U6',
      kind: 'instead',
      insteadEntryId: 'netsuite/InvalidLogin',
    });
    // Older than a day: `--since 24h` leaves it out, the default week does not.
    await store.learning.recordDiagnosis(
      record('old', 'SAML assertion rejected by the IdP: AudienceMismatch', {
        time: ago(3 * 24 * HOUR),
      }),
    );
    await store.close();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await backend.cleanup();
  });

  it('--json: one object, templates ranked with examples, nearest entries and drafts; per-entry figures', async () => {
    const report = oneJson(await review(['--json'], env));
    expect(report.diagnoses).toBe(7);
    expect(report.catalogueVersion).toBe(recorder.version);
    const [locked, ...rest] = report.templates;
    // Three tenants, refs and times: one template, three people.
    expect(locked).toMatchObject({ count: 3, users: 3, unanswered: 3, down: 0, instead: 0 });
    expect(locked?.example).toBe(LOCKED[2]);
    expect(locked?.template).toContain('locked for maintenance');
    expect(locked?.template).not.toMatch(/acme_impl|globex_prod|initech_sb2|88421/);
    expect(locked?.draft.system).toBe('workday');
    expect(locked?.draft.yaml).toMatch(/^ {2}- id: workday\//m);
    expect(Array.isArray(locked?.nearest)).toBe(true);
    // The NetSuite answer people rejected (👎 and "instead") is one template of two pastes.
    expect(rest.find((t) => t.down + t.instead > 0)).toMatchObject({
      count: 2,
      users: 2,
      down: 1,
      instead: 1,
      exampleVia: 'command',
    });
    expect(report.entries).toEqual([
      {
        id: 'netsuite/ClientAuthenticationFailed',
        answers: 3,
        up: 1,
        down: 1,
        instead: 1,
        preferred: [{ id: 'netsuite/InvalidLogin', count: 1 }],
        pickedInstead: 0,
      },
      {
        id: 'netsuite/InvalidLogin',
        answers: 0,
        up: 0,
        down: 0,
        instead: 0,
        preferred: [],
        pickedInstead: 1,
      },
    ]);
  });

  it('--since 24h and --since DATE read from then on', async () => {
    const day = oneJson(await review(['--json', '--since', '24h'], env));
    expect(day.diagnoses).toBe(6);
    expect(JSON.stringify(day)).not.toContain('AudienceMismatch');
    const date = new Date(Date.now() - 10 * 24 * HOUR).toISOString().slice(0, 10);
    const all = oneJson(await review(['--json', '--since', date], env));
    expect(all.diagnoses).toBe(7);
    expect(all.since).toBe(`${date}T00:00:00.000Z`);
  });

  it('prints the review for a terminal: ranks, masked example, nearest, draft, entry figures', async () => {
    const run = await review([], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^7 diagnoses since .+ UTC in (sqlite|postgres) /);
    expect(run.stdout).toContain('1. 3 pastes from 3 people (3 unanswered)');
    expect(run.stdout).toContain(`   | ${LOCKED[2]}`);
    expect(run.stdout).toMatch(/ {3}nearest: /);
    expect(run.stdout).toMatch(
      / {3}draft for knowledge\/workday\.yml:\n {5}# Drafted by authhelp review: 3 pastes from 3 people\./,
    );
    expect(run.stdout).toMatch(
      /netsuite\/ClientAuthenticationFailed +3 answers +👍 +1 +👎 +1 +another +1 → netsuite\/InvalidLogin ×1/,
    );
  });

  it('--export writes masked examples as eval cases, and replaces the file only with --force', async () => {
    const file = join(dir, 'cases.jsonl');
    const run = await review(['--export', file], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Wrote 3 eval cases to .*cases\.jsonl/);
    const cases = parseCases(readFileSync(file, 'utf8'), file);
    expect(cases.map((c) => [c.text, c.via, c.expect])).toContainEqual([LOCKED[2], 'channel', []]);
    expect(cases).toHaveLength(3);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'kept\n');
    const again = await review(['--json', '--export', file], env);
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toMatch(/^authhelp: .*cases\.jsonl exists; add --force to replace it\n$/);
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
    const forced = oneJson(await review(['--json', '--export', file, '--force'], env));
    expect(forced).toMatchObject({ export: { file, cases: 3 } });
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(4);
  });
});

describe('authhelp review with bad input or no store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'authhelp-review-bad-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [['--since', 'yesterday'], /^authhelp: --since yesterday: give a duration/],
    [['--since', '2026-02-30'], /^authhelp: --since 2026-02-30: /],
    [['--frobnicate'], /^authhelp: unknown flag --frobnicate \(usage: authhelp review /],
    [['--force'], /^authhelp: --force only applies with --export FILE/],
    [['extra'], /^authhelp: unexpected argument "extra"/],
  ])('%j: one line, exit 2', async (args, message) => {
    const run = await review(args, { AUTHHELP_DATA_DIR: dir });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it.each([
    [{ AUTHHELP_DATA_DIR: join(dir, 'never-ran') }, 1, /^authhelp: no store at .*never-ran/],
    [
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      1,
      /^authhelp: cannot use PostgreSQL at 127\.0\.0\.1:1\/none/,
    ],
    [{ DATABASE_URL: 'mysql://x' }, 2, /^authhelp: DATABASE_URL must be a postgres:\/\/ URL/],
  ])('a store that cannot be read: one line, no stack (%j)', async (env, code, message) => {
    const run = await review([], env);
    expect(run).toMatchObject({ code, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expectNoStack(run);
  });
});
