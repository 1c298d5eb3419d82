import { READ_WINDOW } from '../core/matching/normalise.js';
import type { Diagnosis } from '../core/matching/types.js';

/** Which part of a long paste the matcher read: its start and its end, of `total` characters. */
export interface PasteCut {
  readonly total: number;
  readonly head: number;
  readonly tail: number;
}

export function pasteCut(total: number): PasteCut {
  return { total, ...READ_WINDOW };
}

/** The cut of a paste of `pasteLength` characters, if the matcher did not read all of it. */
export function cutOf(d: Diagnosis, pasteLength: number): PasteCut | undefined {
  return d.truncated ? pasteCut(pasteLength) : undefined;
}

/** "the first 12,000 and the last 4,000 of its 52,310 characters" */
export function describeCut(cut: PasteCut): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `the first ${n(cut.head)} and the last ${n(cut.tail)} of its ${n(cut.total)} characters`;
}
