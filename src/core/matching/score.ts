import type { MatchIndex, Phrase } from './index.js';
import type { Query } from './query.js';

/** The evidence for one entry; the score is a weighted sum of these, the reasons are kept for `why`. */
export interface Scored {
  readonly entry: number;
  readonly score: number;
  readonly code: number;
  readonly phrase: number;
  /** The best phrase was one of the entry's verbatim messages, nearly whole. */
  readonly verbatim: boolean;
  readonly overlap: number;
  readonly vendor: number;
  readonly status: number;
  /** The entry is vendor-specific and nothing in the text points to its vendor. */
  readonly vendorMissing: boolean;
  readonly why: readonly string[];
}

export const WEIGHTS = { code: 2.2, phrase: 1.8, overlap: 0.6 } as const;

/** Candidates scored in full; the rest of a large catalogue is ranked out by cheap evidence first. */
const MAX_CANDIDATES = 64;
/** Terms used by more entries than this are too common to nominate candidates on their own. */
const COMMON_TERM_ENTRIES = 400;

export function scoreEntries(query: Query, index: MatchIndex): Scored[] {
  const candidates = nominate(query, index);
  const specificity = codeSpecificity(query, index);
  const specificHit = query.codeHits.some(
    (h) => h.vendorUnique && h.strength >= 0.8 && index.entries[h.entry]?.generic !== true,
  );
  const maxVendor = Math.max(0, ...[...query.vendors.values()].map((v) => v.strength));
  const context = { specificity, maxVendor, specificHit };
  const scored = candidates.map((ei) =>
    scoreOne(ei, query, index, bestPhrase(ei, query, index), overlap(ei, query, index), context),
  );
  return scored.sort((a, b) => b.score - a.score || a.entry - b.entry);
}

/** Entries worth scoring: every code hit, then the entries sharing the most distinctive terms. */
function nominate(query: Query, index: MatchIndex): number[] {
  const sum = new Map<number, number>();
  for (const [term, weight] of query.terms) {
    const list = index.entryTerms.get(term);
    if (list === undefined || list.length > COMMON_TERM_ENTRIES) continue;
    const idf = (index.idf.get(term) ?? 0) * weight;
    for (const ei of list) sum.set(ei, (sum.get(ei) ?? 0) + idf);
  }
  const byTerms = [...sum].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
  return [...new Set([...query.codeHits.map((h) => h.entry), ...byTerms.map(([ei]) => ei)])];
}

interface PhraseHit {
  readonly value: number;
  readonly coverage: number;
  readonly phrase: Phrase;
}

/** The entry's best phrase: idf-weighted share of its terms found in the text, less what is missing. */
function bestPhrase(ei: number, query: Query, index: MatchIndex): PhraseHit | undefined {
  const full = 1.6 * Math.log(1 + index.entries.length);
  let best: PhraseHit | undefined;
  for (const pi of index.entryPhrases[ei] ?? []) {
    const phrase = index.phrases[pi];
    if (phrase === undefined || phrase.mass <= 0) continue;
    let mass = 0;
    for (const t of phrase.terms) mass += (index.idf.get(t) ?? 0) * (query.terms.get(t) ?? 0);
    if (mass <= 0) continue;
    const missed = phrase.mass - mass;
    const value = Math.max(0, Math.min(1, mass / full) - (0.6 * missed) / full);
    if (best === undefined || value > best.value)
      best = { value, coverage: mass / phrase.mass, phrase };
  }
  return best;
}

/** How much of the text's vocabulary the entry shares (its phrases, reason and steps). */
function overlap(ei: number, query: Query, index: MatchIndex): number {
  let sum = 0;
  for (const t of index.entryTermList[ei] ?? [])
    sum += (index.idf.get(t) ?? 0) * (query.terms.get(t) ?? 0);
  return Math.min(1, sum / (2.5 * Math.log(1 + index.entries.length)));
}

/** A code shared by many entries says less than one that names a single entry. */
function codeSpecificity(query: Query, index: MatchIndex): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of query.codeHits) {
    const refs = index.codes.get(h.code.toLowerCase()) ?? [];
    const identifying = refs.filter((r) => r.strength >= 1).length;
    out.set(h.code, 1 / Math.max(1, identifying));
  }
  return out;
}

function scoreOne(
  ei: number,
  query: Query,
  index: MatchIndex,
  phrase: PhraseHit | undefined,
  overlapValue: number,
  context: { specificity: ReadonlyMap<string, number>; maxVendor: number; specificHit: boolean },
): Scored {
  const { specificity, maxVendor } = context;
  const entry = index.entries[ei];
  const why: string[] = [];
  let code = 0;
  let vendorCode = false;
  for (const h of query.codeHits) {
    if (h.entry !== ei) continue;
    const value =
      h.strength * (0.75 + 0.25 * (specificity.get(h.code) ?? 0)) * (h.inErrorField ? 1.1 : 1);
    if (value > code) code = value;
    if (h.vendorUnique && h.strength >= 0.8) vendorCode = true;
  }
  const isVendor = entry !== undefined && index.vendorSystems.has(entry.system);
  // A wrapper or vendor-neutral reading gives way when a vendor's specific code is in the text.
  if (context.specificHit && !vendorCode && (entry?.generic === true || !isVendor)) code *= 0.6;
  const codeHit = query.codeHits.find((h) => h.entry === ei);
  if (codeHit !== undefined) why.push(`code ${codeHit.code}`);
  const phraseValue = phrase?.value ?? 0;
  if (phrase !== undefined && phraseValue >= 0.2)
    why.push(`${phrase.phrase.kind} "${phrase.phrase.text}"`);

  const evidence = entry === undefined ? undefined : query.vendors.get(entry.system);
  let vendor = 0;
  let vendorMissing = false;
  if (isVendor) {
    if (evidence !== undefined) {
      vendor = 0.8 * evidence.strength;
      why.push(...evidence.why);
    } else if (!vendorCode && !isVerbatim(phrase)) {
      vendorMissing = true;
      vendor = -0.6 - 0.6 * maxVendor;
    }
  } else if (maxVendor > 0) {
    vendor = -0.15;
  }

  let status = 0;
  const statuses = query.signals.statuses;
  if (entry !== undefined && statuses.size > 0 && entry.status.length > 0) {
    const agreed = entry.status.find((s) => statuses.has(s));
    status = agreed === undefined ? -0.3 : 0.4;
    if (agreed !== undefined) why.push(`status ${agreed}`);
  }
  const score =
    WEIGHTS.code * code +
    WEIGHTS.phrase * phraseValue +
    WEIGHTS.overlap * overlapValue +
    vendor +
    status;
  return {
    entry: ei,
    score,
    code,
    phrase: phraseValue,
    verbatim: isVerbatim(phrase),
    overlap: overlapValue,
    vendor,
    status,
    vendorMissing,
    why,
  };
}

/** A vendor's own message quoted nearly whole names the vendor as surely as its host would. */
function isVerbatim(hit: PhraseHit | undefined): boolean {
  return (
    hit !== undefined &&
    (hit.phrase.kind === 'message' || hit.phrase.kind === 'code') &&
    hit.value >= 0.8
  );
}
