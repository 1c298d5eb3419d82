import { describe, expect, it } from '@jest/globals';
import { fnv1a64, shortHash } from '../../../src/core/learning/hash.js';

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('matches the published FNV-1a 64 test vector for %j', (text, expected) => {
    expect(fnv1a64(text)).toBe(expected);
  });

  it('hashes UTF-8 bytes, so non-ASCII text is stable across runtimes', () => {
    expect(fnv1a64('é')).toBe(fnv1a64('\u00e9'));
    expect(fnv1a64('é')).not.toBe(fnv1a64('e'));
  });
});

describe('shortHash', () => {
  it('is 12 hex digits and differs for different text', () => {
    expect(shortHash('invalid_client')).toMatch(/^[0-9a-f]{12}$/);
    expect(shortHash('invalid_client')).not.toBe(shortHash('invalid_grant'));
  });
});
