import { createHash } from 'node:crypto';

/** What may be logged about a paste: its length and a short hash to correlate reports. Never the text. */
export function pasteFields(text: string): { inputLength: number; textHash: string } {
  return {
    inputLength: text.length,
    textHash: createHash('sha256').update(text).digest('hex').slice(0, 12),
  };
}

/** A failure as a log field: class, Slack error code or HTTP status, never request data. */
export function errorFields(error: unknown): Record<string, string | number> {
  if (!(error instanceof Error)) return { error: typeof error };
  const out: Record<string, string | number> = { error: error.name };
  const e = error as Error & { code?: unknown; data?: { error?: unknown }; statusCode?: unknown };
  if (typeof e.code === 'string') out['code'] = e.code;
  if (typeof e.data?.error === 'string') out['slackError'] = e.data.error;
  if (typeof e.statusCode === 'number') out['status'] = e.statusCode;
  out['message'] = error.message.slice(0, 200);
  return out;
}
