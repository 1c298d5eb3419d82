import { z } from 'zod';
import { LIMITS } from './blocks/limits.js';

/**
 * What a button needs to redraw an answer: the entry shown, its confidence, the alternatives, and
 * (for "Reply in thread") where the diagnosed message lives. Never the pasted text.
 */
export interface AnswerState {
  readonly id: string;
  /** Null when the entry was asked for by id (`/authhelp show`), not matched. */
  readonly confidence: number | null;
  readonly alternatives: readonly Candidate[];
  readonly thread?: { readonly channel: string; readonly ts: string };
  /** The recorded diagnosis this answer comes from: feedback clicks are stored against it. */
  readonly diagnosis?: string;
}

interface Candidate {
  readonly id: string;
  readonly confidence: number;
}

const wireSchema = z.object({
  i: z.string().min(1).max(200),
  c: z.number().min(0).max(1).nullable(),
  a: z.array(z.tuple([z.string().min(1).max(200), z.number().min(0).max(1)])).max(4),
  t: z.tuple([z.string().max(40), z.string().max(40)]).optional(),
  d: z.string().min(1).max(64).optional(),
});

export const MAX_ALTERNATIVES = 2;

/**
 * The state after choosing alternative `id`: it becomes the answer, the previous one an
 * alternative. The diagnosis id is dropped: the pick is the feedback, and a 👍 or 👎 after it
 * would be about another entry than the one the diagnosis answered with.
 */
export function swapTo(state: AnswerState, id: string): AnswerState | undefined {
  const chosen = state.alternatives.find((a) => a.id === id);
  if (chosen === undefined) return undefined;
  const previous: Candidate[] =
    state.confidence === null ? [] : [{ id: state.id, confidence: state.confidence }];
  const others = state.alternatives.filter((a) => a.id !== id);
  const { diagnosis: _picked, ...rest } = state;
  return {
    ...rest,
    id: chosen.id,
    confidence: chosen.confidence,
    alternatives: [...previous, ...others].slice(0, MAX_ALTERNATIVES),
  };
}

export function encodeState(state: AnswerState): string {
  const wire = {
    i: state.id,
    c: state.confidence === null ? null : round(state.confidence),
    a: state.alternatives.map((a) => [a.id, round(a.confidence)]),
    ...(state.thread === undefined ? {} : { t: [state.thread.channel, state.thread.ts] }),
    ...(state.diagnosis === undefined ? {} : { d: state.diagnosis }),
  };
  const text = JSON.stringify(wire);
  // A button value holds 2000 characters; alternatives are the first thing to give up.
  if (text.length > LIMITS.buttonValue && state.alternatives.length > 0)
    return encodeState({ ...state, alternatives: [] });
  return text;
}

export function decodeState(value: string | undefined): AnswerState | undefined {
  if (value === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = wireSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const w = parsed.data;
  return {
    id: w.i,
    confidence: w.c,
    alternatives: w.a.map(([id, confidence]) => ({ id, confidence })),
    ...(w.t === undefined ? {} : { thread: { channel: w.t[0], ts: w.t[1] } }),
    ...(w.d === undefined ? {} : { diagnosis: w.d }),
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
