import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  knowledgeHash,
  loadKnowledge,
  readKnowledgeFiles,
  writeSnapshot,
} from '../../src/adapters/knowledge.js';
import { isAuthHelpError } from '../../src/core/errors.js';
import { MATCHER_FIXTURE_DIR } from '../support/fixture-catalogue.js';

let work: string;
let knowledge: string;
let snapshotPath: string;

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'authhelp-knowledge-'));
  knowledge = join(work, 'knowledge');
  cpSync(MATCHER_FIXTURE_DIR, knowledge, { recursive: true });
  snapshotPath = join(work, 'knowledge.snapshot.json');
  await writeSnapshot(knowledge, snapshotPath);
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Rewrites one entry's title in a knowledge file. */
function retitle(dir: string, from: string, to: string): void {
  const file = join(dir, 'oauth2.yml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('loadKnowledge', () => {
  it('starts from the snapshot built from these very files', async () => {
    const k = await loadKnowledge(knowledge, { snapshotPath });
    expect(k.from).toBe('snapshot');
    expect(k.diagnoser.diagnose('{"error":"invalid_grant"}').matches[0]?.id).toBe(
      'oauth2/invalid_grant',
    );
  });

  it('finds the snapshot by content, wherever the files are', async () => {
    const elsewhere = join(work, 'copy');
    cpSync(knowledge, elsewhere, { recursive: true });
    expect((await loadKnowledge(elsewhere, { snapshotPath })).from).toBe('snapshot');
  });

  it('never answers from a stale snapshot: an edited file is read from the YAML', async () => {
    retitle(knowledge, 'title: invalid_grant', 'title: EDITED invalid_grant');
    const notes: string[] = [];
    const k = await loadKnowledge(knowledge, { snapshotPath, onStale: (m) => notes.push(m) });
    expect(k.from).toBe('yaml');
    expect(k.catalogue.get('oauth2/invalid_grant')?.title).toMatch(/^EDITED invalid_grant/);
    // Only the shipped folder is expected to match the build; another folder just falls back.
    expect(notes).toEqual([]);
  });

  it('reads the YAML when the snapshot is missing or unreadable', async () => {
    expect((await loadKnowledge(knowledge, { snapshotPath: join(work, 'absent.json') })).from).toBe(
      'yaml',
    );
    writeFileSync(snapshotPath, '{"format":1,');
    expect((await loadKnowledge(knowledge, { snapshotPath })).from).toBe('yaml');
  });

  it('refuses to write a snapshot of an invalid catalogue', async () => {
    retitle(knowledge, 'title: invalid_grant', 'colour: red\n    title: invalid_grant');
    const err = await writeSnapshot(knowledge, snapshotPath).catch((e: unknown) => e);
    expect(isAuthHelpError(err) && err.code).toBe('CATALOGUE_INVALID');
  });
});

describe('knowledgeHash', () => {
  it('changes with any byte or file name, and only then', () => {
    const before = knowledgeHash(readKnowledgeFiles(knowledge));
    expect(knowledgeHash(readKnowledgeFiles(knowledge))).toBe(before);
    retitle(knowledge, 'title: invalid_grant', 'title: invalid_grant ');
    const edited = knowledgeHash(readKnowledgeFiles(knowledge));
    expect(edited).not.toBe(before);
    renameSync(join(knowledge, 'oauth2.yml'), join(knowledge, 'oauth3.yml'));
    expect(knowledgeHash(readKnowledgeFiles(knowledge))).not.toBe(edited);
  });
});
