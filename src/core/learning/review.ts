import { TemplateMiner, type MinerOptions } from './drain.js';
import { shortHash } from './hash.js';
import type { DiagnosisRecord, FeedbackRecord } from './records.js';
import type { Templater } from './template.js';

/** One error template people hit that the catalogue did not answer well. */
export interface ReviewTemplate {
  /** A short hash of `template`. */
  readonly id: string;
  /** The merged template: `<*>` where its pastes differ, placeholders where they were masked. */
  readonly template: string;
  /** Pastes, and distinct people (team and user) who pasted them. */
  readonly count: number;
  readonly users: number;
  /** Of `count`: not answered, answered but 👎, answered but another entry picked instead. */
  readonly unanswered: number;
  readonly down: number;
  readonly instead: number;
  /** The latest paste of it with its text kept (credentials masked), if any was kept. */
  readonly example?: string;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

/** How one entry fared. */
export interface EntryFigures {
  readonly id: string;
  /** Diagnoses answered with it, and the feedback they got. */
  readonly answers: number;
  readonly up: number;
  readonly down: number;
  /** Times people picked another entry instead of it, and which, most picked first. */
  readonly instead: number;
  readonly preferred: readonly { readonly id: string; readonly count: number }[];
  /** Times people picked it instead of the entry they were answered with. */
  readonly pickedInstead: number;
}

export interface Review {
  /** Diagnoses read (at or after `since`). */
  readonly diagnoses: number;
  /** Ranked by count, then distinct people. */
  readonly templates: readonly ReviewTemplate[];
  /** Ranked by answers, then id. */
  readonly entries: readonly EntryFigures[];
  /** Diagnoses to review that had neither a template nor text (nothing to group them by). */
  readonly untemplated: number;
  /** Pastes not grouped because the miner's template cap was reached. */
  readonly overflow: number;
}

export interface ReviewInput {
  readonly diagnoses: readonly DiagnosisRecord[];
  readonly feedback: readonly FeedbackRecord[];
  /** Templates records that only kept their text, and splits templates for the miner. */
  readonly templater: Templater;
  /** ISO 8601: records before it are left out. */
  readonly since?: string;
  readonly miner?: MinerOptions;
}

interface Tally {
  template: string;
  count: number;
  users: Set<string>;
  unanswered: number;
  down: number;
  instead: number;
  example: string | undefined;
  exampleTime: string;
  firstSeen: string;
  lastSeen: string;
}

/**
 * The maintainers' review, from plain records: the misses and the answers people rejected (👎 or
 * "Instead"), grouped by error template with Drain, ranked; and per-entry figures. Pure and
 * deterministic: records are read in time order, ties broken by id.
 */
export function buildReview(input: ReviewInput): Review {
  const since = input.since === undefined ? -Infinity : Date.parse(input.since);
  const diagnoses = input.diagnoses
    .filter((d) => Date.parse(d.time) >= since)
    .sort((a, b) => compare(a.time, b.time) || compare(a.id, b.id));
  const feedback = feedbackByDiagnosis(input.feedback);
  const { tallies, untemplated } = tallyTemplates(diagnoses, feedback, input.templater);
  const { templates, overflow } = mine(tallies, input.templater, input.miner);
  return {
    diagnoses: diagnoses.length,
    templates,
    entries: entryFigures(diagnoses, feedback),
    untemplated,
    overflow,
  };
}

function feedbackByDiagnosis(feedback: readonly FeedbackRecord[]): Map<string, FeedbackRecord[]> {
  const out = new Map<string, FeedbackRecord[]>();
  for (const f of feedback) out.set(f.diagnosisId, [...(out.get(f.diagnosisId) ?? []), f]);
  return out;
}

/** Exact templates first: the miner then sees each distinct template once, with its weight. */
function tallyTemplates(
  diagnoses: readonly DiagnosisRecord[],
  feedback: ReadonlyMap<string, readonly FeedbackRecord[]>,
  templater: Templater,
): { tallies: Tally[]; untemplated: number } {
  const byTemplate = new Map<string, Tally>();
  let untemplated = 0;
  for (const d of diagnoses) {
    const fb = feedback.get(d.id) ?? [];
    const down = fb.some((f) => f.kind === 'down');
    const instead = fb.some((f) => f.kind === 'instead');
    if (d.answered && !down && !instead) continue;
    const template =
      d.template ??
      (d.maskedText === undefined ? undefined : templater.templateOf(d.maskedText).template);
    if (template === undefined) {
      untemplated++;
      continue;
    }
    const t = byTemplate.get(template) ?? newTally(template, d.time);
    t.count++;
    t.users.add(`${d.team}\u0000${d.user}`);
    if (!d.answered) t.unanswered++;
    else if (instead) t.instead++;
    else t.down++;
    t.lastSeen = d.time;
    if (d.maskedText !== undefined && d.time >= t.exampleTime) {
      t.example = d.maskedText;
      t.exampleTime = d.time;
    }
    byTemplate.set(template, t);
  }
  return { tallies: [...byTemplate.values()], untemplated };
}

function newTally(template: string, time: string): Tally {
  return {
    template,
    count: 0,
    users: new Set(),
    unanswered: 0,
    down: 0,
    instead: 0,
    example: undefined,
    exampleTime: '',
    firstSeen: time,
    lastSeen: time,
  };
}

function mine(
  tallies: readonly Tally[],
  templater: Templater,
  options: MinerOptions | undefined,
): { templates: ReviewTemplate[]; overflow: number } {
  const miner = new TemplateMiner(options);
  const groups = new Map<number, Tally[]>();
  for (const t of tallies) {
    const id = miner.add(templater.tokensOf(t.template), t.count);
    if (id !== undefined) groups.set(id, [...(groups.get(id) ?? []), t]);
  }
  const mined = miner.templates();
  const templates = [...groups.entries()].map(([id, members]) =>
    summarise(mined[id]?.tokens.join(' ') ?? '', members),
  );
  templates.sort(
    (a, b) =>
      b.count - a.count ||
      b.users - a.users ||
      compare(b.lastSeen, a.lastSeen) ||
      compare(a.id, b.id),
  );
  return { templates, overflow: miner.overflow };
}

function summarise(template: string, members: readonly Tally[]): ReviewTemplate {
  const users = new Set<string>();
  for (const m of members) for (const u of m.users) users.add(u);
  const sum = (pick: (t: Tally) => number): number => members.reduce((n, t) => n + pick(t), 0);
  const latest = members
    .filter((m) => m.example !== undefined)
    .reduce<Tally | undefined>(
      (a, b) => (a === undefined || b.exampleTime > a.exampleTime ? b : a),
      undefined,
    );
  return {
    id: shortHash(template),
    template,
    count: sum((t) => t.count),
    users: users.size,
    unanswered: sum((t) => t.unanswered),
    down: sum((t) => t.down),
    instead: sum((t) => t.instead),
    ...(latest?.example === undefined ? {} : { example: latest.example }),
    firstSeen: members.map((m) => m.firstSeen).reduce((a, b) => (b < a ? b : a)),
    lastSeen: members.map((m) => m.lastSeen).reduce((a, b) => (b > a ? b : a)),
  };
}

interface EntryTally {
  answers: number;
  up: number;
  down: number;
  instead: number;
  preferred: Map<string, number>;
  pickedInstead: number;
}

function entryFigures(
  diagnoses: readonly DiagnosisRecord[],
  feedback: ReadonlyMap<string, readonly FeedbackRecord[]>,
): EntryFigures[] {
  const tallies = new Map<string, EntryTally>();
  const tally = (id: string): EntryTally => {
    const found = tallies.get(id);
    if (found !== undefined) return found;
    const t: EntryTally = {
      answers: 0,
      up: 0,
      down: 0,
      instead: 0,
      preferred: new Map(),
      pickedInstead: 0,
    };
    tallies.set(id, t);
    return t;
  };
  for (const d of diagnoses) {
    const answeredWith = d.answered ? d.entryId : null;
    if (answeredWith !== null) tally(answeredWith).answers++;
    for (const f of feedback.get(d.id) ?? []) {
      const picked = f.kind === 'instead' ? f.insteadEntryId : undefined;
      if (picked !== undefined && picked !== answeredWith) tally(picked).pickedInstead++;
      if (answeredWith === null) continue;
      const t = tally(answeredWith);
      if (f.kind === 'up') t.up++;
      else if (f.kind === 'down') t.down++;
      else if (picked !== undefined && picked !== answeredWith) {
        t.instead++;
        t.preferred.set(picked, (t.preferred.get(picked) ?? 0) + 1);
      }
    }
  }
  return [...tallies.entries()]
    .map(([id, t]) => ({
      id,
      answers: t.answers,
      up: t.up,
      down: t.down,
      instead: t.instead,
      preferred: [...t.preferred.entries()]
        .map(([pid, count]) => ({ id: pid, count }))
        .sort((a, b) => b.count - a.count || compare(a.id, b.id)),
      pickedInstead: t.pickedInstead,
    }))
    .sort((a, b) => b.answers - a.answers || compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
