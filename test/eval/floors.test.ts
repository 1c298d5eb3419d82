import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { loadCatalogue } from '../../src/adapters/catalogue-files.js';
import { createDiagnoser } from '../../src/core/matching/diagnose.js';
import type { Diagnoser } from '../../src/core/matching/types.js';
import { parseCases } from '../../src/eval/cases.js';
import type { LabelledCase } from '../../src/eval/evaluate.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { formatTable } from '../../src/eval/format.js';
import { FIXED_SETS, realFiles } from '../../src/eval/sets.js';

/**
 * Accuracy gate on the labelled sets in the repo (and on ../shared/eval/dev.jsonl where it is
 * present) and on the tune split of the real-text corpus (never the test split). The floors sit
 * just under what the matcher measures today, so a change that makes it worse fails here; the
 * issue's target bars are in the README.
 */
type Floors = Readonly<
  Record<'top1' | 'top1Specific' | 'negativesQuiet' | 'channelConfident', number>
>;

/** Measured: dev 0.978 / 0.978 / 1.0 / 1.0, labelled 0.995 / 0.986 / 0.988 / 0.972, holdout 0.988 / 0.976 / 0.971 / 0.986. */
const WRITTEN: Floors = {
  top1: 0.975,
  top1Specific: 0.975,
  negativesQuiet: 0.97,
  channelConfident: 0.97,
};
/**
 * Real texts: measured 0.955 / 0.937 / 0.958 / 0.882 on 4,862 tune texts at the end of session 20 (all seventeen earlier
 * test splits, each read once, tuned on too); right after the session-19 split was merged, before any change for it,
 * 0.952 / 0.934 / 0.957 / 0.877 (the channel floor stood at 0.87 in between).
 */
const REAL_TUNE: Floors = {
  top1: 0.95,
  top1Specific: 0.93,
  negativesQuiet: 0.95,
  channelConfident: 0.88,
};

let diagnoser: Diagnoser;
beforeAll(async () => {
  diagnoser = createDiagnoser(await loadCatalogue());
});

function read(path: string): LabelledCase[] {
  return parseCases(readFileSync(path, 'utf8'), path);
}

function expectAbove(name: string, cases: readonly LabelledCase[], floors: Floors): void {
  const report = evaluate(cases, diagnoser);
  const figures = {
    top1: report.top1 / report.positives,
    top1Specific: report.top1Specific / report.positives,
    negativesQuiet: report.negativesQuiet / report.negatives,
    channelConfident: report.channelConfident / report.channelPositives,
  };
  // The table is in the failure message, so a drop shows which system and figure fell.
  const table = formatTable(name, report.outcomes, [{ label: 'system', key: (o) => o.system }]);
  const below = Object.entries(floors).filter(
    ([figure, floor]) => figures[figure as keyof Floors] < floor,
  );
  expect({ below, table }).toEqual({ below: [], table });
}

const sets = FIXED_SETS.filter((p) => existsSync(p));
const tune = realFiles('tune');

describe('labelled pastes', () => {
  it.each(sets)('%s stays above the accuracy floors', (path) => {
    expectAbove(path, read(path), WRITTEN);
  });

  (tune.length > 0 ? it : it.skip)('the real tune split stays above its floors', () => {
    expectAbove(
      'real tune split',
      tune.flatMap((f) => read(f.path)),
      REAL_TUNE,
    );
  });
});
