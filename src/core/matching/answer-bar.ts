import type { Diagnosis, Match, Via } from './types.js';

/** Asked directly, a best match below this is offered as "closest", not as the answer. */
export const MIN_ANSWER_CONFIDENCE = 0.3;

/**
 * The match to answer with, given where the paste came from. In a support channel nobody asked,
 * so only a confident diagnosis is answered; asked directly (`/authhelp`, the shortcut, the CLI),
 * a best match at MIN_ANSWER_CONFIDENCE or above is answered too. Undefined: no answer.
 */
export function answerMatch(d: Diagnosis, via: Via): Match | undefined {
  const best = d.matches[0];
  if (best === undefined) return undefined;
  if (d.confident) return best;
  return via === 'command' && best.confidence >= MIN_ANSWER_CONFIDENCE ? best : undefined;
}
