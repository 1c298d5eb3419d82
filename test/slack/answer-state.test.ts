import { describe, expect, it } from '@jest/globals';
import { decodeState, encodeState, swapTo } from '../../src/slack/answer-state.js';

describe('answer state in button values', () => {
  const state = {
    id: 'oauth2/invalid_client',
    confidence: 0.8123,
    alternatives: [
      { id: 'workday/invalid-credentials', confidence: 0.6 },
      { id: 'netsuite/InvalidLogin', confidence: 0.2 },
    ],
    thread: { channel: 'C1', ts: '1700000000.000100' },
  };

  it('round-trips', () => {
    expect(decodeState(encodeState(state))).toEqual({ ...state, confidence: 0.812 });
  });

  it('rejects anything else', () => {
    expect(decodeState('nope')).toBeUndefined();
    expect(decodeState('{"i":1}')).toBeUndefined();
    expect(decodeState(undefined)).toBeUndefined();
  });

  it('swaps an alternative in and the answer out', () => {
    expect(swapTo(state, 'netsuite/InvalidLogin')).toEqual({
      ...state,
      id: 'netsuite/InvalidLogin',
      confidence: 0.2,
      alternatives: [
        { id: 'oauth2/invalid_client', confidence: 0.8123 },
        { id: 'workday/invalid-credentials', confidence: 0.6 },
      ],
    });
    expect(swapTo(state, 'unknown/x')).toBeUndefined();
  });
});
