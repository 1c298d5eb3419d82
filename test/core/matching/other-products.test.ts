import { describe, expect, it } from '@jest/globals';
import { packagesIn, qualifiersOf } from '../../../src/core/matching/other-products.js';

describe('qualifiersOf', () => {
  it('reads the package a code is a class of', () => {
    expect(qualifiersOf('tokenexpired', 'examplebooks.exceptions.tokenexpired')).toEqual([
      'examplebooks',
    ]);
  });

  it('reads later places of a code that also opens the text', () => {
    expect(
      qualifiersOf('tokenexpired', 'tokenexpired: examplebooks.exceptions.tokenexpired'),
    ).toEqual(['examplebooks']);
  });

  it('reads no product from one part or from the code alone', () => {
    expect(qualifiersOf('tokenexpired', 'tokenexpired')).toEqual([]);
    expect(qualifiersOf('tokenexpired', 'errors.tokenexpired')).toEqual([]);
  });
});
