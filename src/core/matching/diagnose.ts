import type { Catalogue } from '../catalogue/catalogue.js';
import { decide } from './decide.js';
import { askToDecide } from './ask.js';
import type { IndexData } from './index-compile.js';
import { buildIndex, hydrateIndex, type MatchIndex } from './match-index.js';
import { capInput, normalise } from './normalise.js';
import { buildQuery, clearQuery } from './query.js';
import { readRegister } from './register.js';
import { scoreEntries } from './score.js';
import type { Diagnoser, Diagnosis, Match } from './types.js';

const MAX_MATCHES = 5;

/**
 * Builds the matcher once for a catalogue (or from index data compiled ahead of time for it); each
 * diagnosis is then a pure function of the text.
 */
export function createDiagnoser(catalogue: Catalogue, compiled?: IndexData): Diagnoser {
  const index: MatchIndex =
    compiled === undefined
      ? buildIndex(catalogue)
      : hydrateIndex(catalogue.entries, catalogue.systems, compiled);
  // One term-weight buffer for every diagnosis: diagnose() is synchronous, so it is never shared.
  const weights = new Float64Array(index.termIdf.length);
  return {
    diagnose(text: string): Diagnosis {
      const capped = capInput(text);
      const query = buildQuery(normalise(capped.text), index, weights);
      let ranked;
      let decision;
      let ask;
      try {
        ranked = scoreEntries(query, index);
        decision = decide(ranked, query, index.entries, readRegister(capped.text));
        ask = askToDecide(ranked, query, index);
      } finally {
        clearQuery(query);
      }
      const matches: Match[] = ranked.slice(0, MAX_MATCHES).flatMap((s, i) => {
        const entry = index.entries[s.entry];
        if (entry === undefined || s.score <= 0.3) return [];
        return [{ id: entry.id, confidence: decision.confidences[i] ?? 0, why: s.why, entry }];
      });
      return {
        matches,
        confident: decision.confident && matches.length > 0,
        truncated: capped.truncated,
        inputLength: capped.text.length,
        ...(ask === undefined || matches.length === 0 ? {} : { ask }),
      };
    },
  };
}
