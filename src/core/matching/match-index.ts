import type { Catalogue, Entry, SystemInfo } from '../catalogue/catalogue.js';
import { CodeSearch } from './code-search.js';
import type { EntryRequest } from './entry-requests.js';
import { rememberMessageWords } from './near-quote.js';
import { rememberQuotes } from './quotes.js';
import {
  compileIndex,
  phraseKind,
  type CodeRef,
  type CodeWords,
  type IndexData,
  type PhraseKind,
} from './index-compile.js';
import { compileRefinements, type Refinements } from './refine.js';
import { TypoIndex } from './typo-index.js';
import { vendorRules, type VendorRule } from './vendors.js';

/** A short text an entry is known by, as a set of weighted terms. */
export interface Phrase {
  readonly entry: number;
  readonly kind: PhraseKind;
  /** Where its text is in the entry (see `phraseText`). */
  readonly at: number;
  /** Its distinct terms are `phraseIds[from .. to]` (ids into `termIdf`; the hot path reads arrays). */
  readonly from: number;
  readonly to: number;
  /** Sum of the idf of its terms: how much a full hit says. */
  readonly mass: number;
  /** A message no entry of another system could also be quoting (all its terms are its own). */
  readonly distinctive: boolean;
  /**
   * A message as flat text (see `flatText`) when no entry of another system prints the same: found
   * whole in a paste, it names its vendor as surely as a host would.
   */
  readonly quote: string | undefined;
  /** A code phrase whose code is snake_case (`invalid_grant`), not CamelCase. */
  readonly snake: boolean;
}

/** A phrase kind as stored in `MatchIndex.phraseKinds`. */
export const KIND: Readonly<Record<PhraseKind, number>> = {
  title: 0,
  message: 1,
  phrase: 2,
  code: 3,
};

/** One item of an entry's `wordsInCodes`, as terms. */
export interface WordsInCode {
  readonly entry: number;
  readonly terms: readonly string[];
}

/** Everything the matcher precomputes from a catalogue; built once, read by every diagnosis. */
export interface MatchIndex {
  readonly entries: readonly Entry[];
  /** Entry id → position in `entries`. */
  readonly entryIndex: ReadonlyMap<string, number>;
  readonly phrases: readonly Phrase[];
  /** The term ids of every phrase, end to end. */
  readonly phraseIds: Int32Array;
  /**
   * Per phrase, its `from`, `to` and `mass` again, as typed arrays: scoring reads them for every
   * phrase of every candidate, most of which share no word with the text.
   */
  readonly phraseFrom: Int32Array;
  readonly phraseTo: Int32Array;
  readonly phraseMass: Float64Array;
  /** Per phrase, its kind as a number (`KIND`). */
  readonly phraseKinds: Uint8Array;
  /** Per entry, the indexes of its phrases. */
  readonly entryPhrases: readonly (readonly number[])[];
  /** Per entry, every term of its phrases, reason and steps. */
  readonly entryTermIds: readonly Int32Array[];
  /** Term → dense id; `termIdf[id]` is its idf, `termEntries[id]` the entries that use it. */
  readonly termIds: ReadonlyMap<string, number>;
  /** Term by dense id: `terms[termIds.get(t)] === t`. */
  readonly terms: readonly string[];
  readonly termIdf: Float64Array;
  /** The idf of a term only one entry uses (fitted catalogue size): phrase values are measured against it. */
  readonly idfScale: number;
  /**
   * Per term id, its idf times its share of `idfScale`: how informative it is. A word most entries
   * share ("client", "token", "request") weighs far less than its idf, a word few use about as much.
   */
  readonly termInformation: Float64Array;
  /** Per phrase, the sum of its terms' `termInformation`. */
  readonly phraseInformation: Float64Array;
  /** Per term id, the entries that use it (phrases, reason, steps), for candidate generation. */
  readonly termEntries: readonly (readonly number[])[];
  readonly codes: ReadonlyMap<string, readonly CodeRef[]>;
  readonly looseCodes: ReadonlyMap<string, readonly CodeRef[]>;
  readonly codeWords: ReadonlyMap<string, readonly CodeWords[]>;
  /** Words that name an entry inside a code no entry lists (see the schema's `wordsInCodes`). */
  readonly wordsInCodes: readonly WordsInCode[];
  /** Per entry, its own `wordsInCodes` items as terms, in order (empty for most entries). */
  readonly entryWordsInCodes: readonly (readonly (readonly string[])[])[];
  /** Vendor CamelCase codes (lower case) whose words a vendor-neutral entry says (plain-codes.ts). */
  readonly plainCodes: ReadonlySet<string>;
  /** Per entry, the request a vendor-neutral entry is the failure of (entry-requests.ts). */
  readonly requests: readonly (EntryRequest | undefined)[];
  /** Per entry of a vendor, its vendor-neutral parents (neutral-parents.ts). */
  readonly neutralParents: readonly (readonly number[])[];
  /** Misspelt codes, searched with fuse.js among codes of similar length. */
  readonly codeSearch: CodeSearch;
  readonly typos: TypoIndex;
  readonly rawToTerm: ReadonlyMap<string, string>;
  readonly vendors: readonly VendorRule[];
  readonly vendorSystems: ReadonlySet<string>;
  /**
   * Per system, status → how many of its entries list that status (looked up by system then
   * status: no `system:status` key string is built per candidate of each diagnosis).
   */
  readonly statusCount: ReadonlyMap<string, ReadonlyMap<number, number>>;
  readonly refinements: Refinements;
}

export function buildIndex(catalogue: Catalogue): MatchIndex {
  return hydrateIndex(catalogue.entries, catalogue.systems, compileIndex(catalogue));
}

/** Turns precomputed index data into the lookup structures: maps and typed arrays, no text work. */
export function hydrateIndex(
  entries: readonly Entry[],
  systems: readonly SystemInfo[],
  data: IndexData,
): MatchIndex {
  const phraseIds = Int32Array.from(data.phrases.ids);
  const termIdf = Float64Array.from(data.idf);
  const termInformation = Float64Array.from(termIdf, (idf) => (idf * idf) / data.idfScale);
  const columns = hydratePhrases(data, entries, phraseIds, termInformation);
  const { phrases } = columns;
  // The messages' quotes and words, worked out at build time, for quotes.ts and near-quote.ts.
  entries.forEach((entry, i) => {
    rememberQuotes(entry, data.messageQuotes[i] ?? []);
    rememberMessageWords(entry, data.messageWords[i] ?? []);
  });
  const entryPhrases: number[][] = entries.map(() => []);
  for (let pi = 0; pi < phrases.length; pi++) entryPhrases[phrases[pi]?.entry ?? -1]?.push(pi);
  const vendors = vendorRules(systems, new Map(data.vendorWords));
  const rawToTerm = new Map(data.vocabulary);
  return {
    entries,
    entryIndex: positions(entries.map((e) => e.id)),
    phrases,
    phraseIds,
    phraseFrom: columns.from,
    phraseTo: columns.to,
    phraseMass: columns.mass,
    phraseKinds: columns.kinds,
    entryPhrases,
    entryTermIds: data.entryTermIds.map((ids) => Int32Array.from(ids)),
    termIds: positions(data.terms),
    terms: data.terms,
    termIdf,
    idfScale: data.idfScale,
    termInformation,
    phraseInformation: columns.information,
    termEntries: data.termEntries,
    codes: new Map(data.codes),
    looseCodes: new Map(data.looseCodes),
    codeWords: new Map(data.codeWords),
    wordsInCodes: data.wordsInCodes.map(([entry, terms]) => ({ entry, terms })),
    entryWordsInCodes: byEntry(entries.length, data.wordsInCodes),
    plainCodes: new Set(data.plainCodes),
    requests: data.requests.map((r) => r ?? undefined),
    neutralParents: data.neutralParents,
    codeSearch: new CodeSearch(data.fuzzyCodes),
    typos: new TypoIndex(rawToTerm, data.typoBuckets),
    rawToTerm,
    vendors,
    vendorSystems: new Set(vendors.map((v) => v.system)),
    statusCount: countStatuses(entries),
    refinements: compileRefinements(entries, systems),
  };
}

/** Each key → its position, built without a pair array per key (start-up reads thousands). */
function positions(keys: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) map.set(keys[i] ?? '', i);
  return map;
}

function countStatuses(entries: readonly Entry[]): Map<string, Map<number, number>> {
  const counts = new Map<string, Map<number, number>>();
  for (const e of entries) {
    let ofSystem = counts.get(e.system);
    if (ofSystem === undefined) {
      ofSystem = new Map();
      counts.set(e.system, ofSystem);
    }
    for (const s of e.status) ofSystem.set(s, (ofSystem.get(s) ?? 0) + 1);
  }
  return counts;
}

/** Each entry's `wordsInCodes` items, from the compiled [entry, terms] pairs. */
function byEntry(
  count: number,
  items: readonly (readonly [number, readonly string[]])[],
): (readonly string[])[][] {
  const out = Array.from({ length: count }, (): (readonly string[])[] => []);
  for (const [entry, terms] of items) out[entry]?.push(terms);
  return out;
}

/** The phrases and their typed-array columns (see `MatchIndex`), in one pass over the stored columns. */
interface PhraseColumns {
  readonly phrases: Phrase[];
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly mass: Float64Array;
  readonly kinds: Uint8Array;
  readonly information: Float64Array;
}

function hydratePhrases(
  data: IndexData,
  entries: readonly Entry[],
  ids: Int32Array,
  termInformation: Float64Array,
): PhraseColumns {
  const columns = data.phrases;
  const n = columns.entry.length;
  // One plain loop into preallocated columns: start-up runs it before anything is optimised.
  const out: PhraseColumns = {
    phrases: [],
    from: new Int32Array(n),
    to: new Int32Array(n),
    mass: new Float64Array(n),
    kinds: new Uint8Array(n),
    information: new Float64Array(n),
  };
  let from = 0;
  for (let i = 0; i < n; i++) {
    const entry = columns.entry[i] ?? 0;
    const to = columns.idsEnd[i] ?? from;
    const at = columns.at[i] ?? 0;
    const kind = phraseKind(columns.kinds.charAt(i));
    const mass = columns.mass[i] ?? 0;
    out.phrases.push({
      entry,
      kind,
      at,
      from,
      to,
      mass,
      distinctive: columns.distinctive.charAt(i) === '1',
      // Set on every phrase, undefined or not: phrases of one shape keep scoring's loads over
      // them monomorphic (a quote spread onto some gave each of those a map of its own).
      quote: columns.quoted.charAt(i) === '1' ? data.messageQuotes[entry]?.[at] : undefined,
      snake: kind === 'code' && entries[entry]?.codes[at]?.includes('_') === true,
    });
    out.from[i] = from;
    out.to[i] = to;
    out.mass[i] = mass;
    out.kinds[i] = KIND[kind];
    let information = 0;
    for (let k = from; k < to; k++) information += termInformation[ids[k] ?? -1] ?? 0;
    out.information[i] = information;
    from = to;
  }
  return out;
}
