import type { Entry, SystemInfo } from '../catalogue/catalogue.js';
import { escapeRegExp } from '../escape-regexp.js';
import { UnicodePattern } from './unicode-pattern.js';

/** The evidence for one entry that a refinement reads and lifts (`Scored` in score.ts adds the rest). */
export interface Refinable {
  readonly entry: number;
  readonly score: number;
  readonly code: number;
  readonly phrase: number;
  /** One of the entry's messages (or its code as words) was quoted nearly whole. */
  readonly verbatim: boolean;
  readonly overlap: number;
  readonly vendor: number;
  readonly status: number;
  /** The agreed status is the only entry of its system with that status. */
  readonly statusUnique: boolean;
  /** One of its messages that only its vendor prints was quoted. */
  readonly ownMessage: boolean;
  /** The entry belongs to a vendor (not to vendor-neutral OAuth 2.0). */
  readonly vendorSpecific: boolean;
  /** The entry is vendor-specific and nothing in the text points to its vendor. */
  readonly vendorMissing: boolean;
  readonly why: readonly string[];
  /**
   * What the phrase value owes to words many entries share (`phrase` less its informative value,
   * phrases.ts): a runner-up held up by them is no rival reading (decide.ts).
   */
  readonly commonWords: number;
}

/**
 * `s` with some of its evidence changed, built field by field in the order `combine` (score.ts)
 * builds a reading: a spread copy gets another hidden class, and every reader of `.score` (the
 * ranking comparators, the yields) then sees two shapes and reads its doubles boxed.
 */
export function reading<S extends Refinable>(s: S, changed: Partial<Refinable>): S {
  const r: Refinable = {
    entry: changed.entry ?? s.entry,
    score: changed.score ?? s.score,
    code: changed.code ?? s.code,
    phrase: changed.phrase ?? s.phrase,
    verbatim: changed.verbatim ?? s.verbatim,
    overlap: changed.overlap ?? s.overlap,
    vendor: changed.vendor ?? s.vendor,
    status: changed.status ?? s.status,
    statusUnique: changed.statusUnique ?? s.statusUnique,
    vendorSpecific: changed.vendorSpecific ?? s.vendorSpecific,
    vendorMissing: changed.vendorMissing ?? s.vendorMissing,
    ownMessage: changed.ownMessage ?? s.ownMessage,
    why: changed.why ?? s.why,
    commonWords: changed.commonWords ?? s.commonWords,
  };
  // A reading is a Refinable and nothing more (score.ts's `Scored` is one).
  return r as S;
}

/** `s` with another score (see `reading`). */
export function withScore<S extends Refinable>(s: S, score: number): S {
  return reading(s, { score });
}

/** How far a refining entry is lifted above its parent, plus a share of its own score. */
const LIFT = 0.1;
const OWN_SHARE = 0.05;
/** The parent falls this far behind the refining entry: clear of it, not a rival reading. */
const FALL = 0.5;
/** A code hit this strong is the entry's own code, not one it merely surfaces as. */
export const OWN_CODE = 0.8;
/** A code hit this strong was written out exactly as the entry lists it (not a typo, not as words). */
export const NAMED_CODE = 0.95;

/**
 * Best score first; equal scores by entry position, so ties rank the same on every run. A sort
 * reads only the sign: returned as -1, 0 or 1 (small integers), not as the scores' difference, a
 * double V8 boxes on every comparison. Scores that compare neither way (equal, or NaN) fall to
 * the entries, as a difference of zero or NaN did.
 */
export function byScore(
  a: Pick<Refinable, 'entry' | 'score'>,
  b: Pick<Refinable, 'entry' | 'score'>,
): number {
  return (b.score > a.score ? 1 : b.score < a.score ? -1 : 0) || a.entry - b.entry;
}

/** Something looked for in a paste: a regular expression, or a `WordsTest`. */
export interface Test {
  exec(text: string): RegExpExecArray | null;
}

/** A context of the catalogue, ready to be looked for in a paste. */
export interface ContextRule {
  readonly system: string;
  readonly id: string;
  readonly title: string;
  /** The context's own patterns, then its words as one whole-word pattern. */
  readonly tests: readonly Test[];
  /** Positions of the contexts a failure happens in instead of this one (read both ways). */
  readonly rivals: readonly number[];
}

/** How entries refine each other, resolved to entry positions. */
export interface Refinements {
  readonly contexts: readonly ContextRule[];
  /** Per entry, the position of its context in `contexts`, or -1. */
  readonly contextOf: Int32Array;
  /**
   * Per entry, the contexts it happens in that have rivals: its own, and for an entry of a
   * vendor-neutral system the contexts that cover that system.
   */
  readonly settings: readonly (readonly number[])[];
  /** Per entry, the entries it refines. */
  readonly parents: readonly (readonly number[])[];
  /** Per entry, the entries that refine it. */
  readonly children: readonly (readonly number[])[];
  /** Entries that refine another, broader ones first, so a chain is applied from its root. */
  readonly order: readonly number[];
}

/** Compiles the `contexts` of every system and the `refines` of every entry. */
export function compileRefinements(
  entries: readonly Entry[],
  systems: readonly SystemInfo[],
): Refinements {
  const declared = systems.flatMap((s) => s.contexts.map((c) => ({ system: s.system, c })));
  const contextAt = new Map(declared.map(({ system, c }, i) => [`${system}/${c.id}`, i]));
  const rivals = declared.map(() => new Set<number>());
  declared.forEach(({ system, c }, i) => {
    for (const id of c.rivals) {
      const r = contextAt.get(`${system}/${id}`);
      if (r === undefined || r === i) continue;
      rivals[i]?.add(r);
      rivals[r]?.add(i);
    }
  });
  const contexts = declared.map(({ system, c }, i) => ({
    system,
    id: c.id,
    title: c.title,
    // A pattern names a shape (an OAuth 1.0 header), more telling than a word: shown first.
    tests: [...c.patterns.map((p) => new RegExp(p, 'i')), ...wordsPattern(c.words)],
    rivals: [...(rivals[i] ?? [])].sort((a, b) => a - b),
  }));
  const at = new Map(entries.map((e, i) => [e.id, i]));
  const contextOf = Int32Array.from(entries, (e) =>
    e.context === undefined ? -1 : (contextAt.get(`${e.system}/${e.context}`) ?? -1),
  );
  const settings = entries.map((e, i) => {
    const own = contextOf[i] ?? -1;
    return contexts.flatMap((c, ci) =>
      c.rivals.length > 0 && (ci === own || declared[ci]?.c.covers.includes(e.system) === true)
        ? [ci]
        : [],
    );
  });
  const parents = entries.map((e) =>
    e.refines.flatMap((id) => at.get(id) ?? []).filter((p) => entries[p] !== e),
  );
  const children: number[][] = entries.map(() => []);
  parents.forEach((list, child) => {
    for (const p of list) children[p]?.push(child);
  });
  const depth = entries.map((_, i) => depthOf(i, parents, new Set()));
  const order = entries
    .map((_, i) => i)
    .filter((i) => (parents[i]?.length ?? 0) > 0)
    .sort((a, b) => (depth[a] ?? 0) - (depth[b] ?? 0) || a - b);
  return { contexts, contextOf, settings, parents, children, order };
}

/** How many refinements lie above an entry; a cycle stops the count. */
function depthOf(i: number, parents: readonly (readonly number[])[], seen: Set<number>): number {
  if (seen.has(i)) return 0;
  seen.add(i);
  let deepest = 0;
  for (const p of parents[i] ?? []) deepest = Math.max(deepest, 1 + depthOf(p, parents, seen));
  seen.delete(i);
  return deepest;
}

/** `consumer key` finds "Consumer Key", "consumer-key" and "consumer_key" as whole words. */
export function wordsPattern(words: readonly string[]): Test[] {
  if (words.length === 0) return [];
  const alternatives = words
    .map((w) =>
      w
        .trim()
        .split(/[\s_-]+/)
        .map(escapeRegExp)
        .join('[\\s_-]*'),
    )
    .join('|');
  return [new WordsTest(alternatives)];
}

/**
 * The words of a context as whole words. The whole-word pattern's Unicode letter classes take V8
 * a millisecond or more to compile, so it is compiled only once the words themselves are in the
 * text (a pattern without the word boundaries, cheap to compile, says so first): same answer.
 * Both are compiled on first use, and for an ASCII text without Unicode case folding (see
 * `UnicodePattern`): most contexts are never looked for.
 */
class WordsTest implements Test {
  readonly #anywhere: UnicodePattern;
  readonly #whole: UnicodePattern;

  constructor(alternatives: string) {
    this.#anywhere = new UnicodePattern(alternatives, 'iu');
    this.#whole = new UnicodePattern(
      `(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`,
      'iu',
    );
  }

  exec(text: string): RegExpExecArray | null {
    if (!this.#anywhere.for(text).test(text)) return null;
    return this.#whole.for(text).exec(text);
  }
}

/** The contexts present in a paste, by position in `contexts`, each with the text that showed it. */
export interface ContextsSeen {
  has(context: number): boolean;
  get(context: number): string | undefined;
}

/**
 * The contexts present in a paste: the pattern's `seen` group when it has one (a pattern that spans
 * lines names the part that matters), else the whole match. A context is looked for the first time
 * a reading asks about it (most pastes ask about none or one: only a refinement whose parent and
 * child are both candidates, or an entry set in a context with rivals, does), then remembered.
 */
export function detectContexts(text: string, contexts: readonly ContextRule[]): ContextsSeen {
  const found = new Map<number, string | null>();
  const get = (i: number): string | undefined => {
    let seen = found.get(i);
    if (seen === undefined) {
      seen = null;
      for (const test of contexts[i]?.tests ?? []) {
        const m = test.exec(text);
        if (m !== null) {
          seen = m.groups?.['seen'] ?? m[0];
          break;
        }
      }
      found.set(i, seen);
    }
    return seen ?? undefined;
  };
  return { has: (i) => get(i) !== undefined, get };
}

/**
 * An entry that refines another is the same failure in one vendor or setting: when that evidence is
 * in the text (its context, and for an entry of another system its vendor or a message only its
 * vendor prints), it takes its parent's evidence and ranks above it, and the parent falls behind.
 * `scored` is sorted best first; so is the result.
 */
export function applyRefinements<S extends Refinable>(
  scored: S[],
  contexts: ContextsSeen,
  refinements: Refinements,
  entries: readonly Entry[],
): S[] {
  if (refinements.order.length === 0) return scored;
  const byEntry = new Map(scored.map((s) => [s.entry, s]));
  /** Per refined parent, the best score of a child that refined it. */
  const fallTo = new Map<number, number>();
  for (const child of refinements.order) {
    const own = byEntry.get(child);
    let mine = own;
    for (const p of refinements.parents[child] ?? []) {
      const parent = byEntry.get(p);
      if (own === undefined || mine === undefined || parent === undefined) continue;
      const why = refinedBecause(own, parent, child, p, contexts, refinements, entries);
      if (why === undefined) continue;
      mine = lift(mine, parent, why, entries[child]?.system === entries[p]?.system);
      byEntry.set(child, mine);
      fallTo.set(p, Math.max(fallTo.get(p) ?? -Infinity, mine.score));
    }
  }
  if (fallTo.size === 0) return scored;
  for (const [p, best] of fallTo) {
    const parent = byEntry.get(p);
    if (parent !== undefined)
      byEntry.set(p, withScore(parent, Math.min(parent.score, best - FALL)));
  }
  return [...byEntry.values()].sort(byScore);
}

/**
 * What in the text shows the refining reading, or undefined when nothing does: for an entry of
 * another system its vendor (named, or a message only it prints) first; then its context, or its
 * own code or a message of its own quoted nearly whole. `own` is its evidence before any lift. A
 * refinement in the same system that has no code of its own leaves a parent whose code the text
 * names exactly, unless its own message is quoted too: the poster read that code (from NetSuite's
 * Login Audit Trail, say), and the code's own entry is the answer labelled with it.
 */
function refinedBecause(
  own: Refinable,
  parentEvidence: Refinable,
  child: number,
  parent: number,
  contexts: ContextsSeen,
  refinements: Refinements,
  entries: readonly Entry[],
): string | undefined {
  const sameSystem = entries[child]?.system === entries[parent]?.system;
  if (!sameSystem && own.vendor <= 0 && !own.ownMessage) return undefined;
  const named = parentEvidence.code >= NAMED_CODE && entries[child]?.codes.length === 0;
  if (sameSystem && named && !own.verbatim) return undefined;
  const context = refinements.contextOf[child] ?? -1;
  const seen = contexts.get(context);
  const rule = refinements.contexts[context];
  if (seen !== undefined && rule !== undefined) return `${rule.title}: "${seen}"`;
  if (own.verbatim || own.code >= OWN_CODE) return '';
  return context < 0 && !sameSystem ? '' : undefined;
}

/**
 * The refining reading with its parent's evidence added, ranked above the parent. In the same
 * system, what named the parent's vendor (a message only that vendor prints) names the child's too.
 */
function lift<S extends Refinable>(
  mine: S,
  parent: Refinable,
  because: string,
  sameSystem: boolean,
): S {
  // The parent's code and status are evidence for this reading too; its phrases are its own.
  const inherited = parent.why.filter((w) => w.startsWith('code ') || w.startsWith('status '));
  const why = [...inherited, ...mine.why, ...(because === '' ? [] : [because])];
  return reading(mine, {
    score: Math.max(mine.score, parent.score + LIFT + OWN_SHARE * Math.max(0, mine.score)),
    code: Math.max(mine.code, parent.code),
    phrase: Math.max(mine.phrase, parent.phrase),
    verbatim: mine.verbatim || parent.verbatim,
    overlap: Math.max(mine.overlap, parent.overlap),
    status: Math.max(mine.status, parent.status),
    statusUnique: mine.statusUnique || parent.statusUnique,
    ...(sameSystem
      ? {
          vendor: Math.max(mine.vendor, parent.vendor),
          ownMessage: mine.ownMessage || parent.ownMessage,
          vendorMissing: mine.vendorMissing && parent.vendorMissing,
        }
      : {}),
    why: [...new Set(why)],
  });
}

/** How far an entry set in a rival context falls behind the best reading that is not. */
const RIVAL_YIELD = 0.1;

/**
 * Some contexts exclude each other: a NetSuite request is signed with token-based authentication
 * (OAuth 1.0) or carries an OAuth 2.0 token, never both (Oracle: TBA and OAuth 2.0 are separate
 * ways to authenticate RESTlets and REST web services). Where the text shows one and none of its
 * rivals, an entry set in a rival is not the case (AuthorizationCodeGrantRequired, or the
 * vendor-neutral `insufficient_scope`, in a TBA paste): it ranks just below the best reading of
 * the context's system that is not shut out, unless its own code or one of its messages is quoted.
 * An entry of a vendor-neutral system is shut out only where the context's vendor is shown.
 * `scored` is sorted best first; so is the result.
 */
export function rivalContextsYield<S extends Refinable>(
  scored: S[],
  contexts: ContextsSeen,
  shownSystems: ReadonlySet<string>,
  refinements: Refinements,
  entries: readonly Entry[],
): S[] {
  /** The system whose best reading the entry yields to, or undefined when it is not shut out. */
  const shutBy = (s: S): string | undefined => {
    if (s.verbatim || s.code >= OWN_CODE) return undefined;
    const own = entries[s.entry]?.system;
    for (const c of refinements.settings[s.entry] ?? []) {
      const rule = refinements.contexts[c];
      // The cheap tests first: a context is looked for in the text only where its vendor can matter.
      if (rule === undefined || (rule.system !== own && !shownSystems.has(rule.system))) continue;
      if (!rule.rivals.some((r) => contexts.has(r)) || contexts.has(c)) continue;
      return rule.system;
    }
    return undefined;
  };
  const shut = scored.map(shutBy);
  if (shut.every((s) => s === undefined)) return scored;
  const best = new Map<string, number>();
  scored.forEach((s, i) => {
    const system = entries[s.entry]?.system;
    if (system !== undefined && shut[i] === undefined && !best.has(system))
      best.set(system, s.score);
  });
  return scored
    .map((s, i) => {
      const by = shut[i];
      const cap = by === undefined ? undefined : best.get(by);
      return cap === undefined || s.score <= cap - RIVAL_YIELD
        ? s
        : withScore(s, cap - RIVAL_YIELD);
    })
    .sort(byScore);
}

/** A phrase this well covered is evidence of its own (decide.ts reads it so too). */
const OWN_PHRASE = 0.75;

/**
 * A refinement is its parent's failure in one setting (another tenant, a changed password, a
 * concurrent load): where the text shows neither that setting nor the refinement's own code, one of
 * its messages or a well-covered phrase of its own, it is not the reading over its parent of the
 * same system, and falls as far behind it as a refined parent falls behind its refinement. A
 * wrapper refinement (NetSuite's TBA rejection) is left alone: it names no cause to be shown; so
 * is one that is no authentication failure (a concurrency limit), never answered unasked without
 * its own code. `scored` is sorted best first; so is the result.
 */
export function unshownSettingsYield<S extends Refinable>(
  scored: S[],
  contexts: ContextsSeen,
  refinements: Refinements,
  entries: readonly Entry[],
): S[] {
  const byEntry = new Map(scored.map((s) => [s.entry, s]));
  const capOf = (s: S): number => {
    const context = refinements.contextOf[s.entry] ?? -1;
    const entry = entries[s.entry];
    if (context < 0 || entry === undefined) return Infinity;
    if (entry.generic || entry.failure !== 'auth') return Infinity;
    if (s.verbatim || s.code >= OWN_CODE || s.phrase >= OWN_PHRASE) return Infinity;
    // The context is looked for in the text last, only for an entry it can cap.
    if (contexts.has(context)) return Infinity;
    let cap = Infinity;
    for (const p of refinements.parents[s.entry] ?? []) {
      const parent = byEntry.get(p);
      if (parent !== undefined && entries[p]?.system === entry.system)
        cap = Math.min(cap, parent.score - FALL);
    }
    return cap;
  };
  return capScores(scored, scored.map(capOf));
}

/**
 * Each reading's score held at or below its cap (`Infinity`: none), best first again; the same
 * array when no reading is over its cap.
 */
export function capScores<S extends Refinable>(scored: S[], caps: readonly number[]): S[] {
  if (scored.every((s, i) => s.score <= (caps[i] ?? Infinity))) return scored;
  return scored
    .map((s, i) => {
      const cap = caps[i] ?? Infinity;
      return s.score <= cap ? s : withScore(s, cap);
    })
    .sort(byScore);
}
