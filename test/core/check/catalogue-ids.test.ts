import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadCatalogue } from '../../../src/adapters/catalogue-files.js';
import { OAUTH2_ERRORS } from '../../../src/core/check/oauth2/errors.js';
import { allLatCandidates, LAT_CAUSE } from '../../../src/core/check/netsuite/lat.js';

const SRC = 'src/core/check';

/** Every catalogue id the check can emit: literals in its source, plus the ids it builds from tables. */
function emittableIds(): string[] {
  const ids = new Set<string>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  for (const file of files) {
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const m of text.matchAll(/'((?:workday|netsuite|oauth2)\/[A-Za-z0-9_-]+)'/g))
      if (m[1] !== undefined) ids.add(m[1]);
    for (const m of text.matchAll(/\blat\(\s*'([A-Za-z]+)'/g))
      if (m[1] !== undefined) ids.add(`netsuite/${m[1]}`);
  }
  for (const e of OAUTH2_ERRORS) ids.add(`oauth2/${e}`);
  for (const c of allLatCandidates()) ids.add(`netsuite/${c}`);
  return [...ids].sort();
}

describe('catalogue contract of the live check', () => {
  it('every id the check can emit exists in knowledge/', async () => {
    const catalogue = await loadCatalogue();
    const ids = emittableIds();
    expect(ids.length).toBeGreaterThan(35);
    expect(ids.filter((id) => catalogue.get(id)?.id !== id)).toEqual([]);
  });

  it('every LAT candidate has a plain cause', () => {
    expect(allLatCandidates().filter((c) => LAT_CAUSE[c] === undefined)).toEqual([]);
  });
});
