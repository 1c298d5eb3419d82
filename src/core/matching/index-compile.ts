import type { Catalogue, Entry } from '../catalogue/catalogue.js';
import { looseKey } from './code-search.js';
import { entryRequests, type EntryRequest } from './entry-requests.js';
import { messageWordsOf } from './near-quote.js';
import { neutralParents } from './neutral-parents.js';
import { plainVendorCodes } from './plain-codes.js';
import { MIN_QUOTE, flatText, messageQuote } from './quotes.js';
import { compileRefinements } from './refine.js';
import { splitIdentifier, termTokens, terms, toTerm, wordsOf } from './tokens.js';
import { FITTED_TERMS, type FittedTerms } from './term-weights.js';
import { typoBuckets, type TypoBuckets } from './typo-index.js';
import { vendorRules, vendorWordTerms } from './vendors.js';

export type PhraseKind = 'message' | 'phrase' | 'title' | 'code';

export interface CodeRef {
  readonly entry: number;
  /** 1 for a code that identifies the entry, lower for a code it merely surfaces as. */
  readonly strength: number;
  readonly code: string;
  /** Every entry carrying this code belongs to one system: the code itself names the vendor. */
  readonly vendorUnique: boolean;
}

/** A multi-word code as its terms, keyed in the index by the first one. */
export interface CodeWords {
  readonly entry: number;
  readonly code: string;
  readonly terms: readonly string[];
  readonly strength: number;
}

const KIND_CODES: Readonly<Record<PhraseKind, string>> = {
  title: 't',
  message: 'm',
  phrase: 'p',
  code: 'c',
};

/**
 * The phrases in columns (a snapshot holds hundreds; keys repeated per phrase would double its
 * size). Phrase `i` belongs to entry `entry[i]`, has kind `kinds[i]` (t, m, p or c) and text at
 * `at[i]` among the entry's messages, phrases or codes (0 for the title); its term ids are
 * `ids[idsEnd[i-1] .. idsEnd[i]]`; `distinctive[i]` is 1 when no other system's entry could be
 * quoting it.
 */
interface PhraseColumns {
  readonly entry: readonly number[];
  readonly kinds: string;
  readonly at: readonly number[];
  readonly ids: readonly number[];
  readonly idsEnd: readonly number[];
  /** Per phrase, the sum of its terms' idf (summed here so start-up does not). */
  readonly mass: readonly number[];
  readonly distinctive: string;
  /**
   * 1 for a message only one system prints, whole or inside a longer message: its quote
   * (`messageQuotes`) found whole in a paste names its vendor.
   */
  readonly quoted: string;
}

/** No fitted weights: every term weighed by the live catalogue. */
function liveTerms(catalogue: Catalogue): FittedTerms {
  return { entries: catalogue.size, terms: '', idf: '' };
}

/** Weights fitted on `catalogue` as it is now (what `npm run fit:terms -- --write` stores). */
export function fitTerms(catalogue: Catalogue): FittedTerms {
  const live = compileIndex(catalogue, liveTerms(catalogue));
  return {
    entries: catalogue.size,
    terms: live.terms.join(' '),
    idf: live.idf.map((w) => String(w)).join(' '),
  };
}

/** Fitted weights as a map, parsed once per table (only a build or a stale snapshot needs them). */
const parsedFits = new WeakMap<FittedTerms, ReadonlyMap<string, number>>();

function fittedWeights(fit: FittedTerms): ReadonlyMap<string, number> {
  let map = parsedFits.get(fit);
  if (map === undefined) {
    const weights = fit.idf === '' ? [] : fit.idf.split(' ').map(Number);
    const terms = fit.terms === '' ? [] : fit.terms.split(' ');
    map = new Map(terms.map((t, i) => [t, weights[i] ?? 0]));
    parsedFits.set(fit, map);
  }
  return map;
}

export function phraseKind(code: string): PhraseKind {
  return code === 't' ? 'title' : code === 'm' ? 'message' : code === 'p' ? 'phrase' : 'code';
}

/**
 * The expensive part of the match index as plain data (JSON-safe): computed once, at build time
 * for the shipped catalogue, and turned into the lookup structures by `hydrateIndex`.
 */
export interface IndexData {
  /** Every term, by dense id. */
  readonly terms: readonly string[];
  /** `idf[id]` is the idf of `terms[id]` (fitted where `FittedTerms` has it). */
  readonly idf: readonly number[];
  /** The idf of a term only one entry uses, in the catalogue the weights were fitted on. */
  readonly idfScale: number;
  readonly phrases: PhraseColumns;
  /** Per entry, the ids of every term of its phrases, reason and steps. */
  readonly entryTermIds: readonly (readonly number[])[];
  /** Per term id, the entries that use it, in entry order. */
  readonly termEntries: readonly (readonly number[])[];
  readonly codes: readonly (readonly [string, readonly CodeRef[]])[];
  readonly looseCodes: readonly (readonly [string, readonly CodeRef[]])[];
  readonly codeWords: readonly (readonly [string, readonly CodeWords[]])[];
  /** Codes long enough to be searched for misspellings. */
  readonly fuzzyCodes: readonly string[];
  /** Raw lower-case words of the catalogue → their term, for typo correction before stemming. */
  readonly vocabulary: readonly (readonly [string, string])[];
  /** Each vendor word of the `detect` blocks → its terms. */
  readonly vendorWords: readonly (readonly [string, readonly string[]])[];
  /** Messages (as `messageQuote` text) that another system prints inside a longer message. */
  readonly printedElsewhere: readonly string[];
  /** Per entry, each message as `messageQuote` text (what a whole quote of it looks like). */
  readonly messageQuotes: readonly (readonly string[])[];
  /** Per entry, each message's words as `nearQuote` reads them, joined by one space. */
  readonly messageWords: readonly (readonly string[])[];
  /** The typo index's buckets over `vocabulary` (see `TypoIndex`). */
  readonly typoBuckets: TypoBuckets;
  /** Each entry's `wordsInCodes` as [entry, its terms], for codes the catalogue does not list. */
  readonly wordsInCodes: readonly (readonly [number, readonly string[]])[];
  /** Vendor CamelCase codes a vendor-neutral entry also says in words (see plain-codes.ts). */
  readonly plainCodes: readonly string[];
  /** Per entry, the request a vendor-neutral entry is the failure of, or null (entry-requests.ts). */
  readonly requests: readonly (EntryRequest | null)[];
  /** Per entry of a vendor, its vendor-neutral parents (neutral-parents.ts). */
  readonly neutralParents: readonly (readonly number[])[];
}

interface Draft {
  readonly entry: number;
  readonly kind: PhraseKind;
  readonly at: number;
  readonly terms: readonly string[];
}

const VENDOR_TERM_DAMPING = 0.25;

export function compileIndex(catalogue: Catalogue, fit: FittedTerms = FITTED_TERMS): IndexData {
  const entries = catalogue.entries;
  const size = fit.entries;
  const drafts = entries.flatMap((entry, i) => draftsOf(entry, i));
  // Each message as `messageQuote` text, once: the snapshot carries them, and the checks below read them.
  const quotes = entries.map((e) => e.messages.map(messageQuote));
  const elsewhere = printedElsewhere(entries, quotes);
  const docTerms = entries.map(() => new Set<string>());
  for (const p of drafts) for (const t of p.terms) docTerms[p.entry]?.add(t);
  const idf = computeIdf(docTerms, size);
  const rules = vendorRules(catalogue.systems);
  // Vendor names are counted as vendor evidence; in phrases they should not also count as a match.
  for (const rule of rules) {
    for (const words of rule.words) {
      for (const t of words.terms) {
        const v = idf.get(t);
        if (v !== undefined) idf.set(t, v * VENDOR_TERM_DAMPING);
      }
    }
  }
  const entryTermList = entries.map((e, ei) => {
    const all = new Set(docTerms[ei]);
    for (const t of terms(`${e.reason} ${e.steps.join(' ')}`)) all.add(t);
    return [...all];
  });
  const entryTerms = new Map<string, number[]>();
  entryTermList.forEach((list, ei) => {
    for (const t of list) pushTo(entryTerms, t, ei);
  });
  for (const [t, list] of entryTerms) if (!idf.has(t)) idf.set(t, idfOf(list.length, size));
  const fitted = fittedWeights(fit);
  for (const t of idf.keys()) {
    const w = fitted.get(t);
    if (w !== undefined) idf.set(t, w);
  }
  const termList = [...idf.keys()];
  const termIds = new Map(termList.map((t, i) => [t, i]));
  const toIds = (list: Iterable<string>): number[] =>
    [...list].map((t) => termIds.get(t) ?? -1).filter((i) => i >= 0);
  const phrases = {
    entry: drafts.map((p) => p.entry),
    kinds: drafts.map((p) => KIND_CODES[p.kind]).join(''),
    at: drafts.map((p) => p.at),
    ids: [] as number[],
    idsEnd: [] as number[],
    mass: [] as number[],
    quoted: quotedMessages(drafts, entries, quotes, new Set(elsewhere)),
    distinctive: drafts
      .map((p) =>
        p.kind !== 'phrase' && p.kind !== 'title' && isDistinctive(p, entries, docTerms, entryTerms)
          ? '1'
          : '0',
      )
      .join(''),
  };
  for (const p of drafts) {
    const ids = toIds(p.terms);
    phrases.ids.push(...ids);
    phrases.idsEnd.push(phrases.ids.length);
    phrases.mass.push(ids.reduce((sum, id) => sum + (idf.get(termList[id] ?? '') ?? 0), 0));
  }
  const { codes, looseCodes, fuzzyCodes } = indexCodes(entries);
  const words = vocabulary(entries);
  const vendorSystems = new Set(rules.map((r) => r.system));
  const { parents } = compileRefinements(entries, catalogue.systems);
  return {
    terms: termList,
    idf: [...idf.values()],
    idfScale: idfOf(1, size),
    phrases,
    entryTermIds: entryTermList.map(toIds),
    termEntries: termList.map((t) => entryTerms.get(t) ?? []),
    codes: [...codes],
    looseCodes: [...looseCodes],
    codeWords: [...indexCodeWords(entries)],
    fuzzyCodes,
    vocabulary: [...words],
    vendorWords: vendorWordTerms(catalogue.systems),
    printedElsewhere: elsewhere,
    messageQuotes: quotes,
    messageWords: entries.map((e) => e.messages.map((m) => messageWordsOf(m).join(' '))),
    typoBuckets: typoBuckets(words.keys()),
    wordsInCodes: entries.flatMap((e, i) =>
      e.wordsInCodes.map((words) => [i, [...new Set(terms(words))]] as const),
    ),
    plainCodes: plainVendorCodes(entries, drafts, vendorSystems),
    requests: entryRequests(entries, vendorSystems),
    neutralParents: neutralParents(entries, vendorSystems, codes, parents),
  };
}

/** A message built around a code (`Bearer error="insufficient_scope"`): the protocol's, not a vendor's. */
const CODE_LIKE = /\b[A-Za-z]+_[A-Za-z_]+\b|\b[A-Z][a-z]+[A-Z][a-z]+[A-Za-z]*\b|\b[A-Z]{2,}\d+\b/;

/**
 * Per phrase, 1 for a message only one system prints: long enough to decide when quoted whole, not
 * built around a code (the protocol's, even when only one file happens to list it), printed by no
 * other system, whole or inside a longer message (`printedElsewhere`).
 */
function quotedMessages(
  drafts: readonly Draft[],
  entries: readonly Entry[],
  quotes: readonly (readonly string[])[],
  elsewhere: ReadonlySet<string>,
): string {
  const systems = new Map<string, Set<string>>();
  const flat = drafts.map((p) => {
    const entry = entries[p.entry];
    const text = quotes[p.entry]?.[p.at];
    if (p.kind !== 'message' || entry === undefined || text === undefined) return undefined;
    const raw = entry.messages[p.at] ?? '';
    if (text.length < MIN_QUOTE || CODE_LIKE.test(raw)) return undefined;
    const set = systems.get(text) ?? new Set<string>();
    set.add(entry.system);
    systems.set(text, set);
    return text;
  });
  return flat
    .map((text) =>
      text !== undefined && systems.get(text)?.size === 1 && !elsewhere.has(text) ? '1' : '0',
    )
    .join('');
}

/**
 * Messages another system prints inside a longer message of its own ("invalid username or
 * password" in Entra's "Error validating credentials due to invalid username or password."): both
 * print them, so quoted whole they name neither. Worked out here, not at every start.
 */
function printedElsewhere(
  entries: readonly Entry[],
  quotes: readonly (readonly string[])[],
): string[] {
  const bySystem = new Map<string, string[]>();
  for (const e of entries) {
    const texts = bySystem.get(e.system) ?? [];
    texts.push(...e.messages.map(flatText));
    bySystem.set(e.system, texts);
  }
  const out = new Set<string>();
  for (const [i, e] of entries.entries()) {
    for (const quote of quotes[i] ?? []) {
      const elsewhere = [...bySystem].some(
        ([system, texts]) =>
          system !== e.system && texts.some((t) => t !== quote && t.includes(quote)),
      );
      if (quote.length >= MIN_QUOTE && elsewhere) out.add(quote);
    }
  }
  return [...out];
}

/**
 * True when no entry of another system has every term of this phrase among its phrase terms
 * (candidates come from the rarest term's entries).
 */
function isDistinctive(
  p: Draft,
  entries: readonly Entry[],
  docTerms: readonly ReadonlySet<string>[],
  byTerm: ReadonlyMap<string, readonly number[]>,
): boolean {
  const system = entries[p.entry]?.system;
  let rarest: readonly number[] = [];
  for (const t of p.terms) {
    const list = byTerm.get(t) ?? [];
    if (rarest.length === 0 || list.length < rarest.length) rarest = list;
  }
  return !rarest.some(
    (ei) => entries[ei]?.system !== system && p.terms.every((t) => docTerms[ei]?.has(t) === true),
  );
}

function draftsOf(entry: Entry, i: number): Draft[] {
  const drafts: Draft[] = [];
  const add = (kind: PhraseKind, at: number): void => {
    const t = [...new Set(terms(phraseText(entry, kind, at)))];
    if (t.length > 0) drafts.push({ entry: i, kind, at, terms: t });
  };
  add('title', 0);
  entry.messages.forEach((_, at) => {
    add('message', at);
  });
  entry.phrases.forEach((_, at) => {
    add('phrase', at);
  });
  // A code written as words ("token validity too broad") is a phrase of its own.
  entry.codes.forEach((c, at) => {
    if (splitIdentifier(c).length > 1) add('code', at);
  });
  return drafts;
}

/** The text of an entry's title, message, phrase or code-as-words. */
export function phraseText(entry: Entry, kind: PhraseKind, at: number): string {
  switch (kind) {
    case 'title':
      return entry.title;
    case 'message':
      return entry.messages[at] ?? '';
    case 'phrase':
      return entry.phrases[at] ?? '';
    case 'code':
      return splitIdentifier(entry.codes[at] ?? '').join(' ');
  }
}

function computeIdf(docs: readonly ReadonlySet<string>[], n: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of doc) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, count] of df) idf.set(t, idfOf(count, n));
  return idf;
}

function idfOf(df: number, n: number): number {
  return Math.log(1 + n / Math.max(1, df));
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/**
 * A code in the protocol's own style (lower-case snake_case, as RFC 6749 §5.2 writes them): any
 * provider may send it (Slack answers `invalid_client_id` too), so listed by one system's entry it
 * is evidence for that entry, but names the vendor only beside other evidence of it.
 */
const PROTOCOL_STYLE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

function indexCodes(entries: readonly Entry[]): {
  codes: Map<string, CodeRef[]>;
  looseCodes: Map<string, CodeRef[]>;
  fuzzyCodes: string[];
} {
  const codes = new Map<string, CodeRef[]>();
  const looseCodes = new Map<string, CodeRef[]>();
  const fuzzyCodes = new Set<string>();
  const systemsByCode = new Map<string, Set<string>>();
  // A code spelled like another system's code but for case and separators (NetSuite's
  // `InvalidScope`, which client libraries also print for OAuth's `invalid_scope`) names no vendor.
  for (const e of entries) {
    for (const c of [...e.codes, ...e.surfacesAs]) {
      const set = systemsByCode.get(looseKey(c)) ?? new Set<string>();
      set.add(e.system);
      systemsByCode.set(looseKey(c), set);
    }
  }
  entries.forEach((entry, i) => {
    const unique = (code: string): boolean =>
      (systemsByCode.get(looseKey(code))?.size ?? 0) === 1 && !PROTOCOL_STYLE.test(code);
    const refs = [
      ...entry.codes.map((code) => ({ entry: i, strength: 1, code, vendorUnique: unique(code) })),
      ...entry.surfacesAs.map((code) => ({
        entry: i,
        strength: 0.45,
        code,
        vendorUnique: unique(code),
      })),
    ];
    for (const ref of refs) {
      addRef(codes, ref.code.toLowerCase(), ref);
      addRef(looseCodes, looseKey(ref.code), ref);
      if (ref.code.length >= 8) fuzzyCodes.add(ref.code);
    }
  });
  return { codes, looseCodes, fuzzyCodes: [...fuzzyCodes] };
}

/** CamelCase vendor codes as words are telling; snake_case generic codes as words less so. */
function indexCodeWords(entries: readonly Entry[]): Map<string, CodeWords[]> {
  const map = new Map<string, CodeWords[]>();
  entries.forEach((entry, i) => {
    for (const code of entry.codes) {
      const parts = splitIdentifier(code);
      const codeTerms = parts.map((p) => toTerm(p)).filter((t): t is string => t !== undefined);
      const first = codeTerms[0];
      if (parts.length < 2 || codeTerms.length < 2 || first === undefined) continue;
      const strength = code.includes('_') ? 0.55 : 0.75;
      const list = map.get(first) ?? [];
      list.push({ entry: i, code, terms: codeTerms, strength });
      map.set(first, list);
    }
  });
  return map;
}

function addRef(map: Map<string, CodeRef[]>, key: string, ref: CodeRef): void {
  const list = map.get(key) ?? [];
  if (!list.some((r) => r.entry === ref.entry)) list.push(ref);
  map.set(key, list);
}

function vocabulary(entries: readonly Entry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of entries) {
    const text = [e.title, ...e.messages, ...e.phrases, ...e.codes].join(' ');
    for (const raw of termTokens(text)) {
      for (const part of wordsOf(raw)) {
        const term = toTerm(part);
        if (term !== undefined) map.set(part.toLowerCase(), term);
      }
    }
  }
  return map;
}
