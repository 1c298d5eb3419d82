import { classify } from '../jwt/classify.js';
import { commonFindings, type RuleContext } from '../jwt/rules-common.js';
import { MAX_ASSERTION_SECONDS, assertionFindings } from '../jwt/rules-netsuite.js';
import type { JsonObject, TokenKind } from '../jwt/types.js';

/** A catalogue entry the pasted token header or claims point to, and what showed it. */
export interface ClaimEvidence {
  readonly id: string;
  readonly why: string;
}

const MAX_OBJECTS = 6;
const MAX_OBJECT_CHARS = 4000;
/** Stand-ins for the half of a token that was not pasted, chosen so no rule fires on them. */
const NO_HEADER: JsonObject = { alg: 'PS256', kid: 'not-pasted', typ: 'JWT' };
const NO_CLAIMS: JsonObject = { scope: 'not-pasted', iss: 'not-pasted' };

/**
 * People paste decoded tokens: `{"alg":"RS256","kid":""}`, `{"iat":…,"exp":…,"aud":…}`. The token
 * inspector's rules read them as they would a whole JWT; a clock is used only when the paste says
 * when the request was made (an HTTP `Date:` header, "sent at <epoch>").
 */
export function claimEvidence(text: string): ClaimEvidence[] {
  return [...fromObjects(text), ...fromLifetimeFormula(text)];
}

function fromObjects(text: string): ClaimEvidence[] {
  const objects = jsonObjects(text);
  const header = objects.find((o) => typeof o['alg'] === 'string');
  const claims = objects.find((o) => ['iat', 'exp', 'iss', 'aud', 'scope'].some((k) => k in o));
  if (header === undefined && claims === undefined) return [];
  const kind = kindOf(claims, text);
  if (kind === undefined) return [];
  const now = referenceTime(text);
  const ctx: RuleContext = {
    kind,
    header: header ?? NO_HEADER,
    claims: claims ?? NO_CLAIMS,
    now: now ?? 0,
    leeway: 60,
  };
  const findings = [
    ...(kind === 'netsuite-assertion'
      ? assertionFindings(ctx, { use: undefined, clientId: undefined })
      : []),
    ...(now !== undefined && claims !== undefined ? commonFindings(ctx) : []),
  ];
  return findings.flatMap((f) =>
    f.id !== null && f.severity === 'error'
      ? [{ id: f.id, why: `pasted token: ${f.evidence}` }]
      : [],
  );
}

const LIFETIME =
  /\bexp\s*[=:]\s*(?:now|iat|issued_?at)\s*\+\s*(\d+(?:\.\d+)?)\s*(h|hours?|hrs?|m|mins?|minutes?|s|secs?|seconds?|d|days?)?\b/i;
const UNIT_SECONDS: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1, d: 86400 };

/** "exp = now + 8h", "exp=iat+7200": an assertion lifetime written as a formula. */
function fromLifetimeFormula(text: string): ClaimEvidence[] {
  const m = LIFETIME.exec(text);
  if (m === null || kindOf(undefined, text) !== 'netsuite-assertion') return [];
  const unit = (m[2] ?? 's').charAt(0).toLowerCase();
  const seconds = Number(m[1]) * (UNIT_SECONDS[unit] ?? 1);
  if (seconds <= MAX_ASSERTION_SECONDS) return [];
  return [
    {
      id: 'netsuite/TokenValidityTooBroad',
      why: `assertion lifetime ${m[0].trim()} = ${String(seconds)} s; NetSuite allows at most ${String(MAX_ASSERTION_SECONDS)} s`,
    },
  ];
}

function kindOf(claims: JsonObject | undefined, text: string): TokenKind | undefined {
  if (claims !== undefined) {
    const { kind } = classify(claims);
    if (kind !== 'generic') return kind;
  }
  // A bare header is read as a NetSuite assertion only when the text says it is one.
  return /netsuite|suitetalk/i.test(text) && /assertion|m2m|client.credentials/i.test(text)
    ? 'netsuite-assertion'
    : undefined;
}

/** Balanced `{…}` blocks that parse as JSON objects. */
function jsonObjects(text: string): JsonObject[] {
  const out: JsonObject[] = [];
  let from = 0;
  while (out.length < MAX_OBJECTS) {
    const start = text.indexOf('{', from);
    if (start < 0) break;
    const end = closingBrace(text, start);
    from = end < 0 ? start + 1 : end + 1;
    if (end < 0) continue;
    const parsed = parseObject(text.slice(start, end + 1));
    if (parsed !== undefined) out.push(parsed);
  }
  return out;
}

function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  const limit = Math.min(text.length, start + MAX_OBJECT_CHARS);
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function parseObject(source: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(source);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : undefined;
  } catch {
    return undefined;
  }
}

const HTTP_DATE =
  /\bDate\b[^\n:]{0,20}:\s*((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT)/;
const SENT_AT = /\b(?:sent|requested|request made|called|posted)\s+at\s+(\d{10})\b/i;

/** When the request was made, in epoch seconds, if the paste says so. */
function referenceTime(text: string): number | undefined {
  const date = HTTP_DATE.exec(text)?.[1];
  if (date !== undefined) {
    const ms = Date.parse(date);
    if (Number.isFinite(ms)) return Math.floor(ms / 1000);
  }
  const epoch = SENT_AT.exec(text)?.[1];
  return epoch === undefined ? undefined : Number(epoch);
}
