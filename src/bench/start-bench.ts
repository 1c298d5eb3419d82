import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_KNOWLEDGE_DIR } from '../adapters/knowledge.js';
import { childEnv, hyperfineCommand, needsShell, startCostVarsSet } from './start-env.js';

/**
 * `npm run bench:start`: wall time of a one-shot `authhelp diagnose TEXT` beside `node -e 0`, in
 * one run, as a ratio. With hyperfine on the PATH it does the timing; otherwise the commands are
 * spawned in turn (so they share the machine's load) and medians are compared. A third row runs
 * diagnose against a copy of knowledge/ that differs from the build, so it parses and indexes the
 * YAML at start (what every start cost before the snapshot).
 *
 * When this environment sets NODE_EXTRA_CA_CERTS or NODE_OPTIONS, which change every Node start
 * (`start-env.ts`), `node -e 0` and the snapshot row are timed a second time with them removed, in the
 * same interleaved rounds, and both ratios are printed, each against its own `node -e 0`: the one this
 * environment sees and the one a machine without the variables sees.
 */
const RUNS = Number(process.env['BENCH_RUNS'] ?? 30);
/** The installed bin: the bundle written by `npm run build`. */
const CLI = fileURLToPath(new URL('../bin/authhelp.cjs', import.meta.url));
const TEXT =
  'POST https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token -> 401 {"error":"invalid_client"}';

interface Row {
  readonly label: string;
  readonly argv: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Variables removed from the child's environment. */
  readonly unset?: readonly string[];
  /** The index of the `node -e 0` row this row's ratio is taken against. */
  readonly base: number;
}

function main(): void {
  const changed = mkdtempSync(join(tmpdir(), 'authhelp-bench-'));
  try {
    cpSync(DEFAULT_KNOWLEDGE_DIR, changed, { recursive: true });
    const first = readdirSync(changed).find((n) => n.endsWith('.yml'));
    if (first !== undefined) appendFileSync(join(changed, first), '\n# changed for the bench\n');
    const unset = startCostVarsSet(process.env);
    const without = `without ${unset.join(' and ')}`;
    const rows: Row[] = [
      { label: 'node -e 0', argv: ['-e', '0'], base: 0 },
      { label: 'authhelp diagnose TEXT (snapshot)', argv: [CLI, 'diagnose', TEXT], base: 0 },
      {
        label: 'authhelp diagnose TEXT (YAML at start)',
        argv: [CLI, 'diagnose', TEXT],
        env: { AUTHHELP_KNOWLEDGE_DIR: changed },
        base: 0,
      },
      ...(unset.length === 0
        ? []
        : [
            { label: `node -e 0, ${without}`, argv: ['-e', '0'], unset, base: 3 },
            {
              label: `diagnose (snapshot), ${without}`,
              argv: [CLI, 'diagnose', TEXT],
              unset,
              base: 3,
            },
          ]),
    ];
    out(`node ${process.version}, ${String(RUNS)} runs each`);
    const medians = hasHyperfine() ? withHyperfine(rows) : withSpawns(rows);
    const ratio = (i: number): number => (medians[i] ?? 0) / (medians[rows[i]?.base ?? 0] ?? 1);
    const width = Math.max(...rows.map((row) => row.label.length));
    out(`${'command'.padEnd(width)}  median      ratio to its node -e 0`);
    rows.forEach((row, i) => {
      out(`${row.label.padEnd(width)}  ${ms(medians[i] ?? 0)}   ${ratio(i).toFixed(2)}x`);
    });
    if (unset.length === 0) {
      out(
        `diagnose ÷ node -e 0: ${ratio(1).toFixed(2)}x (NODE_EXTRA_CA_CERTS, NODE_OPTIONS not set)`,
      );
    } else {
      out(
        `diagnose ÷ node -e 0, as this environment runs it (${unset.join(', ')} set): ${ratio(1).toFixed(2)}x`,
      );
      out(
        `diagnose ÷ node -e 0, ${without} (a machine that does not set ${unset.length === 1 ? 'it' : 'them'}): ${ratio(4).toFixed(2)}x`,
      );
    }
  } finally {
    rmSync(changed, { recursive: true, force: true });
  }
}

function withSpawns(rows: readonly Row[]): number[] {
  out('(timed by repeated spawns; install hyperfine for a second opinion)');
  const samples = rows.map((): number[] => []);
  for (const row of rows) run(row); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    rows.forEach((row, r) => {
      const started = process.hrtime.bigint();
      run(row);
      samples[r]?.push(Number(process.hrtime.bigint() - started) / 1e6);
    });
  }
  return samples.map(median);
}

function run(row: Row): void {
  const result = spawnSync(process.execPath, row.argv, {
    env: childEnv(process.env, row.env, row.unset),
    stdio: 'ignore',
  });
  if (result.status !== 0) throw new Error(`${row.label} exited with ${String(result.status)}`);
}

function hasHyperfine(): boolean {
  return spawnSync('hyperfine', ['--version'], { stdio: 'ignore' }).status === 0;
}

function withHyperfine(rows: readonly Row[]): number[] {
  out('(timed by hyperfine)');
  const dir = mkdtempSync(join(tmpdir(), 'authhelp-hyperfine-'));
  try {
    const json = join(dir, 'out.json');
    const commands = rows.map((row) =>
      hyperfineCommand(process.execPath, row.argv, row.env, row.unset),
    );
    const result = spawnSync(
      'hyperfine',
      ['-N', '--warmup', '3', '--runs', String(RUNS), '--export-json', json, ...commands].filter(
        // `VAR=value` needs hyperfine's shell; `env -u VAR` does not.
        (a) => !(a === '-N' && rows.some((r) => needsShell(r.env))),
      ),
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (result.status !== 0) throw new Error('hyperfine failed');
    const report = JSON.parse(spawnSync('cat', [json], { encoding: 'utf8' }).stdout) as {
      results: { median: number }[];
    };
    return report.results.map((r) => r.median * 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const ms = (x: number): string => `${x.toFixed(1)} ms`.padStart(9);
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

main();
