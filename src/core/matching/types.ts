import type { Entry } from '../catalogue/catalogue.js';

/**
 * Where the text came from: asked for explicitly, or seen in a support channel. It decides the bar
 * an answer must pass (see answerMatch), not the ranking.
 */
export type Via = 'command' | 'channel';

/** One ranked candidate: the entry, a confidence in [0, 1], and why it was picked. */
export interface Match {
  readonly id: string;
  readonly confidence: number;
  /** Human-readable evidence, e.g. `code invalid_client`, `host wd5-impl-services1.workday.com`. */
  readonly why: readonly string[];
  readonly entry: Entry;
}

export interface Diagnosis {
  /** Best first, at most five. */
  readonly matches: readonly Match[];
  /** Whether the app should answer on its own if this text were pasted into a support channel. */
  readonly confident: boolean;
  /** The input was longer than the cap and only part of it was read. */
  readonly truncated: boolean;
  /** Characters read (after the cap). */
  readonly inputLength: number;
  /**
   * When two readings are close or the text does not say which system answered: the one piece of
   * information that would decide, and the readings it decides between (best first).
   */
  readonly ask?: Ask;
  /**
   * Asked for with `explain`: the checks that kept the best reading from being answered unasked
   * (`output`, `evidence`, `margin`, `gate` …; see decide.ts); empty when the best reading passed
   * them all, which is confident unless that reading scored too low to be shown at all (no match).
   */
  readonly held?: readonly DecisionCheck[];
}

/** The checks a reading must pass to be answered unasked (see decide.ts), in the order they run. */
export type DecisionCheck =
  | 'output'
  | 'other failure'
  | 'unknown code'
  | 'kind'
  | 'about authentication'
  | 'vendor missing'
  | 'other credential'
  | 'evidence'
  | 'margin'
  | 'competing codes'
  | 'gate';

export interface Ask {
  /** A question a person can answer, e.g. "Which system answered with invalid_client?". */
  readonly question: string;
  /** Entry ids, best first. */
  readonly alternatives: readonly string[];
}

export interface DiagnoseOptions {
  /** Run every check of the channel decision and report the ones that failed (eval `--why`). */
  readonly explain?: boolean;
}

export interface Diagnoser {
  diagnose(text: string, options?: DiagnoseOptions): Diagnosis;
}
