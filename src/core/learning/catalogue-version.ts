import type { Catalogue, Entry, SystemInfo } from '../catalogue/catalogue.js';
import { shortHash } from './hash.js';

/**
 * A short, stable version of a loaded catalogue: a hash of everything the matcher and the answers
 * read (entries in order, their sources, refinements and contexts, systems, detect rules and
 * contexts), not of the files' bytes, so a
 * comment or a reformatted YAML file keeps the version, and a catalogue compiled into a snapshot
 * has the same version as the YAML it came from. Shown in answers' context line and stored with
 * each diagnosis.
 */
export function catalogueVersion(catalogue: Catalogue): string {
  return shortHash(
    JSON.stringify([catalogue.entries.map(entryFields), catalogue.systems.map(systemFields)]),
  );
}

// Arrays in a fixed order: the hash must not depend on how an object's keys happen to be ordered.
function entryFields(e: Entry): unknown[] {
  return [
    e.id,
    e.system,
    e.systemTitle,
    e.title,
    e.codes,
    e.surfacesAs,
    e.wordsInCodes,
    e.generic,
    e.failure,
    e.status,
    e.messages,
    e.phrases,
    e.reason,
    e.steps,
    e.sources.map((s) => [s.id, s.title, s.url]),
    e.related,
    e.question ?? null,
    e.refines,
    e.context ?? null,
  ];
}

function systemFields(s: SystemInfo): unknown[] {
  const d = s.detect;
  return [
    s.system,
    s.title,
    s.entryIds,
    d === undefined ? null : [d.hosts, d.paths, d.words, d.shapes, d.codes],
    s.contexts.map((c) => [c.id, c.title, c.words, c.patterns, c.rivals, c.covers]),
  ];
}
