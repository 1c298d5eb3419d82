import { beforeAll, describe, expect, it } from '@jest/globals';
import type { DiagnosisRecord, FeedbackRecord } from '../../../src/core/learning/records.js';
import { buildReview } from '../../../src/core/learning/review.js';
import { createTemplater, type Templater } from '../../../src/core/learning/template.js';
import { vocabularyOf } from '../../../src/core/learning/vocabulary.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';

let templater: Templater;

beforeAll(async () => {
  templater = createTemplater(vocabularyOf(await fixtureCatalogue()));
});

let seq = 0;
function diagnosis(
  paste: string,
  over: Partial<DiagnosisRecord> & Pick<DiagnosisRecord, 'user'>,
): DiagnosisRecord {
  seq++;
  const t = templater.templateOf(paste);
  return {
    id: `d${String(seq).padStart(4, '0')}`,
    time: `2025-06-0${1 + (seq % 9)}T10:00:${String(seq % 60).padStart(2, '0')}Z`,
    team: 'T1',
    surface: 'channel',
    entryId: null,
    confidence: 0,
    answered: false,
    catalogueVersion: 'abc123abc123',
    maskedText: t.maskedText,
    template: t.template,
    templateId: t.templateId,
    ...over,
  };
}

const tenantMiss = (tenant: string, n: number): string =>
  `GET https://wd${n}-impl-services1.workday.com/ccx/oauth2/${tenant}/token returned 418 I'm a teapot at 2025-06-0${n}T0${n}:00:00Z`;
const unknownCode = (host: string): string =>
  `token call to https://${host}/oauth/token failed: {"error":"unsupported_token_type"}`;

describe('buildReview: templates', () => {
  it('groups misses by template and ranks by count, then distinct people', () => {
    const diagnoses = [
      ...['acme', 'globex', 'initech', 'hooli'].map((t, i) =>
        diagnosis(tenantMiss(t, i + 1), { user: `U${i}` }),
      ),
      ...['a.example.org', 'b.example.net', 'c.example.com', 'd.example.io'].map((h) =>
        diagnosis(unknownCode(h), { user: 'U9' }),
      ),
      diagnosis('something else entirely went wrong here', { user: 'U1' }),
    ];
    const review = buildReview({ diagnoses, feedback: [], templater });
    expect(review.templates.map((t) => [t.count, t.users])).toEqual([
      [4, 4],
      [4, 1],
      [1, 1],
    ]);
    expect(review.templates[0]?.template).toContain('<HOST>.workday.com/ccx/oauth2/<TENANT>/token');
    expect(review.templates[1]?.template).toContain('unsupported_token_type');
    expect(review.templates[0]?.unanswered).toBe(4);
  });

  it('leaves out confident answers nobody rejected, keeps 👎 and "instead" ones', () => {
    const paste = unknownCode('idp.example.org');
    const diagnoses = [
      diagnosis(paste, {
        user: 'U1',
        answered: true,
        entryId: 'oauth2/invalid_client',
        confidence: 0.9,
      }),
      diagnosis(paste, {
        user: 'U2',
        answered: true,
        entryId: 'oauth2/invalid_client',
        confidence: 0.9,
      }),
      diagnosis(paste, {
        user: 'U3',
        answered: true,
        entryId: 'oauth2/invalid_client',
        confidence: 0.9,
      }),
    ];
    const feedback: FeedbackRecord[] = [
      { diagnosisId: diagnoses[0]!.id, kind: 'up' },
      { diagnosisId: diagnoses[1]!.id, kind: 'down' },
      { diagnosisId: diagnoses[2]!.id, kind: 'instead', insteadEntryId: 'oauth2/invalid_grant' },
    ];
    const review = buildReview({ diagnoses, feedback, templater });
    expect(review.templates).toHaveLength(1);
    expect(review.templates[0]).toMatchObject({
      count: 2,
      users: 2,
      down: 1,
      instead: 1,
      unanswered: 0,
    });
  });

  it('templates records that kept only their text, and counts those with neither', () => {
    const {
      template: _t,
      templateId: _i,
      ...textOnly
    } = diagnosis(tenantMiss('acme', 1), { user: 'U1' });
    const { maskedText: _m, ...templateOnly } = diagnosis(tenantMiss('globex', 2), { user: 'U2' });
    const {
      maskedText: _n,
      template: _u,
      templateId: _v,
      ...neither
    } = diagnosis('x', { user: 'U3' });
    const review = buildReview({
      diagnoses: [textOnly, templateOnly, neither],
      feedback: [],
      templater,
    });
    expect(review.templates).toHaveLength(1);
    expect(review.templates[0]?.count).toBe(2);
    expect(review.templates[0]?.example).toContain('/ccx/oauth2/acme/token');
    expect(review.untemplated).toBe(1);
  });

  it('reads only records at or after `since`', () => {
    const old = diagnosis(tenantMiss('acme', 1), { user: 'U1', time: '2025-01-01T00:00:00Z' });
    const recent = diagnosis(tenantMiss('globex', 2), { user: 'U2', time: '2025-06-01T00:00:00Z' });
    const review = buildReview({
      diagnoses: [old, recent],
      feedback: [],
      templater,
      since: '2025-05-25T00:00:00Z',
    });
    expect(review.diagnoses).toBe(1);
    expect(review.templates[0]?.count).toBe(1);
    expect(review.templates[0]?.firstSeen).toBe('2025-06-01T00:00:00Z');
  });

  it('is the same whatever order the records come in', () => {
    const diagnoses = ['acme', 'globex', 'initech'].map((t, i) =>
      diagnosis(tenantMiss(t, i + 1), { user: `U${i}` }),
    );
    const a = buildReview({ diagnoses, feedback: [], templater });
    const b = buildReview({ diagnoses: [...diagnoses].reverse(), feedback: [], templater });
    expect(b).toEqual(a);
  });
});

describe('buildReview: entries', () => {
  it('counts answers, 👍, 👎 and which entry people picked instead', () => {
    const answered = (entryId: string, user: string): DiagnosisRecord =>
      diagnosis('401 invalid_client', { user, answered: true, entryId, confidence: 0.8 });
    const d = [
      answered('workday/invalid-credentials', 'U1'),
      answered('workday/invalid-credentials', 'U2'),
      answered('workday/invalid-credentials', 'U3'),
      answered('workday/invalid-credentials', 'U4'),
      answered('oauth2/invalid_client', 'U5'),
      diagnosis('nothing matched', { user: 'U6' }),
    ];
    const feedback: FeedbackRecord[] = [
      { diagnosisId: d[0]!.id, kind: 'up' },
      { diagnosisId: d[1]!.id, kind: 'down' },
      { diagnosisId: d[2]!.id, kind: 'instead', insteadEntryId: 'workday/wrong-tenant-client' },
      { diagnosisId: d[3]!.id, kind: 'instead', insteadEntryId: 'workday/wrong-tenant-client' },
      { diagnosisId: d[4]!.id, kind: 'up' },
      { diagnosisId: 'unknown', kind: 'down' },
    ];
    const review = buildReview({ diagnoses: d, feedback, templater });
    expect(review.entries).toEqual([
      {
        id: 'workday/invalid-credentials',
        answers: 4,
        up: 1,
        down: 1,
        instead: 2,
        preferred: [{ id: 'workday/wrong-tenant-client', count: 2 }],
        pickedInstead: 0,
      },
      {
        id: 'oauth2/invalid_client',
        answers: 1,
        up: 1,
        down: 0,
        instead: 0,
        preferred: [],
        pickedInstead: 0,
      },
      {
        id: 'workday/wrong-tenant-client',
        answers: 0,
        up: 0,
        down: 0,
        instead: 0,
        preferred: [],
        pickedInstead: 2,
      },
    ]);
  });
});
