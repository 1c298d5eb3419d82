import { beforeAll, describe, expect, it } from '@jest/globals';
import { answerMatch, MIN_ANSWER_CONFIDENCE } from '../../../src/core/matching/answer-bar.js';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

describe('answerMatch: where a paste came from sets the bar for answering', () => {
  it('answers a confident diagnosis wherever it came from, with the best match itself', () => {
    const d = diagnoser.diagnose('{"error":"invalid_grant"}');
    expect(d.confident).toBe(true);
    expect(answerMatch(d, 'channel')).toBe(d.matches[0]);
    expect(answerMatch(d, 'command')).toBe(d.matches[0]);
  });

  it('answers a likely but unsure match when asked, and stays quiet in a channel', () => {
    const d = diagnoser.diagnose('invalid token expired scope client 401');
    expect(d.confident).toBe(false);
    expect(d.matches[0]?.confidence).toBeGreaterThanOrEqual(MIN_ANSWER_CONFIDENCE);
    expect(answerMatch(d, 'command')?.id).toBe(d.matches[0]?.id);
    expect(answerMatch(d, 'channel')).toBeUndefined();
  });

  it('answers nothing when nothing matched', () => {
    const d = diagnoser.diagnose('has anyone got a good pasta recipe?');
    expect(answerMatch(d, 'command')).toBeUndefined();
    expect(answerMatch(d, 'channel')).toBeUndefined();
  });

  it('offers a weak best match only as "closest", even when asked', () => {
    const d = diagnoser.diagnose('the token stopped working');
    expect(d.matches[0]?.confidence).toBeLessThan(MIN_ANSWER_CONFIDENCE);
    expect(answerMatch(d, 'command')).toBeUndefined();
    expect(answerMatch(d, 'channel')).toBeUndefined();
  });
});
