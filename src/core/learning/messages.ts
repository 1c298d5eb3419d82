import { hasPlaceholder, WILDCARD } from './placeholders.js';

const MAX_MESSAGES = 5;
const MAX_MESSAGE_CHARS = 240;
// U+2063 (invisible separator) marks a blanked token; one in a paste only splits a message early.
const BREAK = '\u2063';
/** Where a message ends: lines, variable parts, quotes, JSON and XML punctuation, `key=` and `Key: `. */
const BOUNDARY =
  /\u2063|\n|<(?:[A-Z]+|\*)>|<\/?[\w:.-]+[^<>\n]*>|["“”{}[\]|=]|(?<=\s|^)'|'(?=[\s.,;:)\]}]|$)|:\s|\t/;

/**
 * The constant text of a template, as the system printed it: the example's lines with the template's
 * wildcard positions and every placeholder cut out, split at quotes and punctuation, keeping pieces
 * of three or more words (what the catalogue calls `messages`). Without an example, the template's
 * own tokens are used, which lose the line breaks.
 */
export function constantMessages(template: readonly string[], maskedExample?: string): string[] {
  const text =
    maskedExample === undefined ? template.join(' ') : blankWildcards(template, maskedExample);
  const out: string[] = [];
  for (const piece of text.split(new RegExp(BOUNDARY.source, 'g'))) {
    const message = tidy(piece);
    if (message === undefined || out.includes(message)) continue;
    out.push(message);
    if (out.length === MAX_MESSAGES) break;
  }
  return out;
}

/** The example with each token at a wildcard position (or past the template's end) blanked. */
function blankWildcards(template: readonly string[], example: string): string {
  let i = 0;
  return example.replace(/\S+/g, (token) => {
    const fixed = template[i++];
    return fixed === undefined || fixed === WILDCARD ? BREAK : token;
  });
}

function tidy(piece: string): string | undefined {
  const text = piece
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.)(-]+|[\s,;:(-]+$/g, '')
    .trim();
  if (text.length > MAX_MESSAGE_CHARS || hasPlaceholder(text) || /:\/\/|\[redacted/.test(text)) {
    return undefined;
  }
  // Three words apart: `workday.com/ccx/oauth2/` is a path, not a sentence.
  const words = text.split(' ').filter((w) => /\p{L}{2,}/u.test(w) && !/\w[./]\w/.test(w));
  return words.length >= 3 ? text : undefined;
}
