import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../adapters/catalogue-files.js';
import { createDiagnoser } from '../core/matching/diagnose.js';
import type { Diagnoser } from '../core/matching/types.js';
import { parseCases } from './cases.js';
import { evaluate, type Outcome, type Miss } from './evaluate.js';
import { formatHeld, formatMisses, formatTable } from './format.js';
import { selectFiles, type EvalFile } from './sets.js';

const USAGE =
  'usage: npm run eval -- [--split tune|test] [--misses|--no-misses] [--why] [FILE.jsonl …]';

const bySystem = { label: 'system', key: (o: Outcome) => o.system };
const byKind = { label: 'kind', key: (o: Outcome) => o.kind || '(none)' };

/**
 * `npm run eval`: the figures of issue #8 per file and per system — top-1 with any accepted id,
 * top-1 with the most specific id, negatives not confident, channel positives confident — and for
 * the real-text corpus per split. The test split is read only with `--split test`.
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        split: { type: 'string', default: 'tune' },
        misses: { type: 'boolean' },
        'no-misses': { type: 'boolean' },
        why: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (err) {
    return usageError(err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err));
  }
  if (args.values.help === true) {
    out(USAGE);
    return 0;
  }
  const split = args.values.split;
  if (split !== 'tune' && split !== 'test') return usageError(`--split must be tune or test`);
  // The test split is for the final measurement: its misses are shown only when asked for.
  const showMisses = args.values['no-misses'] !== true && (split === 'tune' || args.values.misses);
  const { files, notes } = selectFiles(args.positionals, split);
  for (const note of notes) out(`note: ${note}`);
  const diagnoser = createDiagnoser(await loadCatalogue());
  // Which checks held each channel positive read right but not answered unasked.
  const why = args.values.why === true;
  const real: { file: EvalFile; outcomes: readonly Outcome[]; misses: readonly Miss[] }[] = [];
  for (const file of files) {
    const report = await evaluateFile(file, diagnoser, why);
    if (report === undefined) return 2;
    out('');
    for (const line of formatTable(file.path, report.outcomes, [bySystem])) out(line);
    if (file.split === undefined) {
      if (showMisses === true) for (const line of formatMisses(report.misses)) out(line);
      if (why) for (const line of formatHeld(report.misses)) out(line);
    } else real.push({ file, ...report });
  }
  if (real.length > 0) {
    out('');
    const all = real.flatMap((r) => r.outcomes);
    const names = real.map((r) => r.file.path).join(', ');
    for (const line of formatTable(`real ${split} split (${names})`, all, [bySystem, byKind]))
      out(line);
    const misses = real.flatMap((r) => r.misses);
    if (showMisses === true) for (const line of formatMisses(misses)) out(line);
    if (why) for (const line of formatHeld(misses)) out(line);
  }
  return 0;
}

async function evaluateFile(
  file: EvalFile,
  diagnoser: Diagnoser,
  explain: boolean,
): Promise<ReturnType<typeof evaluate> | undefined> {
  let text;
  try {
    text = await readFile(file.path, 'utf8');
  } catch {
    process.stderr.write(`eval: cannot read ${file.path}\n`);
    return undefined;
  }
  return evaluate(parseCases(text, file.path), diagnoser, explain);
}

function usageError(message: string): number {
  process.stderr.write(`eval: ${message}\n${USAGE}\n`);
  return 2;
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
