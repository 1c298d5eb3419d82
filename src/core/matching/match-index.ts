import Fuse from 'fuse.js';
import type { Catalogue, Entry } from '../catalogue/catalogue.js';
import { rawTokens, splitIdentifier, terms, toTerm, wordsOf } from './tokens.js';
import { TypoIndex } from './typo-index.js';

type PhraseKind = 'message' | 'phrase' | 'title' | 'code';

/** A short text an entry is known by, as a set of weighted terms. */
export interface Phrase {
  readonly entry: number;
  readonly kind: PhraseKind;
  readonly text: string;
  readonly terms: readonly string[];
  /** The same terms as ids into `termIdf` (the hot path reads arrays, not maps). */
  readonly ids: Int32Array;
  /** Sum of the idf of its terms: how much a full hit says. */
  readonly mass: number;
  /** A message no entry of another system could also be quoting (all its terms are its own). */
  readonly distinctive: boolean;
}

interface CodeRef {
  readonly entry: number;
  /** 1 for a code that identifies the entry, lower for a code it merely surfaces as. */
  readonly strength: number;
  readonly code: string;
  /** Every entry carrying this code belongs to one system: the code itself names the vendor. */
  readonly vendorUnique: boolean;
}

/** A multi-word code as its terms, keyed in the index by the first one. */
interface CodeWords {
  readonly entry: number;
  readonly code: string;
  readonly terms: readonly string[];
  readonly strength: number;
}

interface VendorRule {
  readonly system: string;
  readonly hosts: readonly string[];
  readonly paths: readonly RegExp[];
  /** Each word or multi-word name as its terms. */
  readonly words: readonly { readonly name: string; readonly terms: readonly string[] }[];
}

/** Everything the matcher precomputes from a catalogue; built once, read by every diagnosis. */
export interface MatchIndex {
  readonly entries: readonly Entry[];
  /** Entry id → position in `entries`. */
  readonly entryIndex: ReadonlyMap<string, number>;
  readonly phrases: readonly Phrase[];
  /** Per entry, the indexes of its phrases. */
  readonly entryPhrases: readonly (readonly number[])[];
  /** Per entry, every term of its phrases, reason and steps. */
  readonly entryTermIds: readonly Int32Array[];
  /** Term → entries that use it (phrases, reason, steps), for candidate generation. */
  readonly entryTerms: ReadonlyMap<string, readonly number[]>;
  readonly idf: ReadonlyMap<string, number>;
  /** Term → dense id; `termIdf[id]` is its idf. */
  readonly termIds: ReadonlyMap<string, number>;
  readonly termIdf: Float64Array;
  readonly codes: ReadonlyMap<string, readonly CodeRef[]>;
  readonly looseCodes: ReadonlyMap<string, readonly CodeRef[]>;
  readonly codeWords: ReadonlyMap<string, readonly CodeWords[]>;
  /** Codes bucketed by first letter and length, each bucket searched with fuse.js for misspellings. */
  readonly codeFuse: ReadonlyMap<string, Fuse<string>>;
  readonly typos: TypoIndex;
  readonly rawToTerm: ReadonlyMap<string, string>;
  readonly vendors: readonly VendorRule[];
  readonly vendorSystems: ReadonlySet<string>;
  /** `system:status` → how many entries of that system list that status. */
  readonly statusCount: ReadonlyMap<string, number>;
}

const VENDOR_TERM_DAMPING = 0.25;

export function looseKey(code: string): string {
  return code.toLowerCase().replace(/[_\-\s.]/g, '');
}

export function buildIndex(catalogue: Catalogue): MatchIndex {
  const entries = catalogue.entries;
  const phraseDrafts = entries.flatMap((entry, i) => phrasesOf(entry, i));
  const docTerms = entries.map(() => new Set<string>());
  for (const p of phraseDrafts) for (const t of p.terms) docTerms[p.entry]?.add(t);
  const vendors = vendorRules(catalogue);
  const idf = computeIdf(docTerms, entries.length);
  dampVendorTerms(idf, vendors);
  const entryTermList = entries.map((e, ei) => {
    const all = new Set(docTerms[ei]);
    for (const t of terms(`${e.reason} ${e.steps.join(' ')}`)) all.add(t);
    return [...all];
  });
  const entryTerms = new Map<string, number[]>();
  entryTermList.forEach((list, ei) => {
    for (const t of list) pushTo(entryTerms, t, ei);
  });
  for (const [t, list] of entryTerms)
    if (!idf.has(t)) idf.set(t, idfOf(list.length, entries.length));
  const termIds = new Map([...idf.keys()].map((t, i) => [t, i]));
  const termIdf = Float64Array.from(idf.values());
  const toIds = (list: Iterable<string>): Int32Array =>
    Int32Array.from([...list].map((t) => termIds.get(t) ?? -1).filter((i) => i >= 0));
  const phrases: Phrase[] = phraseDrafts.map((p) => ({
    ...p,
    ids: toIds(p.terms),
    mass: p.terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0),
    distinctive:
      p.kind !== 'phrase' && p.kind !== 'title' && isDistinctive(p, entries, docTerms, entryTerms),
  }));
  const entryPhrases: number[][] = entries.map(() => []);
  phrases.forEach((p, pi) => entryPhrases[p.entry]?.push(pi));
  const entryTermIds = entryTermList.map(toIds);
  const { codes, looseCodes, codeList } = indexCodes(entries);
  const rawToTerm = vocabulary(entries);
  return {
    entries,
    entryIndex: new Map(entries.map((e, i) => [e.id, i])),
    phrases,
    entryPhrases,
    entryTermIds,
    entryTerms,
    idf,
    termIds,
    termIdf,
    codes,
    looseCodes,
    codeWords: indexCodeWords(entries),
    codeFuse: codeSearchers(codeList),
    typos: new TypoIndex(rawToTerm.keys()),
    rawToTerm,
    vendors,
    vendorSystems: new Set(vendors.map((v) => v.system)),
    statusCount: countStatuses(entries),
  };
}

/**
 * True when no entry of another system has every term of this phrase among its phrase terms
 * (candidates come from the rarest term's entries).
 */
function isDistinctive(
  p: Omit<Phrase, 'mass' | 'distinctive' | 'ids'>,
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

function countStatuses(entries: readonly Entry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) {
    for (const s of e.status)
      counts.set(`${e.system}:${s}`, (counts.get(`${e.system}:${s}`) ?? 0) + 1);
  }
  return counts;
}

/** Vendor names are counted as vendor evidence; in phrases they should not also count as a match. */
function dampVendorTerms(idf: Map<string, number>, vendors: readonly VendorRule[]): void {
  for (const rule of vendors) {
    for (const words of rule.words) {
      for (const t of words.terms) {
        const v = idf.get(t);
        if (v !== undefined) idf.set(t, v * VENDOR_TERM_DAMPING);
      }
    }
  }
}

/** Codes bucketed by first letter and length, so a misspelling is searched among few. */
export function codeBucket(first: string, length: number): string {
  return `${first.toLowerCase()}${String(length)}`;
}

function codeSearchers(codes: readonly string[]): Map<string, Fuse<string>> {
  const buckets = new Map<string, string[]>();
  for (const code of codes) {
    const key = codeBucket(code.charAt(0), code.length);
    const list = buckets.get(key);
    if (list === undefined) buckets.set(key, [code]);
    else list.push(code);
  }
  const options = {
    threshold: 0.2,
    ignoreLocation: true,
    minMatchCharLength: 6,
    includeScore: true,
  };
  return new Map([...buckets].map(([k, list]) => [k, new Fuse(list, options)]));
}

function phrasesOf(entry: Entry, i: number): Omit<Phrase, 'mass' | 'distinctive' | 'ids'>[] {
  const drafts: Omit<Phrase, 'mass' | 'distinctive' | 'ids'>[] = [];
  const add = (kind: PhraseKind, text: string): void => {
    const t = [...new Set(terms(text))];
    if (t.length > 0) drafts.push({ entry: i, kind, text, terms: t });
  };
  add('title', entry.title);
  for (const m of entry.messages) add('message', m);
  for (const p of entry.phrases) add('phrase', p);
  // A code written as words ("token validity too broad") is a phrase of its own.
  for (const c of entry.codes)
    if (splitIdentifier(c).length > 1) add('code', splitIdentifier(c).join(' '));
  return drafts;
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

function indexCodes(entries: readonly Entry[]): {
  codes: Map<string, CodeRef[]>;
  looseCodes: Map<string, CodeRef[]>;
  codeList: string[];
} {
  const codes = new Map<string, CodeRef[]>();
  const looseCodes = new Map<string, CodeRef[]>();
  const codeList = new Set<string>();
  const systemsByCode = new Map<string, Set<string>>();
  for (const e of entries) {
    for (const c of [...e.codes, ...e.surfacesAs]) {
      const set = systemsByCode.get(c.toLowerCase()) ?? new Set<string>();
      set.add(e.system);
      systemsByCode.set(c.toLowerCase(), set);
    }
  }
  entries.forEach((entry, i) => {
    const unique = (code: string): boolean =>
      (systemsByCode.get(code.toLowerCase())?.size ?? 0) === 1;
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
      if (ref.code.length >= 8) codeList.add(ref.code);
    }
  });
  return { codes, looseCodes, codeList: [...codeList] };
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

/** Raw lower-case words of the catalogue → their term, for typo correction before stemming. */
function vocabulary(entries: readonly Entry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of entries) {
    const text = [e.title, ...e.messages, ...e.phrases, ...e.codes].join(' ');
    for (const raw of rawTokens(text)) {
      for (const part of wordsOf(raw)) {
        const term = toTerm(part);
        if (term !== undefined) map.set(part.toLowerCase(), term);
      }
    }
  }
  return map;
}

function vendorRules(catalogue: Catalogue): VendorRule[] {
  return catalogue.systems.flatMap((s) =>
    s.detect === undefined
      ? []
      : [
          {
            system: s.system,
            hosts: s.detect.hosts,
            paths: s.detect.paths.map((p) => new RegExp(p, 'i')),
            words: s.detect.words
              .map((name) => ({ name, terms: terms(name) }))
              .filter((w) => w.terms.length > 0),
          },
        ],
  );
}
