import type { Entry } from '../catalogue/catalogue.js';
import { NOT_WORD, UnicodePattern } from './unicode-pattern.js';

/**
 * Whether a message's words stand together in the text (`flat`, see `flatText`), as a copy of the
 * message does: some run of at least half of its words (three at least) in the message's order,
 * with nothing but spaces and punctuation between them. A message whose terms are only scattered
 * over the poster's prose ("a token error … resolve the issue … service") is not quoted, however
 * well its terms are covered. No per-paste preparation: the few messages covered well enough to
 * ask are looked for where their words occur.
 */
export function nearQuote(entry: Entry, at: number, flat: string): boolean {
  const words = wordsOfMessage(entry, at);
  const need = Math.max(3, Math.ceil(words.length / 2));
  if (words.length < need) return true;
  const said = saidAt(entry, at, words);
  for (let i = 0; i + need <= words.length; i++) {
    // A run of only the body's keys and its code (`"error":"invalid_grant","error_description"`)
    // is every such body, not this message.
    if (!said.slice(i, i + need).some(Boolean)) continue;
    const first = words[i] ?? '';
    let seen = 0;
    for (
      let pos = flat.indexOf(first);
      pos >= 0 && seen < MAX_STARTS;
      pos = flat.indexOf(first, pos + 1)
    ) {
      seen++;
      if (runAt(flat, pos, words, i, need)) return true;
    }
  }
  return false;
}

/** A code or key written with an underscore (`invalid_grant`, `error_description`). */
const KEY = new UnicodePattern(String.raw`[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+`, 'gu');
/** A JSON key of an error body: its word is structure, not what the message says. */
const ERROR_KEY = /"error"\s*:/;

const saidCache = new WeakMap<Entry, (readonly boolean[] | undefined)[]>();

/**
 * Per word of a message, whether it says something: false for the words of an underscore code or
 * key and for `error` used as a JSON key, which every provider's error body shares. A message with
 * nothing else (`invalid_grant`) keeps all its words.
 */
function saidAt(entry: Entry, at: number, words: readonly string[]): readonly boolean[] {
  let perMessage = saidCache.get(entry);
  if (perMessage === undefined) saidCache.set(entry, (perMessage = []));
  let said = perMessage[at];
  if (said === undefined) {
    const raw = entry.messages[at] ?? '';
    const structure = new Set<string>(
      (raw.match(KEY.for(raw)) ?? []).flatMap((k) => messageWordsOf(k)),
    );
    if (ERROR_KEY.test(raw)) structure.add('error');
    const marks = words.map((w) => !structure.has(w));
    said = marks.some(Boolean) ? marks : words.map(() => true);
    perMessage[at] = said;
  }
  return said;
}

/** Occurrences of a run's first word tried before the next run is tried. */
const MAX_STARTS = 8;

/** The words `words[from .. from + need]` stand at `pos` in the text, one after the other. */
function runAt(
  flat: string,
  pos: number,
  words: readonly string[],
  from: number,
  need: number,
): boolean {
  if (pos > 0 && isWordChar(flat.charCodeAt(pos - 1))) return false;
  let at = pos;
  for (let k = from; k < from + need; k++) {
    const word = words[k] ?? '';
    if (!flat.startsWith(word, at)) return false;
    at += word.length;
    if (at < flat.length && isWordChar(flat.charCodeAt(at))) return false;
    // Spaces and punctuation between two words of the message.
    while (at < flat.length && !isWordChar(flat.charCodeAt(at))) at++;
  }
  return true;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
}

/** A message's words as `nearQuote` reads them: lower case, split at anything but letters and digits. */
export function messageWordsOf(message: string): string[] {
  const lower = message.toLowerCase();
  return lower.split(NOT_WORD.for(lower)).filter((w) => w !== '');
}

const messageWords = new WeakMap<Entry, (readonly string[] | undefined)[]>();
/** Per entry, each message's words joined by one space, worked out ahead (by the index's build). */
const knownWords = new WeakMap<Entry, readonly string[]>();

export function rememberMessageWords(entry: Entry, joined: readonly string[]): void {
  knownWords.set(entry, joined);
}

function wordsOfMessage(entry: Entry, at: number): readonly string[] {
  let perMessage = messageWords.get(entry);
  if (perMessage === undefined) messageWords.set(entry, (perMessage = []));
  let words = perMessage[at];
  if (words === undefined) {
    const joined = knownWords.get(entry)?.[at];
    // A word holds no space (split at every non-letter), so the joined words split back exactly.
    words =
      joined === undefined
        ? messageWordsOf(entry.messages[at] ?? '')
        : joined === ''
          ? []
          : joined.split(' ');
    perMessage[at] = words;
  }
  return words;
}
