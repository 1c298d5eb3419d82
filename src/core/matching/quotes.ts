import type { Entry } from '../catalogue/catalogue.js';
import { MIN_QUOTE, messageQuote } from './match-index.js';

/** Per entry, its messages long enough to decide when quoted whole: read once, not per paste. */
const quotable = new WeakMap<Entry, readonly string[]>();

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
