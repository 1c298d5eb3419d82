import type { LabelledCase } from './evaluate.js';

/** A JSONL line that is not a labelled case; names the file and line. */
export class CaseError extends Error {
  override readonly name = 'CaseError';
}

/** Parses a labelled JSONL file (fields text, expect, via, and optionally id, kind, system). */
export function parseCases(text: string, file: string): LabelledCase[] {
  const cases: LabelledCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `${file}:${String(i + 1)}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new CaseError(`${at}: not valid JSON`);
    }
    cases.push(toCase(row, at, i + 1));
  });
  return cases;
}

function toCase(row: unknown, at: string, lineNo: number): LabelledCase {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw new CaseError(`${at}: expected a JSON object`);
  }
  const r = row as Record<string, unknown>;
  const { text, expect, via, id, kind, system } = r;
  if (typeof text !== 'string') throw new CaseError(`${at}: "text" must be a string`);
  if (!Array.isArray(expect) || !expect.every((e): e is string => typeof e === 'string')) {
    throw new CaseError(`${at}: "expect" must be an array of entry ids`);
  }
  if (via !== undefined && via !== 'channel' && via !== 'command') {
    throw new CaseError(`${at}: "via" must be "channel" or "command"`);
  }
  return {
    id: typeof id === 'string' ? id : `line${String(lineNo)}`,
    text,
    expect,
    via: via ?? 'command',
    kind: typeof kind === 'string' ? kind : '',
    ...(typeof system === 'string' ? { system } : {}),
  };
}
