import { describe, expect, it } from '@jest/globals';
import { loadCatalogue, lintKnowledgeDir } from '../../src/adapters/catalogue-files.js';
import { formatProblem } from '../../src/core/catalogue/load.js';
import { REQUIRED_IDS } from '../support/required-ids.js';

describe('shipped knowledge/', () => {
  it('validates with no problems', async () => {
    const problems = await lintKnowledgeDir();
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('contains every promised entry id', async () => {
    const catalogue = await loadCatalogue();
    const missing = REQUIRED_IDS.filter((id) => !catalogue.has(id));
    expect(missing).toEqual([]);
  });

  it('gives every entry numbered fix steps, a reason and a source link', async () => {
    const catalogue = await loadCatalogue();
    for (const entry of catalogue.entries) {
      expect(entry.steps.length).toBeGreaterThan(0);
      expect(entry.reason.length).toBeGreaterThan(20);
      expect(entry.sources.length).toBeGreaterThan(0);
      expect(entry.sources[0]?.url).toMatch(/^https:\/\//);
    }
  });
});
