import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, type KnowledgeSource } from '../../../src/core/catalogue/load.js';
import { catalogueVersion } from '../../../src/core/learning/catalogue-version.js';
import { makeSnapshot, readSnapshot } from '../../../src/core/matching/snapshot.js';
import { MATCHER_FIXTURE_DIR } from '../../support/fixture-catalogue.js';

const sources: KnowledgeSource[] = readdirSync(MATCHER_FIXTURE_DIR)
  .filter((n) => n.endsWith('.yml'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(MATCHER_FIXTURE_DIR, file), 'utf8') }));

const versionOf = (files: readonly KnowledgeSource[]): string =>
  catalogueVersion(buildCatalogue(files));

const edit = (file: string, change: (text: string) => string): KnowledgeSource[] =>
  sources.map((s) => (s.file === file ? { ...s, text: change(s.text) } : s));

describe('catalogueVersion', () => {
  it('is a short hex hash, the same for the same content', () => {
    expect(versionOf(sources)).toMatch(/^[0-9a-f]{12}$/);
    expect(versionOf(sources)).toBe(versionOf([...sources]));
  });

  it('ignores comments and layout of the YAML', () => {
    const commented = edit(
      'oauth2.yml',
      (t) => `# a new comment\n${t.replaceAll('\n  - id:', '\n\n  - id:')}`,
    );
    expect(versionOf(commented)).toBe(versionOf(sources));
  });

  it('changes when an answer changes', () => {
    const changed = edit('oauth2.yml', (t) =>
      t.replace(
        'title: invalid_client - client authentication failed',
        'title: invalid_client (reworded)',
      ),
    );
    expect(changed).not.toEqual(sources);
    expect(versionOf(changed)).not.toBe(versionOf(sources));
  });

  it("changes when what the matcher reads changes: a refinement, a context's words, a detect rule", () => {
    const yml = sources.map((s) => s.text).join('\n');
    const edits: [string, (t: string) => string][] = [
      ['refines', (t) => t.replace(/refines: \[[^\]]+\]/, 'refines: []')],
      ['context words', (t) => t.replace('words: [TBA, ', 'words: [')],
      ['detect codes', (t) => t.replace(/codes: \['[^']+'\]/, "codes: ['ZZ[0-9]{3}']")],
    ];
    for (const [what, change] of edits) {
      const changed = sources.map((s) => ({ ...s, text: change(s.text) }));
      expect([what, changed.map((s) => s.text).join('\n') !== yml]).toEqual([what, true]);
      expect([what, versionOf(changed)]).not.toEqual([what, versionOf(sources)]);
    }
  });

  it('is the same for the catalogue read back from its compiled snapshot', () => {
    const catalogue = buildCatalogue(sources);
    const written: unknown = JSON.parse(JSON.stringify(makeSnapshot(catalogue, 'h')));
    const reading = readSnapshot(written, 'h');
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(catalogueVersion(reading.catalogue)).toBe(catalogueVersion(catalogue));
  });
});
