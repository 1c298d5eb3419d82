import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../adapters/catalogue-files.js';
import { TemplateMiner } from '../core/learning/drain.js';
import { maskCredentials } from '../core/learning/mask-credentials.js';
import type { DiagnosisRecord } from '../core/learning/records.js';
import { buildReview } from '../core/learning/review.js';
import { createTemplater, type Templater } from '../core/learning/template.js';
import { vocabularyOf } from '../core/learning/vocabulary.js';
import { rng } from './generate-catalogue.js';
import { varyPaste } from './vary-paste.js';

/**
 * `npm run bench:learning [-- --split test]`: templates per second on 10,000 pastes, and how well
 * they are grouped, for Drain over templates against two obvious alternatives in one run: exact
 * match of the credential-masked text, and exact match of the masked template without Drain.
 * The pastes are the real texts of test/eval/real/*.<split>.jsonl, each varied as other people
 * would paste it (vary-paste.ts), so the right grouping is known: one group per real text.
 */
const PASTES = 10_000;
const REAL_DIR = fileURLToPath(new URL('../../test/eval/real/', import.meta.url));

interface Sample {
  readonly texts: readonly string[];
  /** Index of the real text each paste was made from. */
  readonly bases: readonly number[];
  readonly realTexts: number;
}

interface Method {
  readonly name: string;
  /** Groups the pastes; returns a group key per paste. */
  readonly run: (texts: readonly string[]) => readonly (string | number | undefined)[];
}

async function main(): Promise<void> {
  const split = process.argv.includes('test') ? 'test' : 'tune';
  const catalogue = await loadCatalogue();
  const templater = createTemplater(vocabularyOf(catalogue));
  const sample = makeSample(split);
  out(`node ${process.version} ${process.arch}`);
  out(
    `sample: ${sample.texts.length} pastes varied from ${sample.realTexts} real texts (test/eval/real/*.${split}.jsonl), ${kb(sample.texts)} KB`,
  );
  const methods = methodsFor(templater);
  for (const m of methods) m.run(sample.texts.slice(0, 500)); // warm-up
  out(`right grouping: ${sample.realTexts} groups, one per real text`);
  out('');
  out('method                               pastes/s   groups  right  mixed  split   ratio (time)');
  let base: number | undefined;
  for (const m of methods) {
    gc();
    const t0 = performance.now();
    const keys = m.run(sample.texts);
    const ms = performance.now() - t0;
    const g = grouping(keys, sample);
    base ??= ms;
    out(
      `${m.name.padEnd(36)} ${fmt(sample.texts.length / (ms / 1000)).padStart(8)} ${String(g.groups).padStart(8)} ${String(g.right).padStart(6)} ${String(g.mixed).padStart(6)} ${String(g.split).padStart(6)}   ${(ms / base).toFixed(2)}×`,
    );
  }
  out('');
  out('groups: groups made; right: real texts whose pastes all landed in one group of their own;');
  out(
    'mixed: groups holding pastes of more than one real text; split: real texts spread over >1 group.',
  );
  minerFootprint(templater, sample.texts);
  reviewTime(templater, sample.texts);
}

/** What `authhelp review` will do: read stored records (templates made at record time) and rank. */
function reviewTime(templater: Templater, texts: readonly string[]): void {
  const diagnoses: DiagnosisRecord[] = texts.map((text, i) => {
    const t = templater.templateOf(text);
    return {
      id: `d${i}`,
      time: new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString(),
      team: 'T1',
      user: `U${i % 97}`,
      surface: 'channel',
      entryId: null,
      confidence: 0,
      answered: false,
      catalogueVersion: 'bench',
      maskedText: t.maskedText,
      template: t.template,
      templateId: t.templateId,
    };
  });
  gc();
  const t0 = performance.now();
  const review = buildReview({ diagnoses, feedback: [], templater });
  const ms = performance.now() - t0;
  out(
    `review of ${fmt(diagnoses.length)} stored misses: ${fmt(ms)} ms, ${review.templates.length} templates, top one ${review.templates[0]?.count ?? 0} pastes`,
  );
}

function methodsFor(templater: Templater): Method[] {
  return [
    {
      name: 'exact match of credential-masked text',
      run: (texts) => texts.map((t) => maskCredentials(t).text),
    },
    {
      name: 'exact match of the template',
      run: (texts) => texts.map((t) => templater.templateOf(t).template),
    },
    {
      name: 'Drain over templates (authhelp)',
      run: (texts) => {
        const miner = new TemplateMiner();
        return texts.map((t) => miner.add(templater.tokensOf(templater.templateOf(t).template)));
      },
    },
  ];
}

function minerFootprint(templater: Templater, texts: readonly string[]): void {
  const templates = texts.map((t) => templater.templateOf(t).template);
  const tokens = templates.map((t) => templater.tokensOf(t));
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const miner = new TemplateMiner();
  for (const t of tokens) miner.add(t);
  const ms = performance.now() - t0;
  gc();
  const heap = process.memoryUsage().heapUsed - heap0;
  out('');
  out(
    `tree alone (templates already masked): ${fmt(tokens.length / (ms / 1000))} adds/s, ${miner.templates().length} templates, ${miner.nodes} nodes, ~${(heap / 1024 / 1024).toFixed(1)} MB heap`,
  );
}

function makeSample(split: string): Sample {
  const seen = new Set<string>();
  const real: string[] = [];
  for (const file of readdirSync(REAL_DIR)
    .filter((f) => f.endsWith(`.${split}.jsonl`))
    .sort()) {
    for (const line of readFileSync(`${REAL_DIR}${file}`, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const text = (JSON.parse(line) as { text: string }).text;
      if (!seen.has(text)) {
        seen.add(text);
        real.push(text);
      }
    }
  }
  const random = rng(11);
  const texts: string[] = [];
  const bases: number[] = [];
  for (let i = 0; i < PASTES; i++) {
    const b = i % real.length;
    texts.push(varyPaste(real[b] ?? '', random));
    bases.push(b);
  }
  return { texts, bases, realTexts: real.length };
}

function grouping(
  keys: readonly (string | number | undefined)[],
  sample: Sample,
): { groups: number; right: number; mixed: number; split: number } {
  const basesOf = new Map<string | number | undefined, Set<number>>();
  const groupsOf = new Map<number, Set<string | number | undefined>>();
  keys.forEach((k, i) => {
    const b = sample.bases[i] ?? -1;
    basesOf.set(k, (basesOf.get(k) ?? new Set()).add(b));
    groupsOf.set(b, (groupsOf.get(b) ?? new Set()).add(k));
  });
  let right = 0;
  let split = 0;
  for (const groups of groupsOf.values()) {
    if (groups.size > 1) split++;
    const [only] = groups;
    if (groups.size === 1 && basesOf.get(only)?.size === 1) right++;
  }
  const mixed = [...basesOf.values()].filter((s) => s.size > 1).length;
  return { groups: basesOf.size, right, mixed, split };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function kb(texts: readonly string[]): string {
  return fmt(texts.reduce((n, t) => n + t.length, 0) / 1024);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

await main();
