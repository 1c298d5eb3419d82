import { PLACEHOLDER } from './placeholders.js';

type Kind = keyof typeof PLACEHOLDER;

/** Keys whose value names a person, a tenant, a request or a moment: never part of a template. */
const KEYS: readonly (readonly [string, Kind])[] = [
  ['tenant(?:[ _-]?(?:name|id|alias))?', 'tenant'],
  ['(?:ns[_-]?)?account(?:[ _-]?(?:id|number))?|realm|company(?:[ _-]?id)?', 'account'],
  ['user(?:[ _-]?(?:name|id|principal[ _-]?name))?|upn|login|email|sub|subject|principal', 'user'],
  ['time(?:stamp)?|date|iat|exp|nbf|expires(?:[ _-]?at)?|issued(?:[ _-]?at)?', 'time'],
  [
    '(?:x-)?(?:ms-)?(?:trace|correlation|request|span|session|activity|client[ _-]?request|operation|event|message|error)[ _-]?id|traceparent|trace',
    'id',
  ],
  [
    'client[ _-]?id|consumer[ _-]?key|app(?:lication)?[ _-]?id|object[ _-]?id|kid|jti|nonce|state|aud|audience|iss|issuer|integration[ _-]?id|role[ _-]?id|token[ _-]?id|key[ _-]?id',
    'id',
  ],
];

/**
 * `key: value`, `key=value`, `"key": "value"`, and `key 'value'` (a quoted value after a space).
 * The key must stand alone (`"tenant"`, `Trace ID`), not end a longer name (`error_description`).
 */
const KEYED = new RegExp(
  `(?<![\\w-])(${KEYS.map(([k]) => `(${k})`).join('|')})(["']?\\s*(?:=>|:=|=|:)\\s*|\\s+(?=["'“‘]))` +
    `("(?:[^"\\\\\\r\\n]|\\\\.)*"|'[^'\\r\\n]*'|“[^”\\r\\n]*”|‘[^’\\r\\n]*’|[^\\s"',;&)}\\]{[]+)`,
  'gi',
);

/** Replaces the values of identifying keys with a placeholder naming what they were. */
export function maskKeyedValues(text: string): string {
  return text.replace(KEYED, (whole: string, ...groups: unknown[]) => {
    const key = String(groups[0]);
    const sep = String(groups[KEYS.length + 1]);
    const value = String(groups[KEYS.length + 2]);
    const index = groups.slice(1, KEYS.length + 1).findIndex((g) => g !== undefined);
    const kind = KEYS[index]?.[1];
    if (kind === undefined || value.startsWith('[redacted ') || /^<[A-Z]+>$/.test(value))
      return whole;
    // Keep the value's quotes, so JSON and header layout stay as they were.
    const open = /^["'“‘]/.test(value) ? value[0] : '';
    const close = open === '' ? '' : value.at(-1);
    return `${key}${sep}${open}${PLACEHOLDER[kind]}${close}`;
  });
}
