import type { Harness } from './harness.js';
import { repliesTo } from './harness.js';

export interface Button {
  readonly action_id: string;
  readonly value?: string;
  readonly text: { readonly text: string };
}

interface Block {
  readonly type: string;
  readonly block_id?: string;
  readonly elements?: Button[];
}

/** Every button in a recorded message or view. */
export function buttons(payload: Record<string, unknown>): Button[] {
  return ((payload['blocks'] ?? []) as Block[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);
}

export function button(payload: Record<string, unknown>, actionId: string): Button {
  const found = buttons(payload).find((b) => b.action_id === actionId);
  if (found === undefined) throw new Error(`no button ${actionId} in ${JSON.stringify(payload)}`);
  return found;
}

/** The entry id an answer shows (its context line starts with the id in backticks). */
export function shownId(payload: Record<string, unknown>): string | undefined {
  const blocks = (payload['blocks'] ?? []) as { type: string; elements?: { text?: string }[] }[];
  for (const b of blocks) {
    const m = b.type === 'context' ? /^`([^`]+)`/.exec(b.elements?.[0]?.text ?? '') : null;
    if (m?.[1] !== undefined) return m[1];
  }
  return undefined;
}

/** Sends `/authhelp <text>` and returns the private answer it produced. */
export async function askCommand(h: Harness, text: string): Promise<Record<string, unknown>> {
  const { responseUrl } = await h.command(text);
  await h.standIn.waitFor(() => repliesTo(h.standIn, responseUrl).length > 0);
  return repliesTo(h.standIn, responseUrl)[0]!.body;
}

/** Clicks a button with a fresh response_url and returns what was posted to it. */
export async function clickAndReply(
  h: Harness,
  actionId: string,
  value: string | undefined,
): Promise<{ status: number; replies: Record<string, unknown>[] }> {
  const responseUrl = h.standIn.responseUrl();
  const res = await h.click({ actionId, responseUrl, ...(value === undefined ? {} : { value }) });
  await h.standIn.waitFor(() => repliesTo(h.standIn, responseUrl).length > 0);
  return { status: res.status, replies: repliesTo(h.standIn, responseUrl).map((c) => c.body) };
}
