/**
 * Text for a terminal: C0 and C1 controls, DEL, bidi overrides and line separators are shown
 * escaped, so a server, a token or a paste cannot clear the screen, colour it, hide text, add an
 * OSC-8 link or print lines of its own.
 */
/* eslint-disable no-control-regex -- these patterns list the characters to escape */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One value on one line: every control escaped, newlines included. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** A value someone typed or a server sent, quoted so its edges show: `"acme\nfake line"`. */
export function quoted(value: string): string {
  return `"${printable(value.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))}"`;
}

/** Last net for whole output: controls escaped, the renderer's own line breaks kept. */
export function printableLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escapeChar);
}
