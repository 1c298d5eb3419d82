import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import type { KnowledgeSource } from '../core/catalogue/load.js';
import { createDiagnoser } from '../core/matching/diagnose.js';
import { makeSnapshot, readSnapshot } from '../core/matching/snapshot.js';
import type { Diagnoser } from '../core/matching/types.js';

/** The `knowledge/` folder shipped with the package (two levels up from dist/adapters or src/adapters). */
export const DEFAULT_KNOWLEDGE_DIR = resolve(
  fileURLToPath(new URL('../../knowledge', import.meta.url)),
);

/** Written by `npm run build` beside the compiled code (dist/knowledge.snapshot.json). */
export const SNAPSHOT_PATH = fileURLToPath(new URL('../knowledge.snapshot.json', import.meta.url));

export interface Knowledge {
  readonly catalogue: Catalogue;
  readonly diagnoser: Diagnoser;
  /** Where it came from: the compiled snapshot, or the YAML parsed, validated and indexed now. */
  readonly from: 'snapshot' | 'yaml';
}

export interface KnowledgeOptions {
  readonly snapshotPath?: string;
  /** Told when the shipped knowledge changed since the snapshot was built (it is not used then). */
  readonly onStale?: (message: string) => void;
}

/** A knowledge file as read from disk, not yet decoded. */
export interface KnowledgeFile {
  readonly file: string;
  readonly bytes: Buffer;
}

/** The knowledge files of a directory: `*.yml` / `*.yaml`, sorted by name. */
export function readKnowledgeFiles(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeFile[] {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((name) => ({ file: name, bytes: readFileSync(join(dir, name)) }));
}

function decode(files: readonly KnowledgeFile[]): KnowledgeSource[] {
  return files.map((f) => ({ file: f.file, text: f.bytes.toString('utf8') }));
}

export function readKnowledgeSync(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeSource[] {
  return decode(readKnowledgeFiles(dir));
}

/**
 * What a snapshot is keyed by: a CRC-32 of the files' names and bytes, and their total size. It
 * guards against using a snapshot of other files, not against forgery (the snapshot is our own
 * build output); zlib's CRC-32 over the raw bytes costs a fraction of loading node:crypto.
 */
export function knowledgeHash(files: readonly KnowledgeFile[]): string {
  let crc = 0;
  let size = 0;
  for (const f of files) {
    crc = crc32(`${f.file}\0`, crc);
    crc = crc32(f.bytes, crc);
    size += f.bytes.length;
  }
  return `crc32:${crc.toString(16).padStart(8, '0')}:${String(files.length)}:${String(size)}`;
}

/**
 * The catalogue and its diagnoser. From the snapshot when it was built from exactly the files in
 * `dir` (any directory: the key is the content hash), else from the YAML: parsed, validated and
 * indexed now. A stale snapshot is never used; for the shipped directory `onStale` is told.
 */
export async function loadKnowledge(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  { snapshotPath = SNAPSHOT_PATH, onStale }: KnowledgeOptions = {},
): Promise<Knowledge> {
  const files = readKnowledgeFiles(dir);
  const hash = knowledgeHash(files);
  const snapshot = readSnapshotFile(snapshotPath);
  if (snapshot !== undefined) {
    const reading = readSnapshot(snapshot, hash);
    if (reading.ok) {
      return {
        catalogue: reading.catalogue,
        diagnoser: createDiagnoser(reading.catalogue, reading.index),
        from: 'snapshot',
      };
    }
    if (reading.why === 'stale' && resolve(dir) === DEFAULT_KNOWLEDGE_DIR) {
      onStale?.(
        'knowledge/ changed since the last build: reading the YAML (`npm run build` compiles it again)',
      );
    }
  }
  // The YAML parser and the schema are loaded only on this path.
  const { buildCatalogue } = await import('../core/catalogue/load.js');
  const catalogue = buildCatalogue(decode(files));
  return { catalogue, diagnoser: createDiagnoser(catalogue), from: 'yaml' };
}

/** Validates the knowledge in `dir` (throws CATALOGUE_INVALID) and writes its snapshot. */
export async function writeSnapshot(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  snapshotPath: string = SNAPSHOT_PATH,
): Promise<{ entries: number; bytes: number }> {
  const files = readKnowledgeFiles(dir);
  const { buildCatalogue } = await import('../core/catalogue/load.js');
  const catalogue = buildCatalogue(decode(files));
  // ASCII only (JSON escapes for the rest): read back as a one-byte string, half the memory.
  const text = JSON.stringify(makeSnapshot(catalogue, knowledgeHash(files))).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  writeFileSync(snapshotPath, text);
  return { entries: catalogue.size, bytes: Buffer.byteLength(text) };
}

function readSnapshotFile(path: string): unknown {
  try {
    // Written ASCII only (writeSnapshot): read as Latin-1, a plain copy, not a UTF-8 decoding.
    return JSON.parse(readFileSync(path, 'latin1'));
  } catch {
    // Absent (run from src/, or never built) or unreadable: the YAML path answers instead.
    return undefined;
  }
}
