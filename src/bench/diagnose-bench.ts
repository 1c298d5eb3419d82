import Fuse from 'fuse.js';
import { performance } from 'node:perf_hooks';
import { loadCatalogue } from '../adapters/catalogue-files.js';
import type { Catalogue, Entry } from '../core/catalogue/catalogue.js';
import { createDiagnoser } from '../core/matching/diagnose.js';
import { generateCatalogue } from './generate-catalogue.js';
import { makePaste } from './pastes.js';

/**
 * `npm run bench`: diagnose() against plain fuse.js over the same entries, in one run, for pastes
 * of about 100 B, 2 KB and 40 KB, with the shipped catalogue and a generated 10,000-entry one.
 * Plain fuse.js over raw pastes is very slow; it gets a time budget per cell and, where even one
 * query would not fit, is timed on a slice of the catalogue and scaled linearly (marked "est.").
 */
const SIZES = [100, 2048, 40 * 1024];
const DIAGNOSE_RUNS = 400;
/**
 * Untimed runs before each diagnose cell: the Slack app is long-running, so a cell measures the
 * optimised steady state (a one-shot CLI start is what the start-up benchmark measures). At least
 * WARM_UP runs and WARM_UP_MS of them: V8 goes on optimising the matcher's functions for about a
 * second of work, on the other core, and 200 runs of a 100 B paste (50 ms) left the first cell
 * timing that (p99 5–6 ms, against about 1 ms after a second of warm-up).
 */
const WARM_UP = 200;
const WARM_UP_MS = 1000;
const FUSE_BUDGET_MS = 4000;
const FUSE_MAX_RUNS = 50;

interface Cell {
  p50: number;
  p99: number;
  runs: number;
  estimated: boolean;
}

async function main(): Promise<void> {
  const shipped = await loadCatalogue();
  out(`node ${process.version} ${process.arch}`);
  benchCatalogue(`shipped (${shipped.size} entries)`, shipped);
  // Generated only now: its 10,000 entries are not in the heap while the shipped one is timed.
  const big = generateCatalogue(shipped, 10_000);
  benchCatalogue(`generated (${big.size} entries)`, big);
}

function benchCatalogue(name: string, catalogue: Catalogue): void {
  const heap0 = heapUsed();
  const t0 = performance.now();
  const diagnoser = createDiagnoser(catalogue);
  const buildMs = performance.now() - t0;
  const heap1 = heapUsed();
  const t1 = performance.now();
  const fuse = plainFuse(catalogue.entries);
  const fuseBuildMs = performance.now() - t1;
  const heap2 = heapUsed();
  out('');
  out(`catalogue: ${name}`);
  out(
    `  index build: diagnose ${buildMs.toFixed(0)} ms, ${mb(heap1 - heap0)} heap | plain fuse.js ${fuseBuildMs.toFixed(0)} ms, ${mb(heap2 - heap1)} heap`,
  );
  out('  paste     diagnose p50 / p99        plain fuse.js p50 / p99          ratio (p50, p99)');
  for (const size of SIZES) {
    const pastes = Array.from({ length: 16 }, (_, i) => makePaste(size, i + 1));
    const d = time(
      DIAGNOSE_RUNS,
      Infinity,
      (i) => diagnoser.diagnose(pastes[i % pastes.length] ?? ''),
      WARM_UP_MS,
    );
    const f = timeFuse(fuse, catalogue.entries, pastes);
    const ratio = `${(f.p50 / d.p50).toFixed(0)}x, ${(f.p99 / d.p99).toFixed(0)}x faster`;
    out(
      `  ${label(size).padEnd(8)}  ${ms(d.p50)} / ${ms(d.p99)}   ${f.estimated ? 'est. ' : '     '}${ms(f.p50)} / ${ms(f.p99)} (${f.runs} runs)   ${ratio}`,
    );
  }
}

function plainFuse(entries: readonly Entry[]): Fuse<Entry> {
  return new Fuse([...entries], {
    keys: ['title', 'codes', 'messages', 'phrases'],
    includeScore: true,
  });
}

/** Plain fuse.js within a budget; when one query on the full catalogue would not fit, scale a slice. */
function timeFuse(fuse: Fuse<Entry>, entries: readonly Entry[], pastes: readonly string[]): Cell {
  const probe = time(1, Infinity, () => plainFuse(entries.slice(0, 5)).search(pastes[0] ?? ''));
  const perEntry = probe.p50 / 5;
  if (perEntry * entries.length > FUSE_BUDGET_MS) {
    const slice = Math.max(5, Math.floor(FUSE_BUDGET_MS / 4 / perEntry));
    const small = plainFuse(entries.slice(0, slice));
    const c = time(FUSE_MAX_RUNS, FUSE_BUDGET_MS, (i) =>
      small.search(pastes[i % pastes.length] ?? ''),
    );
    const scale = entries.length / slice;
    return { p50: c.p50 * scale, p99: c.p99 * scale, runs: c.runs, estimated: true };
  }
  return time(FUSE_MAX_RUNS, FUSE_BUDGET_MS, (i) => fuse.search(pastes[i % pastes.length] ?? ''));
}

function time(runs: number, budgetMs: number, fn: (i: number) => unknown, warmMs = 0): Cell {
  const warmFrom = performance.now();
  for (
    let i = 0;
    budgetMs === Infinity && (i < Math.min(WARM_UP, runs) || performance.now() - warmFrom < warmMs);
    i++
  )
    fn(i);
  // Each cell starts on a collected heap: a cell after plain fuse.js's runs (hundreds of MB of
  // garbage) would otherwise pay for their collection in its own tail.
  heapUsed();
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs && (samples.length === 0 || performance.now() - start < budgetMs); i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), runs: samples.length, estimated: false };
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

const ms = (x: number): string => `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms`.padStart(10);
const mb = (bytes: number): string => `${(Math.max(0, bytes) / 1024 / 1024).toFixed(1)} MB`;
const label = (size: number): string =>
  size >= 1024 ? `${Math.round(size / 1024)} KB` : `${size} B`;
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

await main();
