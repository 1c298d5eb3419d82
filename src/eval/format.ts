import type { DecisionCheck } from '../core/matching/types.js';
import { groupBy, tally, type Miss, type Outcome, type Tally } from './evaluate.js';

const COLUMNS = [
  'top-1 (any id)',
  'top-1 (most specific)',
  'negatives not confident',
  'channel positives confident',
  'confident but wrong',
] as const;

/** A table of the four figures: one row for all cases, then one per group (system, kind). */
export function formatTable(
  title: string,
  outcomes: readonly Outcome[],
  groups: readonly { readonly label: string; readonly key: (o: Outcome) => string }[],
): string[] {
  const rows: [string, Tally][] = [['all', tally(outcomes)]];
  for (const group of groups) {
    const byKey = [...groupBy(outcomes, group.key)].sort(([a], [b]) => a.localeCompare(b));
    for (const [key, list] of byKey) rows.push([`${group.label} ${key}`, tally(list)]);
  }
  const cells = rows.map(([label, t]) => [label, ...figures(t)]);
  const header = ['', ...COLUMNS];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (c: readonly string[]): string =>
    `  ${c.map((x, i) => (i === 0 ? x.padEnd(widths[i] ?? 0) : x.padStart(widths[i] ?? 0))).join('  ')}`.trimEnd();
  return [`${title}: ${String(outcomes.length)} cases`, line(header), ...cells.map(line)];
}

/** The figures of one row, each as `share (count/total)`. */
function figures(t: Tally): string[] {
  return [
    share(t.top1, t.positives),
    share(t.top1Specific, t.positives),
    share(t.negativesQuiet, t.negatives),
    share(t.channelConfident, t.channelPositives),
    String(t.confidentWrong),
  ];
}

function share(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}% (${String(a)}/${String(b)})`;
}

export function formatMisses(misses: readonly Miss[]): string[] {
  if (misses.length === 0) return [];
  return [
    '  misses:',
    ...misses.map(
      (m) =>
        `    ${m.id} [${m.system} ${m.kind}] ${m.problem}: expected ${m.expect.join(' | ') || '(quiet)'}, got ${m.got ?? '(none)'}${m.confident ? ' (confident)' : ''}${held(m)}`,
    ),
  ];
}

/**
 * Shown for an empty list: every check passed, yet nothing was answered (diagnose keeps no match at
 * or below its score floor). A channel positive read right always has a match, so never in practice.
 */
const NO_CHECK = '(no reading)';

function held(m: Miss): string {
  const checks = heldBy(m);
  return checks === undefined ? '' : ` [held by: ${checks.join(', ') || NO_CHECK}]`;
}

/** With `--why`: the checks that held a channel positive read right but not confident. */
function heldBy(m: Miss): readonly DecisionCheck[] | undefined {
  return m.problem === 'channel positive not confident' ? m.held : undefined;
}

/**
 * `--why`: the channel positives read right but not answered unasked, counted by the checks that
 * held them (see decide.ts), most frequent first — where the channel figure has to come from.
 */
export function formatHeld(misses: readonly Miss[]): string[] {
  const counts = new Map<string, number>();
  for (const m of misses) {
    const checks = heldBy(m);
    if (checks === undefined) continue;
    const key = checks.join(' + ') || NO_CHECK;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  return [
    '  channel positives read right but not confident, by the checks that held them:',
    ...[...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([key, n]) => `    ${String(n).padStart(4)}  ${key}`),
  ];
}
