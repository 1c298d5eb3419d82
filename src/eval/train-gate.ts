import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../adapters/catalogue-files.js';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import { createDiagnoser, gateFeaturesOf } from '../core/matching/diagnose.js';
import { GATE_FEATURES, gateProbability, type GateModel } from '../core/matching/gate.js';
import { buildIndex } from '../core/matching/match-index.js';
import { parseCases } from './cases.js';
import { evaluate, tally, type LabelledCase, type Outcome, type Tally } from './evaluate.js';
import { FIXED_SETS, realFiles } from './sets.js';

const USAGE =
  'usage: npm run train:gate -- [--folds N] [--lambda L] [--threshold P] [--hold-out-prefix P] [--write]\n' +
  'Fits the channel gate (src/core/matching/gate.ts) on the written sets and the real tune split,\n' +
  'prints cross-validated figures (folds grouped by source) and, with --write, writes the weights.\n' +
  'With --hold-out-prefix, texts whose id starts with P are neither fitted nor cross-validated: the\n' +
  'gate fitted on the rest is measured on them, as a pseudo-holdout (figures only).';

const WEIGHTS_FILE = 'src/core/matching/gate-weights.ts';

/** Kinds of negative written about errors: the gate must say "no failure hit" for these. */
const DISCUSSION_KINDS = new Set(['negative-discussion', 'negative-chatter']);

interface Sample {
  readonly file: string;
  readonly group: string;
  readonly c: LabelledCase;
  readonly x: Float64Array;
  /** 1: the poster hit a failure; 0: written about errors. */
  readonly y: 0 | 1;
  /** The rest of the decision would answer it unasked: where the gate decides. */
  readonly open: boolean;
}

/** A gate that lets every text through: what the rest of the decision would do alone. */
const OPEN_GATE: GateModel = { features: [], weights: [], bias: 100, threshold: 0.5 };
/** Weight of a text the rest of the decision keeps quiet anyway: it still teaches the register. */
const CLOSED_WEIGHT = 0.2;

/**
 * `npm run train:gate`: the gate is a logistic regression over features of how a text is written.
 * Labels: a text that reports a failure (every positive, and the negatives that show another
 * failure) is 1; a text written about errors (discussion, chatter) is 0. Cross-validation keeps all
 * texts of one source (a repository, a web site, a written set) in one fold, so the figures say how
 * the gate does on sources it never saw.
 */
async function main(): Promise<number> {
  const args = parseArgs({
    options: {
      folds: { type: 'string', default: '5' },
      lambda: { type: 'string', default: '0.001' },
      threshold: { type: 'string', default: '0.4' },
      write: { type: 'boolean' },
      dump: { type: 'string' },
      'hold-out-prefix': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (args.values.help === true) {
    out(USAGE);
    return 0;
  }
  const folds = Number(args.values.folds);
  const lambda = Number(args.values.lambda);
  const threshold = Number(args.values.threshold);
  const prefix = args.values['hold-out-prefix'];
  // Weights written from a fit that left texts out would not be the gate the tune split fits.
  if (prefix !== undefined && args.values.write === true) {
    process.stderr.write('train:gate: --write fits every text; drop --hold-out-prefix\n');
    return 2;
  }
  const catalogue = await loadCatalogue();
  const all = await readSamples(catalogue);
  const heldOut = prefix === undefined ? [] : all.filter((s) => s.c.id.startsWith(prefix));
  const samples = prefix === undefined ? all : all.filter((s) => !s.c.id.startsWith(prefix));
  out(
    `${String(samples.length)} texts, ${String(new Set(samples.map((s) => s.group)).size)} sources`,
  );
  if (prefix !== undefined) out(`${String(heldOut.length)} texts held out (ids ${prefix}…)`);

  const foldOf = assignFolds(samples, folds);
  const dump: object[] | undefined = args.values.dump === undefined ? undefined : [];
  // The threshold is swept over held-out folds too: the gate is one condition of several, so the
  // best threshold is the one that does best end to end, not the one that best fits the labels.
  const thresholds = [...new Set([threshold, 0, 0.2, 0.3, 0.4, 0.5, 0.6])].sort();
  const outcomes = new Map<string, Outcome[]>();
  const gateRight = { n: 0, right: 0 };
  for (let k = 0; k < folds; k++) {
    const train = samples.filter((_, i) => foldOf[i] !== k);
    const held = samples.filter((_, i) => foldOf[i] === k);
    const fitted = fit(train, lambda, threshold);
    for (const s of held) {
      if (dump !== undefined)
        dump.push({
          id: s.c.id,
          y: s.y,
          p: gateProbability(fitted, s.x),
          kind: s.c.kind,
          via: s.c.via,
          open: s.open,
        });
      gateRight.n++;
      if (gateProbability(fitted, s.x) >= threshold === (s.y === 1)) gateRight.right++;
    }
    for (const t of thresholds) {
      const diagnoser = createDiagnoser(catalogue, undefined, { ...fitted, threshold: t });
      const report = evaluate(
        held.map((s) => s.c),
        diagnoser,
      );
      held.forEach((s, i) => {
        const o = report.outcomes[i];
        if (o === undefined) return;
        const key = `${String(t)} ${s.file.includes('/real/') ? 'real tune   ' : 'written sets'}`;
        outcomes.set(key, [...(outcomes.get(key) ?? []), o]);
        // The texts the gate exists for: written about an error, from sources it never saw.
        if (s.file.includes('/real/') && s.c.kind === 'negative-discussion') {
          const about = `${String(t)} real discussion`;
          outcomes.set(about, [...(outcomes.get(about) ?? []), o]);
        }
      });
    }
  }
  out(`\ncross-validation, ${String(folds)} folds grouped by source (lambda ${String(lambda)}):`);
  out(`  gate agrees with the label at ${String(threshold)}: ${pct(gateRight.right, gateRight.n)}`);
  out('  threshold           top-1 (any)  top-1 (specific)  negatives quiet  channel confident');
  for (const key of [...outcomes.keys()].sort()) {
    out(`  ${key.padEnd(18)}${figures(tally(outcomes.get(key) ?? []))}`);
  }

  if (dump !== undefined && args.values.dump !== undefined)
    await writeFile(args.values.dump, JSON.stringify(dump));
  const model = fit(samples, lambda, threshold);
  if (prefix !== undefined) reportHeldOut(catalogue, model, heldOut, thresholds, prefix);
  out('\nweights fitted on every text (largest first):');
  const order = model.weights
    .map((w, i) => [w, model.features[i] ?? ''] as const)
    .sort((a, b) => Math.abs(b[0]) - Math.abs(a[0]));
  for (const [w, name] of order) out(`  ${w >= 0 ? '+' : ''}${w.toFixed(2)}  ${name}`);
  out(`  bias ${model.bias.toFixed(2)}`);
  if (args.values.write === true) {
    await writeFile(WEIGHTS_FILE, weightsModule(model));
    out(`\nwrote ${WEIGHTS_FILE}`);
  }
  return 0;
}

/**
 * The gate fitted without the held-out texts, measured on them at each threshold: figures only,
 * so texts kept apart for judging a change are not read while making it.
 */
function reportHeldOut(
  catalogue: Catalogue,
  model: GateModel,
  held: readonly Sample[],
  thresholds: readonly number[],
  prefix: string,
): void {
  out(`\nheld out (ids ${prefix}…), gate fitted on the other texts:`);
  out('  threshold           top-1 (any)  top-1 (specific)  negatives quiet  channel confident');
  for (const t of thresholds) {
    const diagnoser = createDiagnoser(catalogue, undefined, { ...model, threshold: t });
    const report = evaluate(
      held.map((s) => s.c),
      diagnoser,
    );
    const about = report.outcomes.filter((_, i) => held[i]?.c.kind === 'negative-discussion');
    out(`  ${`${String(t)} held out`.padEnd(18)}${figures(tally(report.outcomes))}`);
    out(`  ${`${String(t)} discussion`.padEnd(18)}${figures(tally(about))}`);
  }
}

async function readSamples(catalogue: Catalogue): Promise<Sample[]> {
  const index = buildIndex(catalogue);
  const open = createDiagnoser(catalogue, undefined, OPEN_GATE);
  const files = [
    ...FIXED_SETS.filter((p) => existsSync(p)),
    ...realFiles('tune').map((f) => f.path),
  ];
  const samples: Sample[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const cases = parseCases(text, file);
    const rows = text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { source?: unknown });
    cases.forEach((c, i) => {
      const source = rows[i]?.source;
      samples.push({
        file,
        group: typeof source === 'string' ? sourceGroup(source) : file,
        c,
        x: gateFeaturesOf(index, c.text),
        y: c.expect.length > 0 || !DISCUSSION_KINDS.has(c.kind ?? '') ? 1 : 0,
        open: open.diagnose(c.text).confident,
      });
    });
  }
  return samples;
}

/** A repository (`owner/name#12` → `owner/name`) or a web site (its host). */
function sourceGroup(source: string): string {
  const url = /^https?:\/\/([^/]+)/.exec(source);
  if (url !== null) return (url[1] ?? source).replace(/^www\./, '');
  return source.split('#')[0] ?? source;
}

/** Sources dealt round-robin to folds, largest first, so folds are of similar size. */
function assignFolds(samples: readonly Sample[], folds: number): number[] {
  const sizes = new Map<string, number>();
  for (const s of samples) sizes.set(s.group, (sizes.get(s.group) ?? 0) + 1);
  const load = new Array<number>(folds).fill(0);
  const foldOfGroup = new Map<string, number>();
  const groups = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [group, size] of groups) {
    const k = load.indexOf(Math.min(...load));
    foldOfGroup.set(group, k);
    load[k] = (load[k] ?? 0) + size;
  }
  return samples.map((s) => foldOfGroup.get(s.group) ?? 0);
}

/**
 * L2-regularised logistic regression by full-batch gradient descent, each class weighted to half
 * of the total so the many positives do not drown the discussion texts.
 */
function fit(samples: readonly Sample[], lambda: number, threshold: number): GateModel {
  const d = GATE_FEATURES.length;
  const w = new Float64Array(d);
  let b = 0;
  const base = (s: Sample): number => (s.open ? 1 : CLOSED_WEIGHT);
  const total = samples.reduce((sum, s) => sum + base(s), 0);
  const positives = samples.reduce((sum, s) => sum + (s.y === 1 ? base(s) : 0), 0);
  const negatives = total - positives;
  const weightOf = (s: Sample): number =>
    base(s) * (s.y === 1 ? total / (2 * positives) : total / (2 * negatives));
  const rate = 1.0;
  for (let iter = 0; iter < 4000; iter++) {
    const gw = new Float64Array(d);
    let gb = 0;
    for (const s of samples) {
      let z = b;
      for (let j = 0; j < d; j++) z += (w[j] ?? 0) * (s.x[j] ?? 0);
      const err = (1 / (1 + Math.exp(-z)) - s.y) * weightOf(s);
      for (let j = 0; j < d; j++) gw[j] = (gw[j] ?? 0) + err * (s.x[j] ?? 0);
      gb += err;
    }
    for (let j = 0; j < d; j++) {
      w[j] = (w[j] ?? 0) - rate * ((gw[j] ?? 0) / samples.length + lambda * (w[j] ?? 0));
    }
    b -= (rate * gb) / samples.length;
  }
  return {
    features: GATE_FEATURES,
    weights: [...w].map((v) => Math.round(v * 1000) / 1000),
    bias: Math.round(b * 1000) / 1000,
    threshold,
  };
}

/** A string literal quoted as Prettier writes it (single quotes unless the text has more of them), so a refit passes format:check. */
function quoted(text: string): string {
  const json = JSON.stringify(text);
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  if (singles > doubles) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function weightsModule(model: GateModel): string {
  const rows = model.features
    .map((f, i) => `  [${quoted(f)}, ${String(model.weights[i] ?? 0)}],`)
    .join('\n');
  return `import type { GateModel } from './gate.js';

// Written by \`npm run train:gate -- --write\` (src/eval/train-gate.ts): the channel gate's weights,
// fitted on the written sets and the real tune split. Do not edit by hand; fit again.
const WEIGHTS: readonly (readonly [string, number])[] = [
${rows}
];

export const GATE_MODEL: GateModel = {
  features: WEIGHTS.map(([name]) => name),
  weights: WEIGHTS.map(([, weight]) => weight),
  bias: ${String(model.bias)},
  threshold: ${String(model.threshold)},
};
`;
}

function figures(t: Tally): string {
  return [
    pct(t.top1, t.positives),
    pct(t.top1Specific, t.positives),
    pct(t.negativesQuiet, t.negatives),
    pct(t.channelConfident, t.channelPositives),
  ]
    .map((s) => s.padStart(16))
    .join(' ');
}

function pct(n: number, of: number): string {
  return of === 0 ? 'n/a' : `${((100 * n) / of).toFixed(1)}% (${String(n)}/${String(of)})`;
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`train:gate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
