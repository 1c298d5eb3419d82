import type { MatchIndex } from './index.js';
import { looseKey } from './index.js';
import { extractSignals, type Signals } from './signals.js';
import { rawTokens, terms, toTerm, wordsOf } from './tokens.js';

export interface CodeHit {
  readonly entry: number;
  readonly code: string;
  /** Identifying strength (1 exact identifying code … lower for loose, fuzzy or surfaces-as). */
  readonly strength: number;
  readonly inErrorField: boolean;
  readonly vendorUnique: boolean;
}

export interface VendorEvidence {
  readonly strength: number;
  readonly why: readonly string[];
}

/** A paste reduced to what the scorer reads. */
export interface Query {
  readonly terms: ReadonlyMap<string, number>;
  readonly signals: Signals;
  readonly codeHits: readonly CodeHit[];
  readonly vendors: ReadonlyMap<string, VendorEvidence>;
  /** The text reports a failure: an error status, a code, or failure words. */
  readonly failure: boolean;
}

/** Cap on distinct terms read: a huge paste cannot make scoring slow. */
const MAX_TERMS = 600;
const MAX_FUZZY_CODES = 4;

const FAILURE_WORDS = new Set(
  (
    'fail failed failing fails failure error errors reject rejected rejects refuse refused refuses denied deny ' +
    'invalid unauthorized unauthorised forbidden expired expires unable broken blocked mismatch mismatched wrong ' +
    'missing empty exception stopped stops dies died cannot revoked inactive disabled insufficient incorrect bad ' +
    'unsupported unknown problem issue'
  )
    .split(' ')
    .map((w) => toTerm(w) ?? w),
);

export function buildQuery(text: string, index: MatchIndex): Query {
  const signals = extractSignals(text);
  const queryTerms = collectTerms(text, index);
  const codeHits = findCodes(signals, index);
  const vendors = detectVendors(text, signals, queryTerms, index);
  const failure =
    [...signals.statuses].some((s) => s >= 400) ||
    codeHits.some((h) => h.strength >= 0.8) ||
    [...queryTerms.keys()].some((t) => FAILURE_WORDS.has(t)) ||
    /n['’]t work|not work|no longer work|stopped working/i.test(text);
  return { terms: queryTerms, signals, codeHits, vendors, failure };
}

function collectTerms(text: string, index: MatchIndex): Map<string, number> {
  const out = new Map<string, number>();
  for (const raw of rawTokens(text)) {
    for (const part of wordsOf(raw)) {
      if (out.size >= MAX_TERMS) return out;
      const term = toTerm(part);
      if (term === undefined) continue;
      if (index.idf.has(term)) {
        out.set(term, 1);
        continue;
      }
      // Only words the catalogue does not know are corrected, and only against its own vocabulary.
      const fixed = part.length >= 5 ? index.typos.correct(part.toLowerCase()) : undefined;
      const fixedTerm = fixed === undefined ? undefined : index.rawToTerm.get(fixed);
      if (fixedTerm !== undefined && !out.has(fixedTerm)) out.set(fixedTerm, 0.8);
    }
  }
  return out;
}

function findCodes(signals: Signals, index: MatchIndex): CodeHit[] {
  const hits: CodeHit[] = [];
  let fuzzyLookups = 0;
  for (const { token, inErrorField } of signals.codeTokens) {
    const exact = index.codes.get(token.toLowerCase());
    const loose = exact === undefined ? index.looseCodes.get(looseKey(token)) : undefined;
    const refs = exact ?? loose;
    if (refs !== undefined) {
      const factor = exact === undefined ? 0.85 : 1;
      for (const r of refs)
        hits.push({
          entry: r.entry,
          code: r.code,
          strength: r.strength * factor,
          inErrorField,
          vendorUnique: r.vendorUnique,
        });
      continue;
    }
    if (fuzzyLookups < MAX_FUZZY_CODES && looksLikeCode(token)) {
      fuzzyLookups++;
      hits.push(...fuzzyCode(token, inErrorField, index));
    }
  }
  return hits;
}

/** CamelCase with two or more humps, or snake_case: the shapes codes are written in. */
function looksLikeCode(token: string): boolean {
  return (
    token.length >= 8 &&
    (/^[A-Z][a-z]+[A-Z][a-zA-Z]+$/.test(token) || /^[a-z]+_[a-z_]+$/i.test(token))
  );
}

/** A misspelt code (`TokenExpierd`, `invalid_clinet`) found with fuse.js over the catalogue's codes. */
function fuzzyCode(token: string, inErrorField: boolean, index: MatchIndex): CodeHit[] {
  const best = index.codeFuse.search(token, { limit: 1 })[0];
  if (best === undefined || (best.score ?? 1) > 0.2) return [];
  if (Math.abs(best.item.length - token.length) > 2) return [];
  const refs = index.codes.get(best.item.toLowerCase()) ?? [];
  return refs.map((r) => ({
    entry: r.entry,
    code: r.code,
    strength: r.strength * 0.7,
    inErrorField,
    vendorUnique: r.vendorUnique,
  }));
}

function detectVendors(
  text: string,
  signals: Signals,
  queryTerms: ReadonlyMap<string, number>,
  index: MatchIndex,
): Map<string, VendorEvidence> {
  const out = new Map<string, VendorEvidence>();
  for (const rule of index.vendors) {
    const why: string[] = [];
    let strength = 0;
    const host = signals.hosts.find((h) => rule.hosts.some((s) => h === s || h.endsWith(`.${s}`)));
    if (host !== undefined) {
      strength += 1;
      why.push(`host ${host}`);
    }
    const path = rule.paths.find((p) => p.test(text));
    if (path !== undefined) {
      strength += 0.7;
      why.push(`path ${path.source.replace(/\\/g, '')}`);
    }
    const word = rule.words.find((w) => w.every((t) => queryTerms.has(t)));
    if (word !== undefined) {
      strength += 0.6;
      why.push(`mentions ${word.join(' ')}`);
    }
    if (strength > 0) out.set(rule.system, { strength: Math.min(1, strength), why });
  }
  return out;
}

export { terms };
