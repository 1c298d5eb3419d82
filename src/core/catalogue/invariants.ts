import type { SystemFile } from './schema.js';

export interface Problem {
  readonly file: string;
  readonly entry?: string;
  readonly field?: string;
  readonly message: string;
}

interface FileData {
  readonly file: string;
  readonly data: SystemFile;
}

/** Checks that span entries and files: unique ids, id prefixes, resolvable references. */
export function checkInvariants(files: readonly FileData[]): Problem[] {
  const problems: Problem[] = [];
  const allIds = new Set<string>();
  const seenSystems = new Map<string, string>();
  const systemOfId = new Map<string, string>();
  for (const { data } of files) for (const e of data.entries) systemOfId.set(e.id, data.system);
  for (const { file, data } of files) {
    const other = seenSystems.get(data.system);
    if (other !== undefined) {
      problems.push({
        file,
        field: 'system',
        message: `system "${data.system}" is also defined in ${other}`,
      });
    }
    seenSystems.set(data.system, file);
    for (const entry of data.entries) {
      if (allIds.has(entry.id)) {
        problems.push({ file, entry: entry.id, field: 'id', message: 'duplicate entry id' });
      }
      allIds.add(entry.id);
    }
  }
  const neutral = new Set(
    files.filter((f) => f.data.detect === undefined).map((f) => f.data.system),
  );
  for (const { file, data } of files) {
    problems.push(
      ...checkFile(file, data, allIds),
      ...checkRefines(file, data, systemOfId),
      ...checkCovers(file, data, neutral),
    );
  }
  return problems;
}

/** A context covers vendor-neutral systems only: a vendor's entries are shown by its own evidence. */
function checkCovers(file: string, data: SystemFile, neutral: ReadonlySet<string>): Problem[] {
  return data.contexts.flatMap((c, ci) =>
    c.covers.flatMap((system, i) =>
      neutral.has(system)
        ? []
        : [
            {
              file,
              field: `contexts.${ci}.covers.${i}`,
              message: `"${system}" is not a vendor-neutral system (one without detect)`,
            },
          ],
    ),
  );
}

/**
 * `refines` names existing entries, and an entry refining one of its own system names a declared
 * context: without one, nothing in a paste could tell the two apart.
 */
function checkRefines(
  file: string,
  data: SystemFile,
  systemOfId: ReadonlyMap<string, string>,
): Problem[] {
  const problems: Problem[] = [];
  const contextIds = new Set(data.contexts.map((c) => c.id));
  data.contexts.forEach((c, ci) => {
    c.rivals.forEach((id, i) => {
      if (!contextIds.has(id) || id === c.id)
        problems.push({
          file,
          field: `contexts.${ci}.rivals.${i}`,
          message: `"${id}" is not another context of this file`,
        });
    });
    c.patterns.forEach((source, i) => {
      if (!compiles(source))
        problems.push({
          file,
          field: `contexts.${ci}.patterns.${i}`,
          message: 'not a valid regular expression',
        });
    });
  });
  for (const entry of data.entries) {
    const at = (field: string, message: string): void => {
      problems.push({ file, entry: entry.id, field, message });
    };
    (entry.counterSigns?.patterns ?? []).forEach((source, i) => {
      if (!compiles(source)) at(`counterSigns.patterns.${i}`, 'not a valid regular expression');
    });
    if (entry.context !== undefined && !contextIds.has(entry.context)) {
      at('context', `unknown context "${entry.context}" (declare it under contexts)`);
    }
    entry.refines.forEach((id, i) => {
      const system = systemOfId.get(id);
      if (system === undefined) at(`refines.${i}`, `unknown entry "${id}"`);
      else if (id === entry.id) at(`refines.${i}`, 'an entry cannot refine itself');
      else if (system === data.system && entry.context === undefined)
        at(`refines.${i}`, 'refining an entry of the same system needs a context');
    });
  }
  return problems;
}

function checkFile(file: string, data: SystemFile, allIds: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const sourceIds = new Set(data.sources.map((s) => s.id));
  for (const key of ['paths', 'codes', 'shapes'] as const) {
    (data.detect?.[key] ?? []).forEach((source, i) => {
      if (!compiles(source)) {
        problems.push({
          file,
          field: `detect.${key}.${i}`,
          message: 'not a valid regular expression',
        });
      }
    });
  }
  for (const entry of data.entries) {
    const at = (field: string, message: string): void => {
      problems.push({ file, entry: entry.id, field, message });
    };
    if (!entry.id.startsWith(`${data.system}/`)) {
      at('id', `must start with "${data.system}/" (the file's system)`);
    }
    entry.sources.forEach((id, i) => {
      if (!sourceIds.has(id))
        at(`sources.${i}`, `unknown source "${id}" (declare it under sources)`);
    });
    entry.related.forEach((id, i) => {
      if (!allIds.has(id)) at(`related.${i}`, `unknown entry "${id}"`);
      if (id === entry.id) at(`related.${i}`, 'an entry cannot be related to itself');
    });
    if (entry.messages.length + entry.phrases.length + entry.codes.length === 0) {
      at('phrases', 'needs at least one code, message or phrase to be found by');
    }
  }
  return problems;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}
