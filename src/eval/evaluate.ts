import type { DecisionCheck, Diagnoser, Via } from '../core/matching/types.js';

/**
 * One labelled paste: `expect` lists acceptable top-1 ids, most specific first; empty means it must
 * not be confident.
 */
export interface LabelledCase {
  readonly id: string;
  readonly text: string;
  readonly via: Via;
  readonly expect: readonly string[];
  readonly kind?: string;
  /** The system that produced the failure; older sets leave it out (read from `expect`). */
  readonly system?: string;
}

type Problem =
  | 'wrong top-1'
  | 'not the most specific id'
  | 'negative answered'
  | 'channel positive not confident';

export interface Miss {
  readonly id: string;
  readonly kind: string;
  readonly system: string;
  readonly expect: readonly string[];
  readonly got: string | undefined;
  readonly confident: boolean;
  readonly problem: Problem;
  /** With `explain`: the checks that kept the reading from being answered unasked. */
  readonly held?: readonly DecisionCheck[];
}

/** What the matcher did with one case. */
export interface Outcome {
  readonly id: string;
  readonly kind: string;
  readonly system: string;
  readonly via: Via;
  readonly expect: readonly string[];
  readonly got: string | undefined;
  readonly confident: boolean;
  readonly held?: readonly DecisionCheck[];
}

/** The four figures of issue #8 with their counts. */
export interface Tally {
  readonly positives: number;
  /** Top-1 is one of the accepted ids. */
  readonly top1: number;
  /** Top-1 is the most specific accepted id (`expect[0]`). */
  readonly top1Specific: number;
  readonly negatives: number;
  readonly negativesQuiet: number;
  readonly channelPositives: number;
  readonly channelConfident: number;
  /** Confident answers whose top-1 was wrong: the costliest mistake in a channel. */
  readonly confidentWrong: number;
}

export interface EvalReport extends Tally {
  readonly outcomes: readonly Outcome[];
  readonly misses: readonly Miss[];
}

/** The system a case is about: its own label, else the prefix of its most specific id. */
export function systemOf(c: Pick<LabelledCase, 'system' | 'expect'>): string {
  if (c.system !== undefined && c.system !== '') return c.system;
  const first = c.expect[0];
  return first === undefined ? 'none' : (first.split('/')[0] ?? 'none');
}

/** `explain` runs every check of the channel decision and keeps the ones that failed (`--why`). */
export function evaluate(
  cases: readonly LabelledCase[],
  diagnoser: Diagnoser,
  explain = false,
): EvalReport {
  const outcomes = cases.map((c): Outcome => {
    const d = diagnoser.diagnose(c.text, { explain });
    return {
      id: c.id,
      kind: c.kind ?? '',
      system: systemOf(c),
      via: c.via,
      expect: c.expect,
      got: d.matches[0]?.id,
      confident: d.confident,
      ...(d.held === undefined ? {} : { held: d.held }),
    };
  });
  return { ...tally(outcomes), outcomes, misses: outcomes.flatMap(missesOf) };
}

export function tally(outcomes: readonly Outcome[]): Tally {
  const t = {
    positives: 0,
    top1: 0,
    top1Specific: 0,
    negatives: 0,
    negativesQuiet: 0,
    channelPositives: 0,
    channelConfident: 0,
    confidentWrong: 0,
  };
  for (const o of outcomes) {
    if (o.expect.length === 0) {
      t.negatives++;
      if (!o.confident) t.negativesQuiet++;
      continue;
    }
    t.positives++;
    const right = isRight(o);
    if (right) t.top1++;
    if (o.got !== undefined && o.got === o.expect[0]) t.top1Specific++;
    if (o.confident && !right) t.confidentWrong++;
    if (o.via === 'channel') {
      t.channelPositives++;
      if (o.confident) t.channelConfident++;
    }
  }
  return t;
}

/** Outcomes grouped by a key (system, kind), groups in first-seen order. */
export function groupBy(
  outcomes: readonly Outcome[],
  key: (o: Outcome) => string,
): Map<string, Outcome[]> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const k = key(o);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [o]);
    else list.push(o);
  }
  return groups;
}

function isRight(o: Outcome): boolean {
  return o.got !== undefined && o.expect.includes(o.got);
}

function missesOf(o: Outcome): Miss[] {
  const miss = (problem: Problem): Miss => ({
    id: o.id,
    kind: o.kind,
    system: o.system,
    expect: o.expect,
    got: o.got,
    confident: o.confident,
    problem,
    ...(o.held === undefined ? {} : { held: o.held }),
  });
  if (o.expect.length === 0) return o.confident ? [miss('negative answered')] : [];
  const out: Miss[] = [];
  if (!isRight(o)) out.push(miss('wrong top-1'));
  else if (o.got !== o.expect[0]) out.push(miss('not the most specific id'));
  if (o.via === 'channel' && !o.confident && isRight(o))
    out.push(miss('channel positive not confident'));
  return out;
}
