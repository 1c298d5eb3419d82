import { readFileSync } from 'node:fs';
import { loadCatalogue } from '../adapters/catalogue-files.js';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import { answerMatch } from '../core/matching/answer-bar.js';
import { createDiagnoser } from '../core/matching/diagnose.js';
import { compileIndex, fitTerms } from '../core/matching/index-compile.js';
import { parseCases } from '../eval/cases.js';
import type { LabelledCase } from '../eval/evaluate.js';
import { selectFiles } from '../eval/sets.js';
import { probeEntry, removableEntry, withEntry, withoutEntry } from './catalogue-variants.js';

/**
 * `npm run bench:coupling`: how far one catalogue edit moves readings of texts about other systems.
 * For each system it adds one plausible entry (see `probeEntry`) and, separately, removes one
 * (`removableEntry`), and counts the eval texts (written sets and the real tune split, never the
 * test split) whose reading is not in that system and whose best match, the answer `/authhelp`
 * would give, `confident` or the best match's confidence (by 0.01 or more) changed. A text the new entry now answers, or whose reading was the removed entry,
 * is the edit's own effect, counted apart. `--list` prints the moved texts; `--live` refits the
 * term weights on each edited catalogue, as every build did before the weights were fitted.
 */

interface Reading {
  readonly top: string | undefined;
  /** What `/authhelp` would answer with (a best match of 30 % or more, or a confident one). */
  readonly answer: string | undefined;
  readonly confidence: number;
  readonly confident: boolean;
}

interface Moved {
  readonly top: number;
  readonly answer: number;
  readonly confident: number;
  /** The best match's shown confidence moved by at least 0.01. */
  readonly confidence: number;
  /** Any of the three. */
  readonly any: number;
  /** The edit's own effect: the new entry answers, or the removed one did. */
  readonly own: number;
  readonly texts: readonly string[];
}

function readAll(catalogue: Catalogue, cases: readonly LabelledCase[], live: boolean): Reading[] {
  // `--live`: weights refit on each edited catalogue, as every build did before term-weights.ts.
  const diagnoser = live
    ? createDiagnoser(catalogue, compileIndex(catalogue, fitTerms(catalogue)))
    : createDiagnoser(catalogue);
  return cases.map((c) => {
    const d = diagnoser.diagnose(c.text);
    const best = d.matches[0];
    return {
      top: best?.id,
      answer: answerMatch(d, 'command')?.id,
      confidence: best?.confidence ?? 0,
      confident: d.confident,
    };
  });
}

const systemOf = (id: string | undefined): string | undefined => id?.split('/')[0];

function compare(
  cases: readonly LabelledCase[],
  before: readonly Reading[],
  after: readonly Reading[],
  system: string,
  edited: string,
): Moved {
  let top = 0;
  let answer = 0;
  let confident = 0;
  let confidence = 0;
  let any = 0;
  let own = 0;
  const texts: string[] = [];
  before.forEach((b, i) => {
    const a = after[i];
    if (a === undefined) return;
    if (a.top === edited || b.top === edited) {
      own += a.top === b.top && a.confident === b.confident ? 0 : 1;
      return;
    }
    // Readings in the edited system may move with it; the bench counts the others.
    if (systemOf(b.top) === system && systemOf(a.top) === system) return;
    const t = a.top !== b.top;
    const r = a.answer !== b.answer;
    const c = a.confident !== b.confident;
    const v = Math.abs(a.confidence - b.confidence) >= 0.01;
    top += t ? 1 : 0;
    answer += r ? 1 : 0;
    confident += c ? 1 : 0;
    confidence += v ? 1 : 0;
    if (t || c || v) {
      any++;
      const shown = (r: Reading): string =>
        `${r.top ?? '-'} ${r.confidence.toFixed(3)}${r.confident ? ' confident' : ''}`;
      texts.push(`${cases[i]?.id ?? '?'}: ${shown(b)} → ${shown(a)}`);
    }
  });
  return { top, answer, confident, confidence, any, own, texts };
}

function main(): void {
  void run(process.argv.includes('--list'), process.argv.includes('--live'));
}

async function run(list: boolean, live: boolean): Promise<void> {
  const catalogue = await loadCatalogue();
  const { files } = selectFiles([], 'tune');
  const cases = files.flatMap((f) => parseCases(readFileSync(f.path, 'utf8'), f.path));
  const before = readAll(catalogue, cases, live);
  const weights = live ? 'refit on every edit (--live)' : 'fitted (term-weights.ts)';
  out(
    `coupling: ${String(cases.length)} eval texts, ${String(catalogue.size)} entries, weights ${weights}`,
  );
  out(
    'edit                                         top-1  answer  confident  confidence   any  own',
  );
  const total = { top: 0, answer: 0, confident: 0, confidence: 0, any: 0 };
  for (const system of catalogue.systemNames()) {
    const probe = probeEntry(catalogue, system);
    const removable = removableEntry(catalogue, system);
    const edits = [
      { label: `add ${probe.id}`, edited: probe.id, changed: withEntry(catalogue, probe) },
      ...(removable === undefined
        ? []
        : [
            {
              label: `remove ${removable.id}`,
              edited: removable.id,
              changed: withoutEntry(catalogue, removable.id),
            },
          ]),
    ];
    for (const edit of edits) {
      const moved = compare(cases, before, readAll(edit.changed, cases, live), system, edit.edited);
      total.top += moved.top;
      total.answer += moved.answer;
      total.confident += moved.confident;
      total.confidence += moved.confidence;
      total.any += moved.any;
      out(
        `${edit.label.padEnd(44)} ${pad(moved.top, 5)} ${pad(moved.answer, 7)} ${pad(moved.confident, 10)} ${pad(moved.confidence, 11)} ${pad(moved.any, 5)} ${pad(moved.own, 4)}`,
      );
      if (list) for (const t of moved.texts) out(`    ${t}`);
    }
  }
  out(
    `${'total (texts moved in other systems)'.padEnd(44)} ${pad(total.top, 5)} ${pad(total.answer, 7)} ${pad(total.confident, 10)} ${pad(total.confidence, 11)} ${pad(total.any, 5)}`,
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

main();
