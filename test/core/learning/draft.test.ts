import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Catalogue } from '../../../src/core/catalogue/catalogue.js';
import { lintKnowledge, type KnowledgeSource } from '../../../src/core/catalogue/load.js';
import { systemFileSchema } from '../../../src/core/catalogue/schema.js';
import { draftEntry, type DraftDeps } from '../../../src/core/learning/draft.js';
import { buildReview } from '../../../src/core/learning/review.js';
import { createTemplater } from '../../../src/core/learning/template.js';
import { vocabularyOf } from '../../../src/core/learning/vocabulary.js';
import { createDiagnoser } from '../../../src/core/matching/diagnose.js';
import { fixtureCatalogue, MATCHER_FIXTURE_DIR } from '../../support/fixture-catalogue.js';

/** The zod schema of one entry, as the knowledge files' schema holds it. */
const entrySchema = systemFileSchema.shape.entries.element;

let catalogue: Catalogue;
let deps: DraftDeps;

beforeAll(async () => {
  catalogue = await fixtureCatalogue();
  deps = {
    catalogue,
    diagnoser: createDiagnoser(catalogue),
    templater: createTemplater(vocabularyOf(catalogue)),
  };
});

const knowledge = (): KnowledgeSource[] =>
  readdirSync(MATCHER_FIXTURE_DIR)
    .filter((n) => n.endsWith('.yml'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(MATCHER_FIXTURE_DIR, file), 'utf8') }));

/** Drafts from one paste, as the review would: its template and its masked text as the example. */
function draftOf(paste: string, count = 12, users = 5) {
  const t = deps.templater.templateOf(paste);
  return draftEntry({ template: t.template, count, users, example: t.maskedText }, deps);
}

/** What a maintainer does: fill in reason, steps and sources. */
function fill(yaml: string, sourceId: string): Record<string, unknown> {
  const [entry] = parse(yaml) as [Record<string, unknown>];
  return {
    ...entry,
    reason: 'The tenant refuses tokens on Tuesdays.',
    steps: ['Wait for Wednesday.'],
    sources: [sourceId],
  };
}

const TEAPOT =
  'POST https://wd5-impl-services1.workday.com/ccx/oauth2/acme_impl/token -> 418 {"error":"teapot_refused","error_description":"The tenant refuses to brew tokens today."} at 2025-06-01T10:00:00Z';

describe('draftEntry', () => {
  it('drafts an entry in the system the evidence names, from the template', () => {
    const draft = draftOf(TEAPOT);
    expect(draft.system).toBe('workday');
    expect(draft.entry).toMatchObject({
      id: 'workday/teapot_refused',
      codes: ['teapot_refused'],
      messages: ['The tenant refuses to brew tokens today.'],
      reason: '',
      steps: [],
      sources: [],
    });
    expect(draft.entry.title).toBe('teapot_refused - The tenant refuses to brew tokens today');
  });

  it('gives the nearest entries with the matcher’s scores', () => {
    const draft = draftOf(
      'POST https://wd2-impl-services1.workday.com/ccx/oauth2/globex/token -> 401 {"error":"invalid_client"}',
    );
    expect(draft.nearest[0]?.id).toBe('workday/invalid-credentials');
    expect(draft.nearest[0]?.confidence).toBeGreaterThan(0.5);
    expect(draft.nearest[0]?.why).toContain('code invalid_client');
    expect(draft.entry.status).toEqual([401]);
    expect(draft.entry.related[0]).toBe('workday/invalid-credentials');
  });

  it('falls back to the vendor-neutral system and never reuses an existing id', () => {
    const draft = draftOf(
      'token call to https://idp.example.org/oauth/token failed: {"error":"invalid_client"} 401',
    );
    expect(draft.system).toBe('oauth2');
    expect(catalogue.has(draft.entry.id)).toBe(false);
    expect(draft.entry.id).toMatch(/^oauth2\//);
  });

  it('writes YAML that parses, and after filling in passes the schema and lint in the system’s file', () => {
    const draft = draftOf(TEAPOT);
    expect(draft.yaml).toMatch(/^ {2}# Drafted by authhelp review: 12 pastes from 5 people\./);
    expect(draft.yaml).toContain('  - id: workday/teapot_refused');
    const [raw] = parse(draft.yaml) as [Record<string, unknown>];
    expect(raw['reason']).toBe('');
    // Unfilled, the schema refuses it: reason, steps and sources are required.
    expect(entrySchema.safeParse(raw).success).toBe(false);

    const files = knowledge();
    const workday = files.find((f) => f.file === 'workday.yml')!;
    const sourceId = (parse(workday.text) as { sources: { id: string }[] }).sources[0]!.id;
    expect(entrySchema.safeParse(fill(draft.yaml, sourceId)).success).toBe(true);

    const filled = draft.yaml
      .replace(/reason: (?:''|"")/, 'reason: The tenant refuses tokens on Tuesdays.')
      .replace('steps: []', 'steps: [Wait for Wednesday.]')
      .replace('sources: []', `sources: [${sourceId}]`);
    const pasted = files.map((f) =>
      f.file === 'workday.yml' ? { ...f, text: `${f.text.trimEnd()}\n${filled}\n` } : f,
    );
    expect(lintKnowledge(pasted)).toEqual([]);
  });

  it('lists the system’s source ids beside sources', () => {
    expect(draftOf(TEAPOT).yaml).toMatch(
      /# TO FILL: ids declared under the file’s sources: [a-z0-9-]+/,
    );
  });
});

describe('canaries: no secret in a template, an example or a draft', () => {
  const SECRETS = [
    'CanarySecret9f8e7d6c5b4a39281706',
    'CanaryBearerToken0123456789abcdefZZ',
    'hunter2canary',
    'CanaryRefresh-2b9d0e4f6a8c1e3g5i7k',
  ];
  const pastes = [
    `curl -u client:${SECRETS[0]} https://wd5-impl-services1.workday.com/ccx/oauth2/acme/token -> 401 {"error":"teapot_refused"} client_secret=${SECRETS[0]}`,
    `Authorization: Bearer ${SECRETS[1]}\nHTTP/1.1 401 {"error":"teapot_refused"}`,
    `password=${SECRETS[2]} login failed: {"error":"teapot_refused"}`,
    `{"refresh_token":"${SECRETS[3]}","error":"teapot_refused"}`,
  ];

  it('finds none of them anywhere in the review or the drafts', () => {
    const diagnoses = pastes.map((paste, i) => {
      const t = deps.templater.templateOf(paste);
      return {
        id: `d${i}`,
        time: `2025-06-01T10:00:0${i}Z`,
        team: 'T1',
        user: `U${i}`,
        surface: 'channel' as const,
        entryId: null,
        confidence: 0,
        answered: false,
        catalogueVersion: 'v',
        maskedText: t.maskedText,
        template: t.template,
        templateId: t.templateId,
      };
    });
    const review = buildReview({ diagnoses, feedback: [], templater: deps.templater });
    const drafts = review.templates.map((t) => draftEntry(t, deps));
    const everything = JSON.stringify({ diagnoses, review, drafts });
    expect(review.templates.length).toBeGreaterThan(0);
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });
});
