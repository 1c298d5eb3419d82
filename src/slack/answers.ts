import type { Catalogue, Entry } from '../core/catalogue/catalogue.js';
import { answerMatch } from '../core/matching/answer-bar.js';
import type { Diagnosis, Via } from '../core/matching/types.js';
import type { AskShown } from './blocks/ask.js';
import { MAX_ALTERNATIVES, type AnswerState } from './answer-state.js';
import { pasteCut, type PasteCut } from './paste-cut.js';

/** An answer ready to render: the entry shown, its alternatives, and how it was reached. */
export interface Answer {
  readonly entry: Entry;
  /** What the buttons under it carry (ids and confidences, never the paste). */
  readonly state: AnswerState;
  /** Entries for `state.alternatives`, same order. */
  readonly alternatives: readonly Entry[];
  readonly why?: readonly string[];
  /** Set when the paste was longer than the matcher reads: which part was read. */
  readonly cut?: PasteCut;
  /** The version of the catalogue it comes from, for the context line. */
  readonly version?: string;
  /** What would decide between close readings (only from a diagnosis, never from a button). */
  readonly ask?: AskShown;
}

/**
 * The answer to a diagnosis where the paste came from, built from the matches themselves (each
 * carries its entry); undefined when the bar for `via` is not met. `pasteLength` is the paste's
 * length as sent, for the note on a cut paste.
 */
export function answerOf(
  d: Diagnosis & { readonly catalogueVersion?: string },
  via: Via,
  pasteLength?: number,
): Answer | undefined {
  const best = answerMatch(d, via);
  if (best === undefined) return undefined;
  const others = d.matches.filter((m) => m !== best).slice(0, MAX_ALTERNATIVES);
  return {
    entry: best.entry,
    state: {
      id: best.id,
      confidence: best.confidence,
      alternatives: others.map((m) => ({ id: m.id, confidence: m.confidence })),
    },
    alternatives: others.map((m) => m.entry),
    why: best.why,
    ...(d.truncated ? { cut: pasteCut(pasteLength ?? d.inputLength) } : {}),
    ...(d.catalogueVersion === undefined ? {} : { version: d.catalogueVersion }),
    ...askOf(d),
  };
}

/** The diagnosis's question, its readings titled from the matches that carry them. */
export function askOf(d: Diagnosis): { ask?: AskShown } {
  if (d.ask === undefined) return {};
  const titles = new Map(d.matches.map((m) => [m.id, m.entry.title]));
  const readings = d.ask.alternatives.map((id) => {
    const title = titles.get(id);
    return title === undefined ? { id } : { id, title };
  });
  return { ask: { question: d.ask.question, readings } };
}

/**
 * The answer a button's state stands for, its ids looked up in the catalogue (a button carries
 * only ids); undefined when the shown entry no longer exists.
 */
export function answerFromState(
  catalogue: Catalogue,
  state: AnswerState,
  version?: string,
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
    alternatives: pairs.map((p) => p.entry),
    ...(version === undefined ? {} : { version }),
  };
}
