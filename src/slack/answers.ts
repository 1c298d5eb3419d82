import type { Catalogue, Entry } from '../core/catalogue/catalogue.js';
import { answerMatch } from '../core/matching/answer-bar.js';
import type { Diagnosis, Match } from '../core/matching/types.js';
import { stateFromDiagnosis, type AnswerState } from './answer-state.js';
import type { Answer } from './blocks/answer.js';

export type Outcome =
  | { readonly kind: 'answer'; readonly answer: Answer }
  | { readonly kind: 'no-match'; readonly closest: readonly Match[] };

/** Turns a diagnosis into what the asker sees: an answer, or the closest candidates. */
export function outcomeOf(d: Diagnosis, catalogue: Catalogue): Outcome {
  const best = answerMatch(d, 'command');
  const state = stateFromDiagnosis(d);
  if (best === undefined || state === undefined) return { kind: 'no-match', closest: d.matches };
  const answer = answerFor(catalogue, state, best.why);
  if (answer === undefined) return { kind: 'no-match', closest: d.matches };
  return {
    kind: 'answer',
    answer: d.truncated ? { ...answer, readChars: d.inputLength } : answer,
  };
}

/** Resolves a state's ids against the catalogue; undefined when the shown entry no longer exists. */
export function answerFor(
  catalogue: Catalogue,
  state: AnswerState,
  why?: readonly string[],
): Answer | undefined {
  const entry = catalogue.get(state.id);
  if (entry === undefined) return undefined;
  const pairs = state.alternatives.flatMap((a) => {
    const alt = catalogue.get(a.id);
    return alt === undefined ? [] : [{ candidate: a, entry: alt }];
  });
  return {
    entry,
    state: { ...state, id: entry.id, alternatives: pairs.map((p) => p.candidate) },
    alternatives: pairs.map((p): Entry => p.entry),
    ...(why === undefined ? {} : { why }),
  };
}
