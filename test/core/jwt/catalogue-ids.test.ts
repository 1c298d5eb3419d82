import { describe, expect, it } from '@jest/globals';
import { loadCatalogue } from '../../../src/adapters/catalogue-files.js';
import { INSPECTOR_ENTRY_IDS } from '../../../src/core/jwt/ids.js';

describe('inspector catalogue ids', () => {
  it('exist in the shipped knowledge/ catalogue', async () => {
    const catalogue = await loadCatalogue();
    expect(INSPECTOR_ENTRY_IDS.filter((id) => !catalogue.has(id))).toEqual([]);
    // Exact spelling, not only the case-insensitive fallback.
    expect(INSPECTOR_ENTRY_IDS.filter((id) => catalogue.get(id)?.id !== id)).toEqual([]);
  });
});
