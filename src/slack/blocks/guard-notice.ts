import type { Inspection } from '../../core/jwt/types.js';
import type { SecretFinding } from '../../core/secrets/types.js';
import { context, escapeMrkdwn, section } from './limits.js';
import { message, type SlackMessage } from './message.js';
import { familyOf, rotationLines, type CredentialFamily, type Vendor } from './rotation.js';

/** What the guard says about one credential, derived from the finding; never the value. */
export interface CredentialNote {
  readonly label: string;
  readonly family: CredentialFamily;
  readonly vendor: Vendor;
  /** For a JWT: what it is and whether it is still valid ("a NetSuite refresh token, expires in 6 d"). */
  readonly detail?: string;
}

/**
 * Describes each credential found in `text`. A JWT is inspected (never shown) so the note can say
 * what it is and how long it stays usable.
 */
export function describeCredentials(
  text: string,
  findings: readonly SecretFinding[],
  inspect: (token: string) => Inspection,
): CredentialNote[] {
  return findings.map((f) => {
    const base = { label: f.label, family: familyOf(f) };
    if (f.kind !== 'jwt') return { ...base, vendor: 'unknown' };
    const inspection = inspect(text.slice(f.start, f.end));
    const vendor: Vendor = inspection.kind.startsWith('netsuite')
      ? 'netsuite'
      : inspection.kind.startsWith('workday')
        ? 'workday'
        : 'unknown';
    const exp = inspection.times.find((t) => t.claim === 'exp');
    const family =
      inspection.kind === 'netsuite-refresh'
        ? 'refresh-token'
        : inspection.kind === 'netsuite-assertion'
          ? 'assertion'
          : base.family;
    const detail = inspection.decoded
      ? `${inspection.kindLabel}${exp === undefined ? '' : `, ${exp.relative}`}`
      : undefined;
    return { ...base, family, vendor, ...(detail === undefined ? {} : { detail }) };
  });
}

/**
 * The private note to the poster: what it looks like, delete the message, rotate it and how. It
 * names kinds only; the value is never repeated.
 */
export function guardNotice(notes: readonly CredentialNote[]): SlackMessage {
  const kinds = [
    ...new Set(notes.map((n) => (n.detail === undefined ? n.label : `${n.label} (${n.detail})`))),
  ];
  const what = escapeMrkdwn(
    kinds.length === 1 ? (kinds[0] ?? 'a credential') : kinds.map((k) => `\n• ${k}`).join(''),
  );
  const rotate = rotationLines(notes);
  return message(
    'Your message looks like it contains a live credential: delete it and rotate the credential.',
    [
      section(`:warning: *Your message looks like it contains a live credential:* ${what}`),
      section(
        "*Please delete the message* (hover it → ⋯ → Delete message; I can't delete other people's messages) and *rotate the credential*: anyone in the channel may already have copied it, and deleting does not undo that.",
      ),
      ...(rotate.length === 0 ? [] : [section(`*How to rotate it*\n${rotate.join('\n')}`)]),
      context(
        'Only you can see this. I did not store the credential; anything I answer in this channel is based on the text with it masked. To check a token privately, use `/authhelp &lt;token&gt;`.',
      ),
    ],
  );
}
