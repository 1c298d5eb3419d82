import { describe, expect, it } from '@jest/globals';
import type { MatchIndex } from '../../../src/core/matching/match-index.js';
import { unshownVendorsYield } from '../../../src/core/matching/vendor-yield.js';
import { scoredReading } from '../../support/scored.js';

/** Entry 0 is vendor-neutral; entry 1 is a vendor's case of it (its neutral parent is entry 0). */
const index = { neutralParents: [[], [0]] } as unknown as MatchIndex;

describe('unshownVendorsYield', () => {
  it('ranks a vendor’s reading below its vendor-neutral parent named by a code hit of any strength', () => {
    // The parent's code is only the category word of a quoted message, or a bare status's reading.
    const out = unshownVendorsYield(
      [
        scoredReading(1, 0.9, { code: 0.6, vendorMissing: true, vendorSpecific: true }),
        scoredReading(0, 0.5, { code: 0.3 }),
      ],
      index,
    );
    expect(out.map((s) => s.entry)).toEqual([0, 1]);
    expect(out[1]?.score).toBeCloseTo(0.4);
  });

  it('leaves a vendor’s reading whose parent has no code hit, or whose vendor the text shows', () => {
    const phrasesOnly = [
      scoredReading(1, 0.9, { vendorMissing: true, vendorSpecific: true }),
      scoredReading(0, 0.5),
    ];
    expect(unshownVendorsYield(phrasesOnly, index)).toBe(phrasesOnly);
    const shown = [
      scoredReading(1, 0.9, { code: 0.6, vendorSpecific: true }),
      scoredReading(0, 0.5, { code: 0.3 }),
    ];
    expect(unshownVendorsYield(shown, index)).toBe(shown);
  });
});
