import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../adapters/catalogue-files.js';
import { compileIndex, fitTerms } from '../core/matching/index-compile.js';
import { FITTED_TERMS, type FittedTerms } from '../core/matching/term-weights.js';

const USAGE = 'usage: npm run fit:terms -- [--write]';
const WEIGHTS_FILE = 'src/core/matching/term-weights.ts';

/**
 * `npm run fit:terms`: weighs every term of knowledge/ by the live catalogue and says how far the
 * fitted weights (term-weights.ts) are from it; with `--write`, writes them. Refit deliberately, as
 * the channel gate is (`train:gate`), and run `npm run eval` before and after: a refit moves
 * readings in every system, an added entry does not.
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { write: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (err) {
    process.stderr.write(
      `fit:terms: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`,
    );
    return 2;
  }
  if (args.values.help === true) {
    out(USAGE);
    return 0;
  }
  const catalogue = await loadCatalogue();
  const fit = fitTerms(catalogue);
  const live = compileIndex(catalogue, fit);
  const fitted = compileIndex(catalogue);
  const moved = live.terms.filter((_, i) => live.idf[i] !== fitted.idf[i]).length;
  out(
    `fit:terms: ${String(live.terms.length)} terms of ${String(catalogue.size)} entries; ` +
      `fitted on ${String(FITTED_TERMS.entries)} entries, ${String(moved)} weigh differently live`,
  );
  if (args.values.write === true) {
    await writeFile(WEIGHTS_FILE, weightsModule(fit));
    out(`wrote ${WEIGHTS_FILE}`);
  }
  return 0;
}

function weightsModule(fit: FittedTerms): string {
  return `// Written by \`npm run fit:terms -- --write\` (src/build/fit-term-weights.ts): each term's idf in
// knowledge/ when it was fitted. Do not edit by hand; fit again (see README, "Term weights").

/**
 * Term weights (idf) fitted on the catalogue at one point in time. The match index reads a term's
 * weight from here, not from the live catalogue: a term's document frequency and the catalogue's
 * size change with every entry added anywhere, so live weights would move the readings of texts
 * about other systems whenever one system's file is edited. A term the fit has not seen (new with a
 * new entry) is weighed by the live catalogue against the fitted size.
 */
export interface FittedTerms {
  /** Entries in the catalogue the weights were fitted on: the size idf is measured against. */
  readonly entries: number;
  /** The fitted terms, separated by one space. */
  readonly terms: string;
  /** Their weights, in the same order, separated by one space. */
  readonly idf: string;
}

export const FITTED_TERMS: FittedTerms = {
  entries: ${String(fit.entries)},
  terms: '${fit.terms}',
  idf: '${fit.idf}',
};
`;
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`fit:terms: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
