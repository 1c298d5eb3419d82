import { phraseText } from './index-compile.js';
import type { Entry } from '../catalogue/catalogue.js';
import type { CodeHit } from './code-hit.js';
import type { MatchIndex, Phrase } from './match-index.js';
import { overlap, phraseEvidence, type PhraseEvidence } from './phrases.js';
import type { Query } from './query.js';
import { quotesHolding } from './quotes.js';
import {
  applyRefinements,
  byScore,
  capScores,
  NAMED_CODE,
  rivalContextsYield,
  unshownSettingsYield,
  type Refinable,
  withScore,
} from './refine.js';
import { otherSystemYield } from './other-system-yield.js';
import { requestSideYield } from './request-yield.js';
import { unlistedCodeYield } from './unlisted-code-yield.js';
import { unshownVendorsYield } from './vendor-yield.js';

/** The evidence for one entry; the score is a weighted sum of these, the reasons are kept for `why`. */
export type Scored = Refinable;

const WEIGHTS = { code: 2.2, phrase: 1.8, overlap: 0.6 } as const;
const VERBATIM = 0.85;
/** What a code counts for when it is only the category word of another entry's quoted message. */
const CATEGORY_WORD = 0.5;
/** A phrase this well covered names a specific cause, so a wrapper reading yields to it. */
const STRONG_PHRASE = 0.9;

/** Candidates scored in full; the rest of a large catalogue is ranked out by cheap evidence first. */
const MAX_CANDIDATES = 32;
/** Terms used by more entries than this are too common to nominate candidates on their own. */
const COMMON_TERM_ENTRIES = 400;

interface Raw {
  readonly entry: number;
  readonly code: number;
  readonly vendorCode: boolean;
  readonly phrase: PhraseEvidence;
  readonly overlap: number;
}

export function scoreEntries(query: Query, index: MatchIndex): Scored[] {
  const codes = codeEvidence(query, index);
  const raws = nominate(query, index).map((ei) => rawEvidence(ei, codes.get(ei), query, index));
  // A wrapper or vendor-neutral reading gives way when a specific vendor entry is named by its own
  // code, or quoted, or named by its exact code or described closely in a text that shows its vendor.
  const specificHit = raws.some((r) => {
    const e = index.entries[r.entry];
    const vendorEntry = e !== undefined && !e.generic && index.vendorSystems.has(e.system);
    const shown = query.vendors.has(e?.system ?? '');
    const described = r.phrase.value >= STRONG_PHRASE && shown;
    // A code spelled like another system's (NetSuite's `InvalidScope`) is the vendor's own where
    // the text shows that vendor.
    const ownCode = r.code >= 1 && shown;
    return (
      vendorEntry &&
      (r.vendorCode || ownCode || r.phrase.distinctiveMessage >= VERBATIM || described)
    );
  });
  const maxVendor = Math.max(0, ...[...query.vendors.values()].map((v) => v.strength));
  const categoryWords = codesInQuotedMessages(raws, query, index);
  const scored = raws
    .map((r) =>
      combine(
        r,
        query,
        index,
        specificHit,
        maxVendor,
        categoryWords.has(r.entry) || query.explained.has(r.entry),
      ),
    )
    .sort(byScore);
  const refined = requestSideYield(
    rivalContextsYield(
      unshownSettingsYield(
        applyRefinements(scored, query.contexts, index.refinements, index.entries),
        query.contexts,
        index.refinements,
        index.entries,
      ),
      query.contexts,
      new Set(query.vendors.keys()),
      index.refinements,
      index.entries,
    ),
    query.signals.failedRequest,
    query.flat,
    index,
  );
  // The yields in the order they apply, each on the ranking the one before it left.
  const vendorsShown = unshownVendorsYield(wrappersYield(refined, raws, index), index);
  const otherSystems = otherSystemYield(vendorsShown, query, index);
  const unlisted = unlistedCodeYield(explainedYield(otherSystems, query), query, index);
  return settleNearTies(unlisted, query, index);
}

/** How far a code used loosely falls behind the failure its explanation names. */
const EXPLAINED_YIELD = 0.1;

/**
 * A code the provider's own explanation shows was used loosely (`invalid_request` beside
 * "Errors.User.RefreshToken.Invalid") ranks below the reading its explanation names, whatever its
 * own words share with the text (`Bearer error="invalid_request"` is a message of its entry): the
 * explanation says what failed, the code only which answer the provider chose (named-words.ts).
 */
function explainedYield(scored: Scored[], query: Query): Scored[] {
  if (query.explained.size === 0) return scored;
  const score = new Map(scored.map((s) => [s.entry, s.score]));
  const caps = scored.map((s) => {
    const by = query.explained.get(s.entry);
    if (by === undefined) return Infinity;
    const best = Math.max(...by.map((e) => score.get(e) ?? -Infinity));
    return best === -Infinity ? Infinity : best - EXPLAINED_YIELD;
  });
  return capScores(scored, caps);
}

/**
 * Scores this close are a tie: term statistics move every score a little whenever any entry is
 * added or edited, so the order of two near-equal readings would follow unrelated catalogue edits.
 */
const NEAR_TIE = 0.02;

/**
 * Orders near-equal readings by evidence that does not drift: a reading whose vendor the text shows
 * (or that has none) before one whose vendor it never shows, then the entry's code written out
 * exactly, then the more specific entry (one that refines another, then a vendor's entry, then one
 * that is not its system's wrapper), then clearly more of the entry's own phrase words, then the
 * id. A run of readings each within `NEAR_TIE` of the run's best counts as one tie; the scores
 * themselves are kept. The key's powers of two make each test outrank all the tests after it.
 */
function settleNearTies(scored: Scored[], query: Query, index: MatchIndex): Scored[] {
  // A code its own explanation shows was used loosely (named-words.ts) names no reading exactly.
  const exact = new Set(
    query.codeHits
      .filter((h) => h.strength >= NAMED_CODE && !query.explained.has(h.entry))
      .map((h) => h.entry),
  );
  const key = (s: Scored): number => {
    const e = index.entries[s.entry];
    const refines = (index.refinements.parents[s.entry]?.length ?? 0) > 0;
    return (
      // Words a vendor's entry shares with the text do not make it the more specific reading.
      (s.vendorMissing ? 0 : 16) +
      (exact.has(s.entry) ? 8 : 0) +
      (refines ? 4 : 0) +
      (s.vendorSpecific ? 2 : 0) +
      (e?.generic === true ? 0 : 1)
    );
  };
  const id = (s: Scored): string => index.entries[s.entry]?.id ?? '';
  // The entry's own words found in the text, when they clearly differ.
  // Its sign only (the difference is then non-zero): no double boxed per comparison.
  const byPhrase = (a: Scored, b: Scored): number =>
    Math.abs(a.phrase - b.phrase) >= NEAR_TIE ? (b.phrase > a.phrase ? 1 : -1) : 0;
  const out: Scored[] = [];
  for (let i = 0; i < scored.length;) {
    const lead = scored[i]?.score ?? 0;
    let j = i + 1;
    while (j < scored.length && lead - (scored[j]?.score ?? 0) < NEAR_TIE) j++;
    const run = scored.slice(i, j);
    if (run.length > 1)
      run.sort((a, b) => key(b) - key(a) || byPhrase(a, b) || (id(a) < id(b) ? -1 : 1));
    out.push(...run);
    i = j;
  }
  return out;
}

/** How far a wrapper reading falls behind an entry of its system named by its own code. */
const WRAPPER_FALL = 0.5;

/**
 * A wrapper reading (`generic`: NetSuite's INVALID_LOGIN, Workday's catch-all 401) says only that the
 * login failed; an entry of the same system named by its own code (the Login Audit Trail's
 * `AccessTokenExpired` beside the 401 INVALID_LOGIN body) says why, so the wrapper ranks below it
 * however many of its own phrases the text shares.
 */
function wrappersYield(scored: Scored[], raws: readonly Raw[], index: MatchIndex): Scored[] {
  const best = new Map<string, number>();
  for (const r of raws) {
    const e = index.entries[r.entry];
    if (e === undefined || e.generic || !r.vendorCode) continue;
    const s = scored.find((x) => x.entry === r.entry);
    if (s !== undefined) best.set(e.system, Math.max(best.get(e.system) ?? -Infinity, s.score));
  }
  if (best.size === 0) return scored;
  const fallTo = (s: Scored): number | undefined => {
    const e = index.entries[s.entry];
    return e?.generic === true ? best.get(e.system) : undefined;
  };
  if (!scored.some((s) => s.score > (fallTo(s) ?? Infinity) - WRAPPER_FALL)) return scored;
  return scored
    .map((s) => {
      const named = fallTo(s);
      return named === undefined ? s : withScore(s, Math.min(s.score, named - WRAPPER_FALL));
    })
    .sort(byScore);
}

/**
 * Entries whose every code in the text sits inside another entry's message quoted whole
 * ("INVALID_CLIENT: Invalid redirect URI"): there the code is the category word of that message, and
 * the explanation names the cause, as `error_category=` beside a description does.
 */
function codesInQuotedMessages(raws: readonly Raw[], query: Query, index: MatchIndex): Set<number> {
  const out = new Set<number>();
  // Per code, per candidate (by position in `raws`): 0 not yet looked for, 1 no, 2 it quotes a
  // message of its own holding the code. Each is looked for once, not again for every entry the
  // code names (invalid_client names a dozen), and only where the search below reaches it.
  const holds = new Map<string, Uint8Array>();
  // Whether the text quotes a message: asked once per message, whichever entries and codes hold it.
  const quotes = new Map<string, boolean>();
  const quoted = (q: string): boolean => {
    let found = quotes.get(q);
    if (found === undefined) {
      found = query.flat.includes(q);
      quotes.set(q, found);
    }
    return found;
  };
  const holding = (code: string, at: number): boolean => {
    let known = holds.get(code);
    if (known === undefined) {
      known = new Uint8Array(raws.length);
      holds.set(code, known);
    }
    if (known[at] === 0)
      known[at] = quotesHolding(index.entries[raws[at]?.entry ?? -1], query.flat, code, quoted)
        ? 2
        : 1;
    return known[at] === 2;
  };
  // Only messages holding the code are looked for in the text: a long paste is searched a few
  // times, not once per message of every candidate.
  const inside = (code: string, entry: number): boolean => {
    for (let at = 0; at < raws.length; at++)
      if (raws[at]?.entry !== entry && holding(code, at)) return true;
    return false;
  };
  // Loops, not filter, map and a closure per candidate: every code hit of the entry is inside.
  for (const r of raws) {
    if (r.code <= 0) continue;
    let any = false;
    let every = true;
    for (const h of query.codeHits) {
      if (h.entry !== r.entry) continue;
      any = true;
      if (!inside(h.code.toLowerCase(), r.entry)) {
        every = false;
        break;
      }
    }
    if (any && every) out.add(r.entry);
  }
  return out;
}

/** Entries worth scoring: every code hit, then the entries sharing the most distinctive terms. */
function nominate(query: Query, index: MatchIndex): number[] {
  // Summed in typed arrays: the query's terms in order (`query.ids`), each entry's sum growing in
  // the same order as a map's would, and the entries ranked in the order they were first reached.
  const { sum, reached } = scratchOf(index);
  const order: number[] = [];
  for (const id of query.ids) {
    const list = index.termEntries[id];
    if (list === undefined || list.length > COMMON_TERM_ENTRIES) continue;
    const idf = (index.termIdf[id] ?? 0) * (query.weights[id] ?? 0);
    for (const ei of list) {
      if (reached[ei] === 0) {
        reached[ei] = 1;
        order.push(ei);
      }
      sum[ei] = (sum[ei] ?? 0) + idf;
    }
  }
  const byTerms = mostShared(order, sum);
  for (const ei of order) {
    sum[ei] = 0;
    reached[ei] = 0;
  }
  const picked = new Set(query.codeHits.map((h) => h.entry));
  for (const ei of byTerms) picked.add(ei);
  // A candidate's refinements are scored too (a Set visits what is added while it is iterated).
  for (const ei of picked)
    for (const child of index.refinements.children[ei] ?? []) picked.add(child);
  return [...picked];
}

/**
 * The MAX_CANDIDATES entries of `order` with the greatest sums, greatest first, entries with equal
 * sums in the order they were first reached: what a stable sort then a cut gives, without sorting
 * the entries that are cut (each is placed after the ones it does not beat).
 */
function mostShared(order: readonly number[], sum: Float64Array): number[] {
  const top: number[] = [];
  for (const ei of order) {
    const s = sum[ei] ?? 0;
    if (top.length === MAX_CANDIDATES && s <= (sum[top[MAX_CANDIDATES - 1] ?? 0] ?? 0)) continue;
    let at = top.length;
    while (at > 0 && (sum[top[at - 1] ?? 0] ?? 0) < s) at--;
    top.splice(at, 0, ei);
    if (top.length > MAX_CANDIDATES) top.pop();
  }
  return top;
}

interface Scratch {
  readonly sum: Float64Array;
  readonly reached: Uint8Array;
}

/** Per index, buffers `nominate` fills and zeroes again (a diagnosis is synchronous). */
const scratch = new WeakMap<MatchIndex, Scratch>();

function scratchOf(index: MatchIndex): Scratch {
  let s = scratch.get(index);
  if (s === undefined) {
    s = {
      sum: new Float64Array(index.entries.length),
      reached: new Uint8Array(index.entries.length),
    };
    scratch.set(index, s);
  }
  return s;
}

interface CodeEvidence {
  readonly code: number;
  readonly vendorCode: boolean;
}

/** Per entry, its strongest code hit; one pass over the hits, each code's sharing counted once. */
function codeEvidence(query: Query, index: MatchIndex): Map<number, CodeEvidence> {
  const sharingOf = new Map<string, number>();
  const out = new Map<number, CodeEvidence>();
  for (const h of query.codeHits) {
    const key = h.code.toLowerCase();
    let sharing = sharingOf.get(key);
    if (sharing === undefined) {
      // A code shared by many entries says less than one that names a single entry.
      sharing = index.codes.get(key)?.filter((r) => r.strength >= 1).length ?? 1;
      sharingOf.set(key, sharing);
    }
    const value = h.strength * (0.75 + 0.25 / Math.max(1, sharing)) * (h.inErrorField ? 1.1 : 1);
    const before = out.get(h.entry);
    out.set(h.entry, {
      code: Math.max(before?.code ?? 0, value),
      vendorCode: (before?.vendorCode ?? false) || (h.vendorUnique && h.strength >= 0.8),
    });
  }
  return out;
}

function rawEvidence(
  ei: number,
  codes: CodeEvidence | undefined,
  query: Query,
  index: MatchIndex,
): Raw {
  return {
    entry: ei,
    code: codes?.code ?? 0,
    vendorCode: codes?.vendorCode ?? false,
    phrase: phraseEvidence(ei, query, index),
    overlap: overlap(ei, query, index),
  };
}

function combine(
  r: Raw,
  query: Query,
  index: MatchIndex,
  specificHit: boolean,
  maxVendor: number,
  categoryWord: boolean,
): Scored {
  const entry = index.entries[r.entry];
  const why: string[] = [];
  const isVendor = entry !== undefined && index.vendorSystems.has(entry.system);
  const quotedOwn = r.phrase.distinctiveMessage >= VERBATIM;
  let code = r.code;
  const wrapper = entry?.generic === true || (!isVendor && !r.vendorCode && !quotedOwn);
  if (specificHit && wrapper) code *= 0.6;
  if (categoryWord) code *= CATEGORY_WORD;
  const hit = codeHitOf(query.codeHits, r.entry);
  if (hit !== undefined) why.push(hit.label ?? `code ${hit.code}`);
  const sameAsCode = hit !== undefined && r.phrase.phrase?.kind === 'code';
  if (r.phrase.phrase !== undefined && r.phrase.value >= 0.2 && !sameAsCode) {
    why.push(phraseLabel(r.phrase.phrase, entry));
  }
  const vendor = vendorTerm(r, query, isVendor, quotedOwn, maxVendor, entry?.system, why);
  const status = statusTerm(query, index, entry, why);
  const score =
    WEIGHTS.code * code +
    WEIGHTS.phrase * r.phrase.value +
    WEIGHTS.overlap * r.overlap +
    vendor.value +
    status.value;
  return {
    entry: r.entry,
    score,
    code,
    phrase: r.phrase.value,
    verbatim: r.phrase.message >= VERBATIM,
    overlap: r.overlap,
    vendor: vendor.value,
    status: status.value,
    statusUnique: status.unique,
    vendorSpecific: isVendor,
    vendorMissing: vendor.missing,
    ownMessage: quotedOwn,
    why,
    commonWords: WEIGHTS.phrase * Math.max(0, r.phrase.value - r.phrase.informative),
  };
}

/**
 * The entry's first code hit of strength 0.8 or more, else its first hit: one loop, no closure per
 * candidate.
 */
function codeHitOf(hits: readonly CodeHit[], entry: number): CodeHit | undefined {
  let first: CodeHit | undefined;
  for (const h of hits) {
    if (h.entry !== entry) continue;
    if (h.strength >= 0.8) return h;
    first ??= h;
  }
  return first;
}

/** Per phrase, how `why` names it: built once, not per diagnosis. */
const labels = new WeakMap<Phrase, string>();

function phraseLabel(phrase: Phrase, entry: Entry | undefined): string {
  let label = labels.get(phrase);
  if (label === undefined) {
    const { kind, at } = phrase;
    label = `${kind} "${entry === undefined ? '' : phraseText(entry, kind, at)}"`;
    labels.set(phrase, label);
  }
  return label;
}

function vendorTerm(
  r: Raw,
  query: Query,
  isVendor: boolean,
  quotedOwn: boolean,
  maxVendor: number,
  system: string | undefined,
  why: string[],
): { value: number; missing: boolean } {
  if (!isVendor) return { value: maxVendor > 0 ? -0.15 : 0, missing: false };
  const evidence = system === undefined ? undefined : query.vendors.get(system);
  if (evidence !== undefined) {
    why.push(...evidence.why);
    return { value: 0.8 * evidence.strength, missing: false };
  }
  // The vendor's own code or its own message names the vendor as surely as its host would.
  if (r.vendorCode || quotedOwn) return { value: 0, missing: false };
  return { value: -1.0 - 0.6 * maxVendor, missing: true };
}

function statusTerm(
  query: Query,
  index: MatchIndex,
  entry: MatchIndex['entries'][number] | undefined,
  why: string[],
): { value: number; unique: boolean } {
  const statuses = query.signals.statuses;
  if (entry === undefined || statuses.size === 0 || entry.status.length === 0)
    return { value: 0, unique: false };
  const agreed = entry.status.find((s) => statuses.has(s));
  if (agreed === undefined) return { value: -0.3, unique: false };
  why.push(statusLabel(agreed));
  return { value: 0.4, unique: index.statusCount.get(entry.system)?.get(agreed) === 1 };
}

/** Per HTTP status, how `why` names it: built once, not per candidate of each diagnosis. */
const statusLabels = new Map<number, string>();

function statusLabel(status: number): string {
  let label = statusLabels.get(status);
  if (label === undefined) {
    label = `status ${String(status)}`;
    statusLabels.set(status, label);
  }
  return label;
}
