import { isPlaceholder } from '../entropy.js';
import type { SecretFinding } from '../types.js';

const TOKEN = /\b(xox[abprs]|xoxe\.xox[bp]|xoxe|xapp)-[A-Za-z0-9_-]{8,}/g;
const WEBHOOK =
  /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]{16,}/g;

const LABELS: Readonly<Record<string, string>> = {
  xoxb: 'a Slack bot token',
  xoxp: 'a Slack user token',
  xoxa: 'a Slack workspace token',
  xoxr: 'a Slack refresh token',
  xoxs: 'a Slack session token',
  xoxe: 'a Slack rotating token',
  xapp: 'a Slack app-level token',
};

/** Finds Slack API tokens (`xox?-`, `xapp-`) and incoming-webhook URLs. */
export function findSlackTokens(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const m of text.matchAll(TOKEN)) {
    // Real tokens carry numeric ids; `xoxb-your-bot-token` and `xoxb-****` do not.
    if (!/\d/.test(m[0]) || isPlaceholder(m[0])) continue;
    const family = (m[1] ?? 'xox').slice(0, 4);
    const label = LABELS[family] ?? 'a Slack token';
    found.push({
      kind: 'slack-token',
      start: m.index,
      end: m.index + m[0].length,
      label,
      name: family,
    });
  }
  for (const m of text.matchAll(WEBHOOK)) {
    if (isPlaceholder(m[0])) continue;
    const end = m.index + m[0].length;
    found.push({
      kind: 'slack-token',
      start: m.index,
      end,
      label: 'a Slack webhook URL',
      name: 'webhook',
    });
  }
  return found;
}
