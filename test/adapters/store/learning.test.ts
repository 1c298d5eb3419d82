import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuthHelpError } from '../../../src/core/errors.js';
import type { DiagnosisRecord } from '../../../src/core/learning/records.js';
import { openStore } from '../../../src/adapters/store/open.js';
import type { Store } from '../../../src/adapters/store/types.js';
import { diagnosisRecord } from '../../support/learning-records.js';
import { backendNames, createBackend, type Backend } from './backends.js';

const names = await backendNames();
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-01T00:00:00.000Z');

function diagnosis(id: string, at: number, over: Partial<DiagnosisRecord> = {}): DiagnosisRecord {
  return diagnosisRecord(id, {
    time: new Date(at).toISOString(),
    catalogueVersion: 'v1abc',
    maskedText: `error ${id}: invalid_client [redacted value]`,
    template: 'error <*>: invalid_client [redacted value]',
    templateId: 'tpl1',
    ...over,
  });
}

describe.each(names)('learning records on %s', (name) => {
  let backend: Backend;
  let t = T0;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    backend = await createBackend(name);
    a = await backend.open({ now: () => t });
    b = await backend.open({ now: () => t });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await backend.cleanup();
  });

  it('reads back what it stored, in time order, from any instance', async () => {
    const answered = diagnosis('d-answered', T0 + 2_000, {
      surface: 'command',
      entryId: 'workday/invalid-client',
      confidence: 0.87,
      answered: true,
    });
    const { maskedText: _t, template: _p, templateId: _i, ...bare } = diagnosis('d-bare', T0);
    expect(await a.learning.recordDiagnosis(answered)).toEqual({ recorded: true, textKept: true });
    expect(await b.learning.recordDiagnosis(bare)).toEqual({ recorded: true, textKept: false });
    const read = await b.learning.readSince(new Date(T0).toISOString());
    expect(read.diagnoses).toEqual([bare, answered]);
    expect(read.feedback).toEqual([]);
  });

  it('keeps the first of two records with one id (a redelivered event)', async () => {
    const first = diagnosis('d-dup', T0 + 3_000);
    expect(await a.learning.recordDiagnosis(first)).toMatchObject({ recorded: true });
    expect(await b.learning.recordDiagnosis({ ...first, answered: true, entryId: 'x/y' })).toEqual({
      recorded: false,
      reason: 'duplicate',
    });
    const read = await a.learning.readSince(first.time);
    expect(read.diagnoses.find((d) => d.id === 'd-dup')).toEqual(first);
  });

  it('records many at once, each with its own outcome, the first of one id kept', async () => {
    const many = [1, 2, 3].map((i) => diagnosis(`d-many-${String(i)}`, T0 + 3_500 + i));
    const again = { ...many[1]!, answered: true, entryId: 'x/y' };
    // Called in one turn: on PostgreSQL one statement for all of them.
    const outcomes = await Promise.all([...many, again].map((d) => a.learning.recordDiagnosis(d)));
    expect(outcomes.map((o) => o.recorded)).toEqual([true, true, true, false]);
    const read = await b.learning.readSince(many[0]!.time);
    expect(read.diagnoses.filter((d) => d.id.startsWith('d-many-'))).toEqual(many);
  });

  it('keeps one vote per person per diagnosis, the latest', async () => {
    await a.learning.recordDiagnosis(
      diagnosis('d-vote', T0 + 4_000, { answered: true, entryId: 'a/b' }),
    );
    const vote = (user: string, kind: 'up' | 'down' | 'instead', insteadEntryId?: string) =>
      b.learning.recordFeedback({
        diagnosisId: 'd-vote',
        user,
        kind,
        ...(insteadEntryId === undefined ? {} : { insteadEntryId }),
      });
    expect(await vote('U1', 'up')).toEqual({ recorded: true });
    t += 1_000;
    expect(await vote('U1', 'down')).toEqual({ recorded: true });
    t += 1_000;
    expect(await vote('U2', 'up')).toEqual({ recorded: true });
    t += 1_000;
    expect(await vote('U1', 'instead', 'a/c')).toEqual({ recorded: true });
    const read = await a.learning.readSince(new Date(T0 + 4_000).toISOString());
    expect(read.feedback).toEqual([
      { diagnosisId: 'd-vote', kind: 'up' },
      { diagnosisId: 'd-vote', kind: 'instead', insteadEntryId: 'a/c' },
    ]);
    // The raw table holds exactly the two people's latest votes.
    const rows = await backend.raw(
      "SELECT user_id, kind FROM feedback WHERE diagnosis_id = 'd-vote' ORDER BY user_id",
    );
    expect(rows).toEqual([
      { user_id: 'U1', kind: 'instead' },
      { user_id: 'U2', kind: 'up' },
    ]);
  });

  it('refuses, as a value, a vote on a diagnosis it does not have', async () => {
    expect(
      await a.learning.recordFeedback({ diagnosisId: 'nope', user: 'U1', kind: 'down' }),
    ).toEqual({ recorded: false, reason: 'unknown-diagnosis' });
    expect(await backend.raw("SELECT * FROM feedback WHERE diagnosis_id = 'nope'")).toEqual([]);
  });

  it('throws a coded error for a malformed record, naming no paste', async () => {
    const bad = diagnosis('d-bad', T0, { confidence: 2, maskedText: 'PASTE-TEXT' });
    const err = await a.learning.recordDiagnosis(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthHelpError);
    expect((err as AuthHelpError).code).toBe('INTERNAL');
    expect(JSON.stringify(err) + String(err)).not.toContain('PASTE-TEXT');
    await expect(
      a.learning.recordFeedback({ diagnosisId: 'd-vote', user: 'U1', kind: 'instead' }),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('reads only records at or after the time asked for', async () => {
    await a.learning.recordDiagnosis(diagnosis('d-later', T0 + 10 * DAY));
    const read = await b.learning.readSince(new Date(T0 + 10 * DAY).toISOString());
    expect(read.diagnoses.map((d) => d.id)).toEqual(['d-later']);
  });

  it('cuts a masked paste to 4 KB', async () => {
    await a.learning.recordDiagnosis(
      diagnosis('d-long', T0 + 11 * DAY, { maskedText: 'é'.repeat(5000) }),
    );
    const read = await a.learning.readSince(new Date(T0 + 11 * DAY).toISOString());
    expect(read.diagnoses[0]?.maskedText).toBe('é'.repeat(4096));
  });

  it('sweeps paste text after the retention, and records with their votes after 90 days', async () => {
    t = T0 + 20 * DAY;
    await a.learning.recordDiagnosis(diagnosis('d-old', T0 + 20 * DAY - 31 * DAY));
    await a.learning.recordDiagnosis(diagnosis('d-recent', T0 + 20 * DAY - 29 * DAY));
    await a.sweep();
    const texts = await backend.raw(
      "SELECT id, masked_text FROM diagnoses WHERE id IN ('d-old', 'd-recent') ORDER BY id",
    );
    expect(texts).toEqual([
      { id: 'd-old', masked_text: null },
      { id: 'd-recent', masked_text: expect.stringContaining('d-recent') as unknown },
    ]);
    t = T0 + 4_000 + 90 * DAY + 1;
    await b.sweep();
    expect(await backend.raw("SELECT id FROM diagnoses WHERE id = 'd-vote'")).toEqual([]);
    expect(await backend.raw("SELECT * FROM feedback WHERE diagnosis_id = 'd-vote'")).toEqual([]);
    expect(await backend.raw("SELECT id FROM diagnoses WHERE id = 'd-later'")).toHaveLength(1);
  });
});

describe.each(names)('learning records with AUTHHELP_RETENTION_DAYS=0 on %s', (name) => {
  let backend: Backend;
  let store: Store;
  beforeAll(async () => {
    backend = await createBackend(name);
    // As AUTHHELP_RETENTION_DAYS=0 configures it.
    store = await openStore({ ...backend.config(), retentionDays: 0 }, { sweepEveryMs: 0 });
  });
  afterAll(async () => {
    await store.close();
    await backend.cleanup();
  });

  it('stores templates and counts but never the paste text', async () => {
    expect(store.learning.retentionDays).toBe(0);
    expect(await store.learning.recordDiagnosis(diagnosis('d0', T0))).toEqual({
      recorded: true,
      textKept: false,
    });
    expect(await backend.raw('SELECT masked_text, template FROM diagnoses')).toEqual([
      { masked_text: null, template: 'error <*>: invalid_client [redacted value]' },
    ]);
  });
});
