import { normalise } from '../matching/normalise.js';
import { isCodeWord, isFixedWordWithDigits, STATUSES } from './code-shape.js';
import { maskHost } from './mask-host.js';
import { maskKeyedValues } from './mask-keyed-values.js';
import { maskTimes } from './mask-times.js';
import { maskVendorIds } from './mask-vendor-ids.js';
import { PLACEHOLDER } from './placeholders.js';
import type { TemplateVocabulary } from './vocabulary.js';

const URL = /\b([a-z][a-z0-9+.-]{1,15}):\/\/([^\s/?#"'<>|\\]+)([^\s"'<>|\\]*)/gi;
const EMAIL = /[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b/gi;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const TRACEPARENT = /\b[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}\b/gi;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g;
const IPV6 = /(?<![\w:])(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}(?![\w:])/gi;
const BARE_HOST =
  /(?<![\w@./<>-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|net|org|io|dev|cloud|co|us|uk|de|eu|app|ai|gov|edu|info|biz|cn|in|au|ca|fr|jp|nl|ch|se|me))(:\d{1,5})?(?![\w-]|\.\w)/g;
const HEX = /\b(?:0x[0-9a-f]{4,}|(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,})\b/gi;
/** Long runs of letters and digits (with `_-+=`): ids, keys, base64 (`/` would swallow URL paths). */
const OPAQUE = /(?<![\w<>+=-])(?=[\w+=-]*\d)(?=[\w+=-]*[A-Za-z])[\w+=-]{20,}(?![\w<>+=-])/g;
/** A single token in quotes, not a JSON key (`"key":`). */
const QUOTED = /(?<!\w)(["'“‘])([^\s"'“”‘’<>]{1,64})(["'”’])(?!\w|\s*:)/g;
const ERROR_FIELD_BEFORE =
  /(?:error(?:_?code)?|errorcode|faultcode|code|detail|status)["']?\s*[:=]\s*$/i;
/** A word holding a digit. Placeholders hold none, so they are never touched. */
const DIGIT_WORD = /(?<![\p{L}\p{N}_])[\p{L}\p{N}_]*\d[\p{L}\p{N}_]*(?![\p{L}\p{N}_])/gu;

/**
 * Masks what varies between people hitting the same failure — URLs' hosts and query values,
 * Workday tenants, NetSuite accounts, emails, UUIDs, trace ids, times, IPs, identifying keys'
 * values, hex, opaque ids, quoted values and numbers — and keeps what tells failures apart: codes,
 * HTTP statuses, vendor host names and the words around them. Expects credentials masked already.
 */
export function createVariableMasker(vocabulary: TemplateVocabulary): (text: string) => string {
  const host = (name: string): string => maskHost(name, vocabulary.vendorHosts);
  return (input) => {
    let t = maskVendorIds(normalise(input));
    t = t.replace(URL, (_w, scheme: string, authority: string, rest: string) => {
      return `${scheme.toLowerCase()}://${maskAuthority(authority, host)}${maskQuery(rest)}`;
    });
    // Cheap guards first: most pastes have no email, and the pattern is slow to fail.
    if (t.includes('@')) t = t.replace(EMAIL, PLACEHOLDER.email);
    t = t.replace(UUID, PLACEHOLDER.uuid).replace(TRACEPARENT, PLACEHOLDER.id);
    t = maskTimes(t);
    t = t.replace(IPV4, PLACEHOLDER.ip).replace(IPV6, PLACEHOLDER.ip);
    t = maskKeyedValues(t);
    t = t.replace(BARE_HOST, (_w, name: string, port: string | undefined) =>
      port === undefined ? host(name) : `${host(name)}:${PLACEHOLDER.num}`,
    );
    t = t.replace(HEX, (w) => (/^[A-Z]{1,10}\d{1,8}$/.test(w) ? w : PLACEHOLDER.hex));
    t = t.replace(OPAQUE, (w) => (vocabulary.codes.has(w.toLowerCase()) ? w : PLACEHOLDER.id));
    t = t.replace(
      QUOTED,
      (whole: string, open: string, value: string, close: string, at: number, all: string) =>
        keepQuoted(value, all.slice(Math.max(0, at - 24), at), vocabulary)
          ? whole
          : `${open}${PLACEHOLDER.string}${close}`,
    );
    return t.replace(DIGIT_WORD, (word: string, at: number, all: string) =>
      maskDigitWord(word, all, at, vocabulary),
    );
  };
}

function maskAuthority(authority: string, host: (name: string) => string): string {
  const at = authority.lastIndexOf('@');
  const user = at === -1 ? '' : `${PLACEHOLDER.user}@`;
  const hostPort = authority.slice(at + 1);
  const port = /:\d{1,5}$/.exec(hostPort);
  const name = port === null ? hostPort : hostPort.slice(0, port.index);
  return `${user}${host(name)}${port === null ? '' : `:${PLACEHOLDER.num}`}`;
}

/** Query and fragment values are the caller's; `error=` values are the server's answer and stay. */
function maskQuery(rest: string): string {
  return rest.replace(/([?&#;])([^=&#;\s]+)=([^&#;\s]*)/g, (whole, sep: string, key: string) =>
    /^error/i.test(key) ? whole : `${sep}${key}=${PLACEHOLDER.string}`,
  );
}

function keepQuoted(value: string, before: string, vocabulary: TemplateVocabulary): boolean {
  if (/<[A-Z*]+>|^\[redacted/.test(value)) return true;
  if (ERROR_FIELD_BEFORE.test(before)) return true;
  if (/^urn:/i.test(value)) return true;
  const bare = value.replace(/[.,;:!?)]+$/, '');
  return isCodeWord(bare, vocabulary);
}

function maskDigitWord(
  word: string,
  text: string,
  at: number,
  vocabulary: TemplateVocabulary,
): string {
  if (/^\d+$/.test(word)) {
    return isStatus(word, text, at) ? word : PLACEHOLDER.num;
  }
  if (isFixedWordWithDigits(word, vocabulary)) return word;
  return PLACEHOLDER.id;
}

/**
 * A standalone 4xx/5xx: not a version, a time, a decimal, a duration, a line number
 * (`client.go:403`), a port (`host:503`), an issue number (`#408`, `line 404`) or a size
 * (`Content-Length: 404`).
 */
function isStatus(word: string, text: string, at: number): boolean {
  if (word.length !== 3 || !STATUSES.has(Number(word))) return false;
  // `"status":401` and `HTTP: 401` are statuses; `10:401`, `file.ts:401` and `1.401` are not.
  const before = text.slice(Math.max(0, at - 12), at);
  const after = text.slice(at + 3, at + 7);
  return (
    !/[.,#]$|\w:$|\b(?:line|port|row|col(?:umn)?|page|char|issue|pr|length|size|bytes)["']?:?\s*$/i.test(
      before,
    ) && !/^(?:[.:,]\d|\s?(?:ms|s|kb|mb)\b|%)/i.test(after)
  );
}
