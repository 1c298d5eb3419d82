import type { ServerResponse } from 'node:http';
import type { Installation } from '@slack/bolt';

/**
 * The two pages a person sees at the end of Slack's install flow, in their browser: what was
 * installed and what to do next, or why it did not work and how to start again. Every value from
 * Slack or an error is HTML-escaped.
 */

/** What an install failure means for the person, by @slack/oauth's error code. */
interface FailureText {
  readonly status: number;
  readonly title: string;
  readonly body: string;
}

const START_AGAIN = 'Start again from the install link';

const FAILURES: Record<string, FailureText> = {
  slack_oauth_missing_state: {
    status: 400,
    title: 'This install link was not started here',
    body: `Slack sent this browser back without the check value authhelp gave it. ${START_AGAIN}, in this browser. An Enterprise Grid org admin approving an org-wide install from Slack's admin pages needs the operator to set SLACK_STATE_VERIFICATION=0 (see the README).`,
  },
  slack_oauth_invalid_state: {
    status: 400,
    title: 'This install link has expired or belongs to another browser',
    body: `Install links last 10 minutes and work only in the browser that opened them. ${START_AGAIN}.`,
  },
  slack_oauth_missing_code: {
    status: 400,
    title: 'Slack did not send an authorization',
    body: `The page was opened without the code Slack adds after you click Allow. ${START_AGAIN}.`,
  },
  slack_oauth_installer_authorization_error: {
    status: 200,
    title: 'Installation cancelled',
    body: `Nothing was installed. To install authhelp after all, ${START_AGAIN.toLowerCase()}.`,
  },
};

const OTHER_FAILURE: FailureText = {
  status: 500,
  title: 'The installation did not finish',
  body: `Slack or authhelp's store did not complete it, so nothing was installed. ${START_AGAIN}; if it fails again, ask whoever runs authhelp to look for "install failed" in its logs.`,
};

/** Whether an install failure is the visitor's (an old or foreign link), not Slack's or ours. */
export function isVisitorMistake(code: string): boolean {
  return (FAILURES[code]?.status ?? 500) < 500;
}

export function sendSuccessPage(res: ServerResponse, installation: Installation): void {
  const org = installation.isEnterpriseInstall === true;
  const name = org ? installation.enterprise?.name : installation.team?.name;
  const where = org ? 'your Enterprise Grid org' : 'your workspace';
  const steps = [
    ...(org ? [orgStep(installation)] : []),
    'Type <code>/authhelp help</code> in any channel, or paste an error after <code>/authhelp</code>.',
    'Invite it to your support channels with <code>/invite @authhelp</code>: there it answers pasted errors in their thread when it is sure.',
    "Open authhelp's Home tab in Slack for the connection test and the token inspector.",
  ];
  const open =
    !org && installation.team !== undefined
      ? `<p><a href="https://app.slack.com/client/${encodeURIComponent(installation.team.id)}">Open Slack</a></p>`
      : '';
  send(
    res,
    200,
    'authhelp is installed',
    `<p>authhelp is installed in ${name === undefined ? where : `<strong>${escapeHtml(name)}</strong>`}.</p>
<h2>Next</h2>
<ol>${steps.map((s) => `<li>${s}</li>`).join('')}</ol>${open}`,
  );
}

export function sendFailurePage(res: ServerResponse, code: string, installPath: string): void {
  const text = FAILURES[code] ?? OTHER_FAILURE;
  send(
    res,
    text.status,
    text.title,
    `<p>${escapeHtml(text.body)}</p>
<p><a href="${escapeHtml(installPath)}">Install authhelp</a></p>
<p class="code">Reason: ${escapeHtml(code)}</p>`,
  );
}

/** An org-wide install is used in no workspace until an admin adds it to some. */
function orgStep(installation: Installation): string {
  const url = installation.enterpriseUrl;
  const appId = installation.appId;
  if (url === undefined || appId === undefined)
    return "Choose the workspaces that may use it in your org's admin pages (Manage apps).";
  const add = `${url.endsWith('/') ? url : `${url}/`}manage/organization/apps/profile/${encodeURIComponent(appId)}/workspaces/add`;
  return add.startsWith('https://')
    ? `<a href="${escapeHtml(add)}">Choose the workspaces</a> of your org that may use it.`
    : "Choose the workspaces that may use it in your org's admin pages (Manage apps).";
}

function send(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // Nothing on these pages runs or loads from elsewhere.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#eee;padding:0 .2em}.code{color:#666;font-size:.9em}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
