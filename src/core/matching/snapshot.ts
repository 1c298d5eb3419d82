import { Catalogue, type Entry, type SystemInfo } from '../catalogue/catalogue.js';
import type { SourceDoc } from '../catalogue/schema.js';
import { compileIndex, type IndexData } from './index-compile.js';

/**
 * Bump when the snapshot's shape or the meaning of `IndexData` changes, so a snapshot written by
 * another version of the code is rebuilt from the YAML instead of being misread.
 */
export const SNAPSHOT_FORMAT = 11;

/**
 * A validated catalogue and its compiled match index as plain data, keyed by a hash of the
 * knowledge files it was built from. Written at build time; read at start-up instead of parsing,
 * validating and indexing the YAML again.
 */
export interface KnowledgeSnapshot {
  readonly format: number;
  /** Hash of the knowledge files (names and bytes) the snapshot was built from. */
  readonly hash: string;
  /** Every source document once; entries name theirs by position (most are cited many times). */
  readonly sources: readonly SourceDoc[];
  readonly entries: readonly SnapshotEntry[];
  readonly systems: readonly SystemInfo[];
  readonly index: IndexData;
}

/** An entry as stored: its sources as positions in `KnowledgeSnapshot.sources`. */
type SnapshotEntry = Omit<Entry, 'sources'> & { readonly sources: readonly number[] };

export function makeSnapshot(catalogue: Catalogue, hash: string): KnowledgeSnapshot {
  const sources: SourceDoc[] = [];
  const at = new Map<string, number>();
  const entries = catalogue.entries.map((e) => ({
    ...e,
    sources: e.sources.map((doc) => {
      const key = `${e.system}\0${doc.id}`;
      let i = at.get(key);
      if (i === undefined) {
        i = sources.push(doc) - 1;
        at.set(key, i);
      }
      return i;
    }),
  }));
  return {
    format: SNAPSHOT_FORMAT,
    hash,
    sources,
    entries,
    systems: catalogue.systems,
    index: compileIndex(catalogue),
  };
}

export type SnapshotReading =
  | { readonly ok: true; readonly catalogue: Catalogue; readonly index: IndexData }
  | { readonly ok: false; readonly why: 'format' | 'stale' | 'malformed' };

/**
 * The catalogue and index of a snapshot, only when it was built from exactly these files. `value`
 * is freshly parsed JSON: its entries become the catalogue's (resolved and frozen in place).
 */
export function readSnapshot(value: unknown, hash: string): SnapshotReading {
  if (typeof value !== 'object' || value === null) return { ok: false, why: 'malformed' };
  const s = value as Partial<KnowledgeSnapshot>;
  if (s.format !== SNAPSHOT_FORMAT) return { ok: false, why: 'format' };
  if (s.hash !== hash) return { ok: false, why: 'stale' };
  const { entries, systems, sources, index } = s;
  if (
    !Array.isArray(entries) ||
    !Array.isArray(systems) ||
    !Array.isArray(sources) ||
    index === undefined
  )
    return { ok: false, why: 'malformed' };
  const docs = (sources as readonly SourceDoc[]).map((d) => Object.freeze(d));
  // The parsed entries themselves, their sources resolved in place: no copy of each at start-up.
  const resolved = (entries as SnapshotEntry[]).map((e): Entry => {
    const cited: SourceDoc[] = [];
    for (const i of e.sources) {
      const doc = docs[i];
      if (doc !== undefined) cited.push(doc);
    }
    (e as { sources: unknown }).sources = Object.freeze(cited);
    return Object.freeze(e as unknown as Entry);
  });
  return { ok: true, catalogue: new Catalogue(resolved, systems as readonly SystemInfo[]), index };
}
