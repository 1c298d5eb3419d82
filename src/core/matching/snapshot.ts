import { Catalogue, type Entry, type SystemInfo } from '../catalogue/catalogue.js';
import { compileIndex, type IndexData } from './index-compile.js';

/**
 * Bump when the snapshot's shape or the meaning of `IndexData` changes, so a snapshot written by
 * another version of the code is rebuilt from the YAML instead of being misread.
 */
export const SNAPSHOT_FORMAT = 4;

/**
 * A validated catalogue and its compiled match index as plain data, keyed by a hash of the
 * knowledge files it was built from. Written at build time; read at start-up instead of parsing,
 * validating and indexing the YAML again.
 */
export interface KnowledgeSnapshot {
  readonly format: number;
  /** Hash of the knowledge files (names and bytes) the snapshot was built from. */
  readonly hash: string;
  readonly entries: readonly Entry[];
  readonly systems: readonly SystemInfo[];
  readonly index: IndexData;
}

export function makeSnapshot(catalogue: Catalogue, hash: string): KnowledgeSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    hash,
    entries: catalogue.entries,
    systems: catalogue.systems,
    index: compileIndex(catalogue),
  };
}

export type SnapshotReading =
  | { readonly ok: true; readonly catalogue: Catalogue; readonly index: IndexData }
  | { readonly ok: false; readonly why: 'format' | 'stale' | 'malformed' };

/** The catalogue and index of a snapshot, only when it was built from exactly these files. */
export function readSnapshot(value: unknown, hash: string): SnapshotReading {
  if (typeof value !== 'object' || value === null) return { ok: false, why: 'malformed' };
  const s = value as Partial<KnowledgeSnapshot>;
  if (s.format !== SNAPSHOT_FORMAT) return { ok: false, why: 'format' };
  if (s.hash !== hash) return { ok: false, why: 'stale' };
  if (!Array.isArray(s.entries) || !Array.isArray(s.systems) || s.index === undefined)
    return { ok: false, why: 'malformed' };
  const entries = (s.entries as readonly Entry[]).map((e) => Object.freeze(e));
  return { ok: true, catalogue: new Catalogue(entries, s.systems), index: s.index };
}
