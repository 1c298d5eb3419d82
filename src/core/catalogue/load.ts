import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { AuthHelpError } from '../errors.js';
import { Catalogue, toEntry, type Entry, type SystemInfo } from './catalogue.js';
import { checkInvariants, type Problem } from './invariants.js';
import { ENTRY_ID_PATTERN, systemFileSchema, type SystemFile } from './schema.js';

/** One knowledge file's name and text; reading it from disk is the adapter's job. */
export interface KnowledgeSource {
  readonly file: string;
  readonly text: string;
}

/** Every problem in the given files, each naming file, entry and field. Empty means valid. */
export function lintKnowledge(sources: readonly KnowledgeSource[]): Problem[] {
  const { problems } = parseAll(sources);
  return problems;
}

/** Builds the catalogue, or throws CATALOGUE_INVALID listing every problem. */
export function buildCatalogue(sources: readonly KnowledgeSource[]): Catalogue {
  const { files, problems } = parseAll(sources);
  if (problems.length > 0) {
    throw new AuthHelpError('CATALOGUE_INVALID', problems.map(formatProblem).join('\n'), {
      context: { problems: problems.length },
    });
  }
  const entries: Entry[] = [];
  const systems: SystemInfo[] = [];
  for (const { data } of files) {
    const built = data.entries.map((raw) =>
      toEntry(raw, data.system, data.title, data.sources, data.question),
    );
    entries.push(...built);
    systems.push({
      system: data.system,
      title: data.title,
      entryIds: built.map((e) => e.id),
      detect: data.detect,
      contexts: data.contexts,
    });
  }
  return new Catalogue(entries, systems);
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.entry, p.field].filter((x) => x !== undefined && x !== '').join(' › ');
  return `${where}: ${p.message}`;
}

interface ParsedFile {
  readonly file: string;
  readonly data: SystemFile;
}

function parseAll(sources: readonly KnowledgeSource[]): {
  files: ParsedFile[];
  problems: Problem[];
} {
  const files: ParsedFile[] = [];
  const problems: Problem[] = [];
  if (sources.length === 0) {
    problems.push({ file: '(knowledge)', message: 'no knowledge files found' });
  }
  for (const source of sources) {
    const parsed = parseOne(source);
    if ('data' in parsed) files.push(parsed);
    else problems.push(...parsed.problems);
  }
  problems.push(...checkInvariants(files));
  return { files, problems };
}

function parseOne(source: KnowledgeSource): ParsedFile | { problems: Problem[] } {
  let raw: unknown;
  try {
    raw = parseYaml(source.text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    // The parser's first line ends with ':' before a code excerpt we do not print.
    const first =
      err instanceof YAMLParseError ? err.message.split('\n')[0]?.replace(/:\s*$/, '') : '';
    const message = first === undefined || first === '' ? 'not valid YAML' : first;
    return { problems: [{ file: source.file, message }] };
  }
  const result = systemFileSchema.safeParse(raw);
  if (result.success) return { file: source.file, data: result.data };
  return {
    problems: result.error.issues.flatMap((issue) =>
      // A strict object reports unknown keys on the object itself; name each key as the field.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) =>
            issueToProblem(source.file, raw, {
              ...issue,
              path: [...issue.path, key],
              message: 'unknown key (not in the schema)',
            }),
          )
        : [issueToProblem(source.file, raw, issue)],
    ),
  };
}

function issueToProblem(file: string, raw: unknown, issue: z.core.$ZodIssue): Problem {
  const path = issue.path.map(String);
  let entry: string | undefined;
  let fieldPath = path;
  if (path[0] === 'entries' && path[1] !== undefined) {
    entry = entryLabel(raw, Number(path[1]));
    fieldPath = path.slice(2);
  }
  const field = fieldPath.length > 0 ? fieldPath.join('.') : undefined;
  return {
    file,
    ...(entry === undefined ? {} : { entry }),
    ...(field === undefined ? {} : { field }),
    message: issue.message,
  };
}

function entryLabel(raw: unknown, index: number): string {
  const entries = (raw as { entries?: unknown } | null)?.entries;
  const item: unknown = Array.isArray(entries) ? entries[index] : undefined;
  const id = (item as { id?: unknown } | null)?.id;
  // A malformed id (spaces, a line break, no slash) is no name to find the entry by: use its position.
  return typeof id === 'string' && ENTRY_ID_PATTERN.test(id) ? id : `entries[${index}]`;
}
