import { readFile } from 'node:fs/promises';
import { loadCatalogue } from '../adapters/catalogue-files.js';
import { createDiagnoser } from '../core/matching/diagnose.js';
import { evaluate, formatReport, type LabelledCase } from './evaluate.js';

/** `npm run eval [FILE...]`: accuracy of the matcher on labelled JSONL files. */
async function main(): Promise<number> {
  const files = process.argv.slice(2);
  if (files.length === 0) files.push('test/eval/labelled.jsonl');
  const diagnoser = createDiagnoser(await loadCatalogue());
  for (const file of files) {
    let text;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      process.stderr.write(`eval: cannot read ${file}\n`);
      return 2;
    }
    const cases = parseCases(text, file);
    for (const line of formatReport(file, evaluate(cases, diagnoser)))
      process.stdout.write(`${line}\n`);
  }
  return 0;
}

function parseCases(text: string, file: string): LabelledCase[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as Partial<LabelledCase>;
      if (typeof row.text !== 'string' || !Array.isArray(row.expect)) {
        throw new Error(`${file}:${i + 1}: needs "text" and "expect"`);
      }
      return {
        id: row.id ?? `line${i + 1}`,
        text: row.text,
        via: row.via ?? 'command',
        expect: row.expect,
        kind: row.kind ?? '',
      };
    });
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
