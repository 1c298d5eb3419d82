import { MASK } from './scrub.js';

/** A token-endpoint answer read leniently: vendors send `expires_in` as a number or a string. */
export interface TokenReply {
  readonly status: number;
  readonly json: Record<string, unknown> | null;
  readonly oauthError?: string;
  readonly errorDescription?: string;
  readonly accessToken?: string;
  readonly tokenType?: string;
  readonly expiresIn?: number;
  readonly wwwAuthenticate?: string;
  readonly location?: string;
  readonly contentType: string;
}

export function parseTokenReply(
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string,
): TokenReply {
  const json = parseJsonObject(body);
  const str = (k: string): string | undefined => {
    const v = json?.[k];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const expiresIn = parseExpiresIn(json?.['expires_in']);
  const fields: Record<string, string | number | undefined> = {
    oauthError: str('error'),
    errorDescription: str('error_description'),
    accessToken: str('access_token'),
    tokenType: str('token_type'),
    expiresIn,
    wwwAuthenticate: headers['www-authenticate'],
    location: headers['location'],
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { status, json, contentType: headers['content-type'] ?? '', ...defined };
}

function parseJsonObject(body: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function parseExpiresIn(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** `error="insufficient_scope"` from a `WWW-Authenticate: Bearer …` header (RFC 6750 §3). */
export function bearerError(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return /\berror\s*=\s*"?([A-Za-z_]+)"?/.exec(header)?.[1];
}

/**
 * A short excerpt of an answer that is already masked: flattened, capped, and never ending inside a
 * mask (half a mask would read like another value).
 */
export function bodyExcerpt(body: string, max = 160): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let end = max - 1;
  const mask = flat.lastIndexOf(MASK, end);
  if (mask >= 0 && mask + MASK.length > end) end = mask;
  return `${flat.slice(0, end)}…`;
}
