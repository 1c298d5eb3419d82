import type { Entry } from '../catalogue/catalogue.js';
import { flatText } from './match-index.js';

/** Shorter messages ("Invalid login attempt.") are printed by too many systems to decide alone. */
const MIN_QUOTE = 24;

/** The entry's messages the text quotes whole (as flat text, closing stop dropped). */
export function quotedMessages(entry: Entry | undefined, flat: string): string[] {
  const found: string[] = [];
  for (const m of entry?.messages ?? []) {
    const quote = flatText(m).replace(/[.!]+$/, '');
    if (quote.length >= MIN_QUOTE && flat.includes(quote)) found.push(quote);
  }
  return found;
}
