import type { Entry } from '../catalogue/catalogue.js';
import { escapeRegExp } from '../escape-regexp.js';

/**
 * A run of blanks other than one plain space: what `\s+` → ' ' changes, without rewriting each of
 * a paste's thousands of single spaces as itself.
 */
const NOT_ONE_SPACE = /\s{2,}|[^\S ]/g;

/** Lower case, one space between words: how messages and pastes are compared for a whole quote. */
export function flatText(text: string): string {
  return text.toLowerCase().replace(NOT_ONE_SPACE, ' ').trim();
}

/** Whole quotes shorter than this ("Invalid login attempt.") are printed by too many systems to decide alone. */
export const MIN_QUOTE = 24;

/** A message as it is looked for whole in a paste: flat, and still whole without its closing stop. */
export function messageQuote(message: string): string {
  return flatText(message).replace(/[.!]+$/, '');
}

/** Per entry, its messages long enough to decide when quoted whole: read once, not per paste. */
const quotable = new WeakMap<Entry, readonly string[]>();

/** The entry's messages as `messageQuote` text, worked out ahead (by the match index's build). */
export function rememberQuotes(entry: Entry, quotes: readonly string[]): void {
  quotable.set(
    entry,
    quotes.filter((q) => q.length >= MIN_QUOTE),
  );
}

function quotableMessages(entry: Entry): readonly string[] {
  let quotes = quotable.get(entry);
  if (quotes === undefined) {
    quotes = entry.messages.map(messageQuote).filter((q) => q.length >= MIN_QUOTE);
    quotable.set(entry, quotes);
  }
  return quotes;
}

/** The entry's messages the text quotes whole (as flat text, closing stop dropped). */
export function quotedMessages(entry: Entry | undefined, flat: string): string[] {
  return entry === undefined ? [] : quotableMessages(entry).filter((q) => flat.includes(q));
}

/**
 * The text quotes one of the entry's messages that holds `word` (as flat text). `quoted`, when
 * given, answers whether the text holds a message (a caller asking about many entries and words of
 * one text remembers each answer).
 */
export function quotesHolding(
  entry: Entry | undefined,
  flat: string,
  word: string,
  quoted: (quote: string) => boolean = (q) => flat.includes(q),
): boolean {
  return entry !== undefined && messagesHolding(entry, word).some(quoted);
}

/** Per entry, per word: its quotable messages holding the word, read once, not per paste. */
const holdingWord = new WeakMap<Entry, Map<string, readonly string[]>>();
const NO_QUOTES: readonly string[] = [];

function messagesHolding(entry: Entry, word: string): readonly string[] {
  let byWord = holdingWord.get(entry);
  if (byWord === undefined) {
    byWord = new Map();
    holdingWord.set(entry, byWord);
  }
  let quotes = byWord.get(word);
  if (quotes === undefined) {
    const holding = quotableMessages(entry).filter((q) => q.includes(word));
    quotes = holding.length === 0 ? NO_QUOTES : holding;
    // Words come from pastes: the map is bounded, as other per-paste memories are.
    if (byWord.size >= MAX_WORDS_PER_ENTRY) byWord.clear();
    byWord.set(word, quotes);
  }
  return quotes;
}

const MAX_WORDS_PER_ENTRY = 1_024;

/**
 * The text with the words of each of these quotes (as `quotedMessages` gives them) blanked out,
 * letter for letter, so the text keeps its shape (lines, quotes, lengths): a vendor's message says
 * "you", "must" and "please contact" to its reader; those are the vendor's words, not the poster's.
 */
export function withoutQuotes(text: string, quotes: readonly string[]): string {
  let out = text;
  for (const q of quotes) {
    const words = q.split(' ').map(escapeRegExp);
    out = out.replace(new RegExp(words.join('\\s+'), 'gi'), (m) =>
      m.replace(/[A-Z]/g, 'X').replace(/[a-z]/g, 'x'),
    );
  }
  return out;
}
