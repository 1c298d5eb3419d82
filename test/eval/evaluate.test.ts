import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecisionCheck, Diagnoser, Diagnosis } from '../../src/core/matching/types.js';
import { CaseError, parseCases } from '../../src/eval/cases.js';
import { evaluate, systemOf, type LabelledCase } from '../../src/eval/evaluate.js';
import { formatHeld, formatMisses, formatTable } from '../../src/eval/format.js';
import { selectFiles, splitOf } from '../../src/eval/sets.js';

/** A diagnoser that answers from a table: text → [top-1 id, confident]. */
function tableDiagnoser(answers: Record<string, [string | undefined, boolean]>): Diagnoser {
  return {
    diagnose(text): Diagnosis {
      const [id, confident] = answers[text] ?? [undefined, false];
      return {
        matches:
          id === undefined ? [] : [{ id, confidence: 0.9, why: [], entry: undefined as never }],
        confident,
        truncated: false,
        inputLength: text.length,
      };
    },
  };
}

const cases: LabelledCase[] = [
  { id: 'a', text: 'A', via: 'channel', expect: ['w/specific', 'w/general'], system: 'workday' },
  { id: 'b', text: 'B', via: 'channel', expect: ['w/specific', 'w/general'], system: 'workday' },
  { id: 'c', text: 'C', via: 'command', expect: ['n/x'] },
  { id: 'd', text: 'D', via: 'channel', expect: [], system: 'other' },
  { id: 'e', text: 'E', via: 'channel', expect: [], system: 'none' },
];

describe('evaluate', () => {
  const report = evaluate(
    cases,
    tableDiagnoser({
      A: ['w/specific', true],
      B: ['w/general', false],
      C: ['n/y', true],
      D: ['w/specific', true],
      E: ['w/specific', false],
    }),
  );

  it('counts top-1 with any accepted id and with the most specific id apart', () => {
    expect(report).toMatchObject({ positives: 3, top1: 2, top1Specific: 1 });
  });

  it('counts negatives not confident and channel positives confident', () => {
    expect(report).toMatchObject({
      negatives: 2,
      negativesQuiet: 1,
      channelPositives: 2,
      channelConfident: 1,
      confidentWrong: 1,
    });
  });

  it('names each miss and its problem', () => {
    expect(report.misses.map((m) => `${m.id} ${m.problem}`)).toEqual([
      'b not the most specific id',
      'b channel positive not confident',
      'c wrong top-1',
      'd negative answered',
    ]);
  });

  it('reads the system from the label, else from the most specific id', () => {
    expect(report.outcomes.map((o) => o.system)).toEqual([
      'workday',
      'workday',
      'n',
      'other',
      'none',
    ]);
    expect(systemOf({ expect: [] })).toBe('none');
  });

  it('prints a row for all cases and one per system with counts', () => {
    const lines = formatTable('set', report.outcomes, [{ label: 'system', key: (o) => o.system }]);
    expect(lines[0]).toBe('set: 5 cases');
    const all = lines.find((l) => l.trim().startsWith('all')) ?? '';
    expect(all).toContain('66.7% (2/3)');
    expect(all).toContain('33.3% (1/3)');
    expect(all).toContain('50.0% (1/2)');
    const workday = lines.find((l) => l.includes('system workday')) ?? '';
    expect(workday).toContain('100.0% (2/2)');
    expect(workday).toContain('50.0% (1/2)');
    expect(lines.some((l) => l.includes('system other'))).toBe(true);
  });
});

describe('parseCases', () => {
  it('reads the corpus fields and skips blank lines', () => {
    const text = [
      JSON.stringify({
        id: 'rv-0001',
        text: 'x',
        expect: ['workday/a'],
        system: 'workday',
        kind: 'soap-fault',
        via: 'channel',
        source: 'o/n#1',
      }),
      '',
      JSON.stringify({ text: 'y', expect: [] }),
    ].join('\n');
    expect(parseCases(text, 'f.jsonl')).toEqual([
      {
        id: 'rv-0001',
        text: 'x',
        expect: ['workday/a'],
        via: 'channel',
        kind: 'soap-fault',
        system: 'workday',
      },
      { id: 'line3', text: 'y', expect: [], via: 'command', kind: '' },
    ]);
  });

  it.each([
    ['{"text":1,"expect":[]}', 'f.jsonl:1: "text" must be a string'],
    ['{"text":"x"}', 'f.jsonl:1: "expect" must be an array of entry ids'],
    ['{"text":"x","expect":[],"via":"dm"}', 'f.jsonl:1: "via" must be "channel" or "command"'],
    ['not json', 'f.jsonl:1: not valid JSON'],
    ['[]', 'f.jsonl:1: expected a JSON object'],
  ])('names the file and line of a bad row: %s', (line, message) => {
    expect(() => parseCases(line, 'f.jsonl')).toThrow(new CaseError(message));
  });
});

describe('selectFiles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'authhelp-eval-'));
    mkdirSync(join(dir, 'real'));
    for (const name of ['b.tune.jsonl', 'a.tune.jsonl', 'a.test.jsonl', 'notes.md'])
      writeFileSync(join(dir, 'real', name), '');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the fixed sets and the tune split by default, never the test split', () => {
    const { files } = selectFiles([], 'tune', join(dir, 'real'));
    const real = files.filter((f) => f.split !== undefined);
    expect(real).toEqual([
      { path: join(dir, 'real', 'a.tune.jsonl'), split: 'tune' },
      { path: join(dir, 'real', 'b.tune.jsonl'), split: 'tune' },
    ]);
    expect(files.some((f) => f.path.endsWith('.test.jsonl'))).toBe(false);
    expect(files.some((f) => f.path === 'test/eval/labelled.jsonl')).toBe(true);
  });

  it('reads only the test split with --split test', () => {
    expect(selectFiles([], 'test', join(dir, 'real')).files).toEqual([
      { path: join(dir, 'real', 'a.test.jsonl'), split: 'test' },
    ]);
  });

  it('refuses a named test-split file unless the test split was asked for', () => {
    expect(() => selectFiles(['x/vendor.test.jsonl'], 'tune')).toThrow(/--split test/);
    expect(selectFiles(['x/vendor.test.jsonl'], 'test').files).toEqual([
      { path: 'x/vendor.test.jsonl', split: 'test' },
    ]);
  });

  it('notes a missing real corpus instead of failing', () => {
    const { files, notes } = selectFiles([], 'tune', join(dir, 'absent'));
    expect(files.every((f) => f.split === undefined)).toBe(true);
    expect(notes).toContain(`no ${join(dir, 'absent')}/*.tune.jsonl yet`);
  });

  it('knows the split from the file name', () => {
    expect(splitOf('vendor.tune.jsonl')).toBe('tune');
    expect(splitOf('generic.test.jsonl')).toBe('test');
    expect(splitOf('labelled.jsonl')).toBeUndefined();
  });
});

describe('evaluate --why', () => {
  const held: Record<string, readonly DecisionCheck[]> = {
    A: ['margin'],
    B: ['evidence', 'margin'],
  };
  const explaining: Diagnoser = {
    diagnose(text, options): Diagnosis {
      return {
        matches: [{ id: 'w/specific', confidence: 0.5, why: [], entry: undefined as never }],
        confident: false,
        truncated: false,
        inputLength: text.length,
        ...(options?.explain === true ? { held: held[text] ?? [] } : {}),
      };
    },
  };
  const positives = cases.filter((c) => c.expect.length > 0 && c.via === 'channel');

  it('shows the checks that held each channel positive, and counts them', () => {
    const report = evaluate(positives, explaining, true);
    expect(formatMisses(report.misses).join('\n')).toContain(
      'a [workday ] channel positive not confident: expected w/specific | w/general, got w/specific [held by: margin]',
    );
    expect(formatHeld(report.misses)).toEqual([
      '  channel positives read right but not confident, by the checks that held them:',
      '       1  evidence + margin',
      '       1  margin',
    ]);
  });

  it('prints nothing of it unless asked', () => {
    const report = evaluate(positives, explaining);
    expect(formatMisses(report.misses).join('\n')).not.toContain('held by');
    expect(formatHeld(report.misses)).toEqual([]);
  });
});
