import type { SecretFinding } from '../types.js';

const BEGIN = /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/g;
const END = /-----END ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/g;
/**
 * Body after BEGIN when END is missing (a truncated paste): base64 lines, with real or JSON-escaped
 * newlines, or long base64 words when newlines were flattened to spaces. `-` ends the body, so a
 * following BEGIN/END line or a dash-separated sentence stops it.
 */
const BODY =
  /(?:(?:[ \t]*(?:\r?\n|\\r|\\n)[ \t]*)+(?:[A-Za-z0-9+/=]+|(?:Proc-Type|DEK-Info):[^\r\n]*)|[ \t]+[A-Za-z0-9+/=]{16,})+/y;
const LONG_BASE64 = /[A-Za-z0-9+/]{40,}/;
/** A PEM key is a few KB; one BEGIN never claims more than this. */
const MAX_BLOCK = 64 * 1024;

/** Finds PEM private-key blocks (PKCS#1, PKCS#8, EC, OpenSSH, encrypted, PGP), whole. */
export function findPrivateKeys(text: string): SecretFinding[] {
  const ends = [...text.matchAll(END)].map((m) => m.index + m[0].length);
  const found: SecretFinding[] = [];
  let next = 0; // index into `ends`: BEGINs come in ascending order, so this only moves forward
  BEGIN.lastIndex = 0;
  for (let begin = BEGIN.exec(text); begin !== null; begin = BEGIN.exec(text)) {
    const start = begin.index;
    const afterBegin = start + begin[0].length;
    while (next < ends.length && (ends[next] ?? 0) <= afterBegin) next++;
    const end = blockEnd(text, afterBegin, ends[next]);
    if (!LONG_BASE64.test(text.slice(afterBegin, end))) continue; // a mention, not a key
    found.push({ kind: 'private-key', start, end, label: 'a PEM private key', name: 'pem' });
    BEGIN.lastIndex = end;
  }
  return found;
}

function blockEnd(text: string, from: number, end: number | undefined): number {
  if (end !== undefined && end - from <= MAX_BLOCK && !hasBeginBetween(text, from, end)) return end;
  BODY.lastIndex = from;
  const body = BODY.exec(text);
  return body === null ? from : Math.min(from + body[0].length, from + MAX_BLOCK);
}

function hasBeginBetween(text: string, from: number, to: number): boolean {
  const next = text.indexOf('-----BEGIN ', from);
  return next !== -1 && next < to;
}
