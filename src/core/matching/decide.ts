import type { Entry } from '../catalogue/catalogue.js';
import type { Query } from './query.js';
import type { Scored } from './score.js';
import type { Via } from './types.js';

export interface Decision {
  readonly confident: boolean;
  /** One per ranked entry, in [0, 1]. */
  readonly confidences: readonly number[];
}

/** Score at which the logistic confidence passes one half. */
const MIDPOINT = 2.0;

/**
 * Whether to answer unasked. Decided from evidence, not from a raw score: the text must report a
 * failure; the best entry needs an identifying code or a well-covered phrase, its vendor must not be
 * contradicted, and it must stand clear of the runner-up.
 */
export function decide(
  ranked: readonly Scored[],
  query: Query,
  entries: readonly Entry[],
  _via: Via,
): Decision {
  const [top] = ranked;
  if (top === undefined) return { confident: false, confidences: [] };
  // A wrapper reading (NetSuite INVALID_LOGIN) ranking second behind its specific cause is expected.
  const rival = ranked.slice(1).find((s) => !entries[s.entry]?.generic);
  const margin = top.score - (rival?.score ?? 0);
  const evidence =
    top.code >= 0.8 ||
    top.phrase >= 0.75 ||
    (top.phrase >= 0.5 && (top.vendor > 0 || top.status > 0 || top.code > 0)) ||
    // A status only one entry of the vendor answers with, from the vendor's own host.
    (top.statusUnique && top.vendor >= 0.5);
  const confident =
    query.failure &&
    !top.vendorMissing &&
    evidence &&
    margin >= 0.35 &&
    top.score >= MIDPOINT + 0.2;
  const confidences = ranked.map((s, i) => {
    const base = 1 / (1 + Math.exp(-1.8 * (s.score - MIDPOINT)));
    const gap = i === 0 ? margin : s.score - top.score;
    return round(base * (i === 0 ? Math.min(1, 0.6 + margin / 1.5) : Math.min(0.9, Math.exp(gap))));
  });
  return { confident, confidences };
}

function round(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 1000) / 1000));
}
