import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Slack's request signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret. */
function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  readonly timestamp?: number;
  /** Omit the signature headers entirely. */
  readonly unsigned?: boolean;
  readonly secret?: string;
  readonly headers?: Record<string, string>;
}

export interface SlackResponse {
  readonly status: number;
  readonly text: string;
  /** Milliseconds until the app answered (acked). */
  readonly ms: number;
}

/** POSTs a body to the app exactly as Slack would, signed unless told otherwise. */
export async function sendSigned(
  url: string,
  body: string,
  contentType: string,
  options: SendOptions = {},
): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, ...options.headers };
  if (options.unsigned !== true) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = signature(body, timestamp, options.secret);
  }
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}
