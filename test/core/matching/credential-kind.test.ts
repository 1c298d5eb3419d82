import { describe, expect, it } from '@jest/globals';
import { staticCredentialShown } from '../../../src/core/matching/credential-kind.js';

describe('staticCredentialShown', () => {
  it('reads a JWT beside an API key header as an access token', () => {
    expect(
      staticCredentialShown('x-api-key: abc123 bearer-less eyabcdefgh12.eyabcdefgh34.sig'),
    ).toBe(undefined);
    expect(staticCredentialShown('x-api-key: abc123')).toBe('api key header');
  });

  it('reads 40 KB of JWT-like runs within a second (an upper bound for a shared machine)', () => {
    const started = performance.now();
    expect(staticCredentialShown(`x-api-key: ${'ey-'.repeat(13_000)}`)).toBe('api key header');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
