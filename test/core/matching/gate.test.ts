import { describe, expect, it } from '@jest/globals';
import { GATE_FEATURES, gateFeatures, gateProbability } from '../../../src/core/matching/gate.js';
import { GATE_MODEL } from '../../../src/core/matching/gate-weights.js';
import { readRegister } from '../../../src/core/matching/register.js';

function probability(text: string): number {
  return gateProbability(GATE_MODEL, gateFeatures(text, readRegister(text), true));
}

describe('gateFeatures', () => {
  it('reads one value in [0, 1] per named feature', () => {
    const text = '## Why\nFix the invalid_client message\n\n- adds a hint\nSee https://example.com';
    const x = gateFeatures(text, readRegister(text), false);
    expect(x).toHaveLength(GATE_FEATURES.length);
    expect([...x].every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('names a title in the imperative mood and a share of output lines', () => {
    const pr = 'Fix the invalid_grant message when the refresh token is bogus\n\nIt now says why.';
    const paste = 'HTTP/1.1 401 Unauthorized\n{"error":"invalid_client"}';
    const at = (name: string): number => GATE_FEATURES.indexOf(name);
    const x = gateFeatures(pr, readRegister(pr), true);
    const y = gateFeatures(paste, readRegister(paste), true);
    expect(x[at('imperative title')]).toBe(1);
    expect(y[at('imperative title')]).toBe(0);
    expect(y[at('output line share')]).toBe(1);
    expect(x[at('output line share')]).toBe(0);
  });
});

describe('the shipped gate model', () => {
  it('was fitted on the features this code reads', () => {
    expect(GATE_MODEL.features).toEqual(GATE_FEATURES);
    expect(GATE_MODEL.weights).toHaveLength(GATE_FEATURES.length);
  });

  it.each([
    'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"',
    'We keep getting {"error":"invalid_grant"} from the token endpoint since this morning.',
    'java.lang.IllegalStateException: token refresh failed\n\tat com.acme.Client.call(Client.java:12)',
  ])('lets a report of a failure through: %s', (text) => {
    expect(probability(text)).toBeGreaterThanOrEqual(GATE_MODEL.threshold);
  });

  it.each([
    '## Why\n\nImproved the description of the invalid_client error.\n\n## What\n\nMade it clearer.',
    'This error typically occurs when the signature does not match. To resolve this, make sure you encode the parameters; you can regenerate the token if needed.',
  ])('keeps text written about an error quiet: %s', (text) => {
    expect(probability(text)).toBeLessThan(GATE_MODEL.threshold);
  });
});
