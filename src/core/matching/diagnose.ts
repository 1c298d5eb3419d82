import type { Catalogue } from '../catalogue/catalogue.js';
import { decide } from './decide.js';
import { gateFeatures, gateProbability, type GateModel } from './gate.js';
import { GATE_MODEL } from './gate-weights.js';
import { askToDecide } from './ask.js';
import type { IndexData } from './index-compile.js';
import { buildIndex, hydrateIndex, type MatchIndex } from './match-index.js';
import { capInput, normalise, readablePaste, squeezeWhitespace } from './normalise.js';
import { quotedMessages, withoutQuotes } from './quotes.js';
import { buildQuery, clearQuery, withUndecided, type Query } from './query.js';
import { aboutAChange, readRegister, type Register } from './register.js';
import { scoreEntries, type Scored } from './score.js';
import type { DiagnoseOptions, Diagnoser, Diagnosis, Match } from './types.js';

const MAX_MATCHES = 5;
/** A reading scored at or below this is not shown. */
const SHOWN_SCORE = 0.3;

/**
 * Builds the matcher once for a catalogue (or from index data compiled ahead of time for it); each
 * diagnosis is then a pure function of the text. `gate` is the fitted channel gate (gate.ts); the
 * training script passes the model of each cross-validation fold.
 */
export function createDiagnoser(
  catalogue: Catalogue,
  compiled?: IndexData,
  gate: GateModel = GATE_MODEL,
): Diagnoser {
  const index: MatchIndex =
    compiled === undefined
      ? buildIndex(catalogue)
      : hydrateIndex(catalogue.entries, catalogue.systems, compiled);
  // One term-weight buffer for every diagnosis: diagnose() is synchronous, so it is never shared.
  const weights = new Float64Array(index.termIdf.length);
  return {
    diagnose(text: string, options: DiagnoseOptions = {}): Diagnosis {
      const capped = capInput(text);
      const read = squeezeWhitespace(capped.text);
      const built = buildQuery(normalise(read), index, weights, read);
      let ranked;
      let decision;
      let ask;
      try {
        // A const the gate's closure can read (`ranked` is assigned here and read after the try).
        const { query, scored } = scoreRead(built, index);
        ranked = scored;
        const register = readRegister(read);
        // A PR, a commit, a template, a docs table or source comments is written about a change,
        // whatever else it shows (no text of that register in the eval sets reports a failure).
        const hit = (): boolean =>
          !aboutAChange(register) &&
          gateProbability(gate, gateInput(read, query, scored, register, index)) >= gate.threshold;
        decision = decide(scored, query, index, register, hit, options.explain === true);
        ask = askToDecide(ranked, query, index);
      } finally {
        clearQuery(built);
      }
      const matches: Match[] = ranked.slice(0, MAX_MATCHES).flatMap((s, i) => {
        const entry = index.entries[s.entry];
        if (entry === undefined || s.score <= SHOWN_SCORE) return [];
        return [{ id: entry.id, confidence: decision.confidences[i] ?? 0, why: s.why, entry }];
      });
      return {
        matches,
        confident: decision.confident && matches.length > 0,
        truncated: capped.truncated,
        inputLength: capped.text.length,
        ...(ask === undefined || matches.length === 0 ? {} : { ask }),
        ...(decision.held === undefined ? {} : { held: decision.held }),
      };
    },
  };
}

/**
 * The query's readings, scored. A bare 401 or 403 whose request the text does not name is read by its
 * readings one per request (`Query.undecided`) only where nothing else reads the text: no reading
 * shown, or only ones reached by the status and a named vendor. Any word, message or code of the
 * paste says more than the status alone.
 */
function scoreRead(query: Query, index: MatchIndex): { query: Query; scored: Scored[] } {
  const scored = scoreEntries(query, index);
  if (query.undecided.length === 0 || readByMoreThanStatus(scored)) return { query, scored };
  const undecided = withUndecided(query);
  return { query: undecided, scored: scoreEntries(undecided, index) };
}

/** The best reading is shown and reached by more than a status beside a vendor. */
function readByMoreThanStatus(scored: readonly Scored[]): boolean {
  const [top] = scored;
  if (top === undefined || top.score <= SHOWN_SCORE) return false;
  return top.code > 0 || top.phrase > 0 || top.verbatim || top.ownMessage;
}

/** The gate's features for a text already read into a query, ranking and register. */
function gateInput(
  text: string,
  query: Query,
  ranked: readonly Scored[],
  register: Register,
  index: MatchIndex,
): Float64Array {
  const top = ranked[0];
  // The best entry's own message quoted whole is output: its "you must", "please contact your
  // administrator" are the vendor's words to its reader, not how the poster writes.
  const quoted = top === undefined ? [] : quotedMessages(index.entries[top.entry], query.flat);
  const own = quoted.length === 0 ? text : withoutQuotes(text, quoted);
  // Failure words, a status or a code, or the best entry's own message quoted whole.
  const reportsFailure = query.failure || top?.verbatim === true;
  if (own === text) return gateFeatures(text, register, reportsFailure);
  // The blanked message is still output: its lines and paragraph are read from the paste as given.
  return gateFeatures(own, readRegister(own, register), reportsFailure, text);
}

/** The gate's features for a paste, as the diagnoser reads them (for fitting the gate offline). */
export function gateFeaturesOf(index: MatchIndex, text: string): Float64Array {
  const read = readablePaste(text);
  const query = buildQuery(normalise(read), index, undefined, read);
  try {
    const ranked = scoreEntries(query, index);
    return gateInput(read, query, ranked, readRegister(read), index);
  } finally {
    clearQuery(query);
  }
}
