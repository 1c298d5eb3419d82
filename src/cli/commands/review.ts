import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StoreConfig } from '../../config.js';
import type { LearningRecords } from '../../adapters/store/learning.js';
import { openStore } from '../../adapters/store/open.js';
import { SQLITE_FILE } from '../../adapters/store/sqlite/store.js';
import { isAuthHelpError } from '../../core/errors.js';
import type { Command, CommandContext } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { oneLine, UsageError, writeLine } from '../io.js';
import { renderReview } from '../render/review.js';
import { printable } from '../render/terminal.js';
import { exportCases } from './review-export.js';
import { reviewReport } from './review-report.js';

const USAGE =
  'authhelp review [--since 7d|24h|2026-11-01] [--json] [--export FILE.jsonl [--force]]';
const HOUR_MS = 60 * 60 * 1000;
const UNIT_MS: Readonly<Record<string, number>> = {
  h: HOUR_MS,
  d: 24 * HOUR_MS,
  w: 7 * 24 * HOUR_MS,
};

/** Exit codes: 0 done, 1 the store or the export file failed, 2 bad input. */
export const reviewCommand: Command = {
  name: 'review',
  summary: 'what people pasted that the catalogue did not answer, with drafted entries',
  usage: USAGE,
  async run(argv, ctx) {
    let values;
    try {
      ({ values } = parseCommandArgs(
        argv,
        {
          since: { type: 'string' },
          json: { type: 'boolean' },
          export: { type: 'string' },
          force: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        0,
      ));
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      return fail(ctx, `${err.message} (usage: ${USAGE})`, 2);
    }
    if (values.help === true) {
      writeLine(ctx.io.stdout, `usage: ${USAGE}`);
      return 0;
    }
    const since = sinceOf(values.since ?? '7d', ctx.now());
    if (since === undefined)
      return fail(
        ctx,
        `--since ${printable(oneLine(values.since ?? '', 40))}: give a duration (24h, 7d, 2w) or a date (2026-11-01)`,
        2,
      );
    if (values.force === true && values.export === undefined)
      return fail(ctx, '--force only applies with --export FILE', 2);
    const read = await readRecords(ctx, since);
    if (typeof read === 'number') return read;
    const [catalogue, diagnoser] = await Promise.all([ctx.loadCatalogue(), ctx.loadDiagnoser()]);
    const report = reviewReport({ since, ...read.records, catalogue, diagnoser });
    let exported: number | undefined;
    if (values.export !== undefined) {
      const file = values.export;
      const outcome = await exportCases(report, file, values.force === true);
      if (!outcome.written)
        return outcome.reason === 'exists'
          ? fail(ctx, `${printable(file)} exists; add --force to replace it`, 2)
          : fail(ctx, `cannot write ${printable(file)} (${outcome.code})`, 1);
      exported = outcome.cases;
    }
    if (values.json === true) {
      const exportField =
        exported === undefined ? {} : { export: { file: values.export, cases: exported } };
      writeLine(ctx.io.stdout, JSON.stringify({ ...report, ...exportField }));
      return 0;
    }
    for (const line of renderReview(report, read.where)) writeLine(ctx.io.stdout, line);
    if (exported !== undefined)
      writeLine(
        ctx.io.stdout,
        `\nWrote ${exported} eval ${exported === 1 ? 'case' : 'cases'} to ${printable(values.export ?? '')}: label each "expect", then add them to test/eval.`,
      );
    return 0;
  },
};

/**
 * `7d`, `24h`, `2w` before now, or a UTC date or ISO 8601 time; undefined when it is neither.
 * Returns ISO 8601.
 */
function sinceOf(value: string, now: Date): string | undefined {
  const span = /^(\d{1,4})([hdw])$/.exec(value);
  const unit = UNIT_MS[span?.[2] ?? ''];
  if (unit !== undefined) return new Date(now.getTime() - Number(span?.[1]) * unit).toISOString();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})$/.test(date)) return undefined;
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  // Date.parse rolls 2026-02-30 over to March: a date must read back as written.
  return date.endsWith('Z') && iso.slice(0, 10) !== date.slice(0, 10) ? undefined : iso;
}

/** The records since `since`, or an exit code after one line saying why the store did not open. */
async function readRecords(
  ctx: CommandContext,
  since: string,
): Promise<{ records: LearningRecords; where: string } | number> {
  let config: StoreConfig;
  try {
    config = await ctx.loadStoreConfig();
  } catch (err) {
    if (!isAuthHelpError(err)) throw err;
    return fail(ctx, err.message, 2);
  }
  // Reading must not leave an empty store behind where the app never ran.
  const file = resolve(join(config.dataDir, SQLITE_FILE));
  if (config.backend === 'sqlite' && !existsSync(file))
    return fail(
      ctx,
      `no store at ${printable(file)}: set AUTHHELP_DATA_DIR (or DATABASE_URL) as the app has it`,
      1,
    );
  try {
    const store = await openStore(config, { sweepEveryMs: 0, checkpointEveryMs: 0 });
    try {
      return {
        records: await store.learning.readSince(since),
        where: `${store.backend} ${store.location}`,
      };
    } finally {
      await store.close();
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail(ctx, isAuthHelpError(err) ? message : `cannot read the store: ${message}`, 1);
  }
}

function fail(ctx: CommandContext, message: string, code: 1 | 2): number {
  writeLine(ctx.io.stderr, `authhelp: ${printable(oneLine(message, 400))}`);
  return code;
}
