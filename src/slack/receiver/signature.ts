import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Slack signs with a timestamp; one further than this from our clock, either way, is refused. */
const MAX_SKEW_S = 5 * 60;

export type Stamp =
  | { readonly ok: true; readonly timestamp: string; readonly signature: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads Slack's signature headers, before any of the body is read: both present, a `v0=` hex
 * signature, and a timestamp within 5 minutes of now, in the past or the future.
 */
export function readStamp(headers: IncomingHttpHeaders, nowMs: number): Stamp {
  const timestamp = headers['x-slack-request-timestamp'];
  const signature = headers['x-slack-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string')
    return { ok: false, reason: 'unsigned request' };
  if (!/^\d{1,12}$/.test(timestamp) || !/^v0=[0-9a-f]{64}$/.test(signature))
    return { ok: false, reason: 'malformed signature headers' };
  const skew = Number(timestamp) - nowMs / 1000;
  if (skew < -MAX_SKEW_S) return { ok: false, reason: 'timestamp more than 5 minutes old' };
  if (skew > MAX_SKEW_S) return { ok: false, reason: 'timestamp more than 5 minutes ahead' };
  return { ok: true, timestamp, signature };
}

/** HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret, compared in constant time. */
export function signatureMatches(
  secret: string,
  stamp: Stamp & { ok: true },
  body: Buffer,
): boolean {
  const expected = createHmac('sha256', secret)
    .update(`v0:${stamp.timestamp}:`)
    .update(body)
    .digest();
  const given = Buffer.from(stamp.signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
