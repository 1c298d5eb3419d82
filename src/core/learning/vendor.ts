import type { Catalogue } from '../catalogue/catalogue.js';
import { escapeRegExp } from '../escape-regexp.js';

const HOST = /\b(?:[a-z0-9-]+\.)+[a-z]{2,24}\b/gi;

export interface Nearest {
  readonly id: string;
  readonly confidence: number;
  readonly why: readonly string[];
}

/**
 * The system a drafted entry belongs to: the one whose detect rules the text matches best (a host
 * counts most, then a path, then a word), else the nearest entry's when it is likely (≥ 0.5), else
 * the catalogue's vendor-neutral system (one without detect rules, such as `oauth2`).
 */
export function systemOf(text: string, catalogue: Catalogue, nearest: readonly Nearest[]): string {
  const hosts = (text.match(HOST) ?? []).map((h) => h.toLowerCase());
  const lower = text.toLowerCase();
  let best: string | undefined;
  let bestScore = 0;
  for (const s of catalogue.systems) {
    const d = s.detect;
    if (d === undefined) continue;
    let score = 0;
    if (hosts.some((h) => d.hosts.some((x) => h === x || h.endsWith(`.${x}`)))) score += 3;
    if (d.paths.some((p) => new RegExp(p, 'i').test(text))) score += 2;
    if (d.shapes.some((p) => new RegExp(p).test(text))) score += 2;
    if (d.words.some((w) => new RegExp(`\\b${escapeRegExp(w.toLowerCase())}\\b`).test(lower)))
      score += 1;
    if (score > bestScore) {
      best = s.system;
      bestScore = score;
    }
  }
  if (best !== undefined) return best;
  const near = nearest[0];
  const nearSystem = near === undefined ? undefined : catalogue.get(near.id)?.system;
  if (near !== undefined && near.confidence >= 0.5 && nearSystem !== undefined) return nearSystem;
  return (
    catalogue.systems.find((s) => s.detect === undefined)?.system ??
    catalogue.systems[0]?.system ??
    'oauth2'
  );
}
