import { STATUSES } from './code-shape.js';
import type { TemplateVocabulary } from './vocabulary.js';

const WORD = /[\p{L}\p{N}_]+/gu;
/** The value of an error field: `error=`, `"error":"…"`, `Detail: …`, `o:errorCode`, `<faultcode>`. */
const ERROR_FIELD =
  /(?<![\p{L}])(?:error|error_?code|errorcode|faultcode|code|detail)["']?\s*[:=>]\s*["']?([A-Za-z][\w.:-]*)/giu;

/**
 * Per token, what must never become a wildcard: codes of the catalogue, upper-case codes with
 * digits (`AADSTS700016`, `E0000011`), HTTP statuses and the value of an error field (a code the
 * catalogue does not know yet is exactly what a maintainer needs to see apart). Empty when none.
 * Two pastes whose tokens at one position pin different things are different failures.
 */
export function pinsOf(tokens: readonly string[], vocabulary: TemplateVocabulary): string[] {
  const pins: string[][] = tokens.map(() => []);
  const starts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    starts.push(offset);
    offset += token.length + 1;
  }
  const text = tokens.join(' ');
  const at = (index: number): string[] | undefined => pins[tokenAt(starts, index)];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (
      vocabulary.codes.has(word.toLowerCase()) ||
      /^[A-Z]{1,10}\d{3,8}$/.test(word) ||
      (/^\d{3}$/.test(word) && STATUSES.has(Number(word)))
    ) {
      at(m.index)?.push(word.toLowerCase());
    }
  }
  for (const m of text.matchAll(ERROR_FIELD)) {
    const value = m[1] ?? '';
    const list = at(m.index + m[0].length - value.length);
    if (list !== undefined && !list.includes(value.toLowerCase())) list.push(value.toLowerCase());
  }
  return pins.map((list) => list.join('|'));
}

/** Index of the token that holds character `index` of the space-joined text. */
function tokenAt(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
