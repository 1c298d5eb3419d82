import type { Diagnoser, Via } from '../core/matching/types.js';

/** One labelled paste: `expect` lists acceptable top-1 ids; empty means it must not be confident. */
export interface LabelledCase {
  readonly id: string;
  readonly text: string;
  readonly via: Via;
  readonly expect: readonly string[];
  readonly kind?: string;
}

export interface Miss {
  readonly id: string;
  readonly kind: string;
  readonly expect: readonly string[];
  readonly got: string | undefined;
  readonly confident: boolean;
  readonly problem: 'wrong top-1' | 'negative answered' | 'channel positive not confident';
}

export interface EvalReport {
  readonly positives: number;
  readonly top1: number;
  readonly negatives: number;
  readonly negativesQuiet: number;
  readonly channelPositives: number;
  readonly channelConfident: number;
  /** Confident answers whose top-1 was wrong: the costliest mistake in a channel. */
  readonly confidentWrong: number;
  readonly misses: readonly Miss[];
}

export function evaluate(cases: readonly LabelledCase[], diagnoser: Diagnoser): EvalReport {
  let positives = 0;
  let top1 = 0;
  let negatives = 0;
  let negativesQuiet = 0;
  let channelPositives = 0;
  let channelConfident = 0;
  let confidentWrong = 0;
  const misses: Miss[] = [];
  for (const c of cases) {
    const d = diagnoser.diagnose(c.text, { via: c.via });
    const got = d.matches[0]?.id;
    const miss = (problem: Miss['problem']): void => {
      misses.push({
        id: c.id,
        kind: c.kind ?? '',
        expect: c.expect,
        got,
        confident: d.confident,
        problem,
      });
    };
    if (c.expect.length === 0) {
      negatives++;
      if (!d.confident) negativesQuiet++;
      else miss('negative answered');
      continue;
    }
    positives++;
    const right = got !== undefined && c.expect.includes(got);
    if (right) top1++;
    else miss('wrong top-1');
    if (d.confident && !right) confidentWrong++;
    if (c.via === 'channel') {
      channelPositives++;
      if (d.confident) channelConfident++;
      else if (right) miss('channel positive not confident');
    }
  }
  return {
    positives,
    top1,
    negatives,
    negativesQuiet,
    channelPositives,
    channelConfident,
    confidentWrong,
    misses,
  };
}

export function formatReport(name: string, r: EvalReport): string[] {
  const pct = (a: number, b: number): string =>
    b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`;
  const lines = [
    `${name}: ${r.positives + r.negatives} cases`,
    `  top-1 on positives:            ${pct(r.top1, r.positives)} (${r.top1}/${r.positives})`,
    `  negatives not confident:       ${pct(r.negativesQuiet, r.negatives)} (${r.negativesQuiet}/${r.negatives})`,
    `  channel positives confident:   ${pct(r.channelConfident, r.channelPositives)} (${r.channelConfident}/${r.channelPositives})`,
    `  confident but wrong:           ${r.confidentWrong}`,
  ];
  if (r.misses.length > 0) lines.push('  misses:');
  for (const m of r.misses) {
    lines.push(
      `    ${m.id} [${m.kind}] ${m.problem}: expected ${m.expect.join(' | ') || '(quiet)'}, got ${m.got ?? '(none)'}${m.confident ? ' (confident)' : ''}`,
    );
  }
  return lines;
}
