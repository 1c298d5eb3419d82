import { findJwts } from '../../core/secrets/rules/jwt.js';

export type TokenCommand =
  | { readonly kind: 'inspect'; readonly token: string }
  | { readonly kind: 'open-modal' }
  | { readonly kind: 'other' };

/**
 * Which `/authhelp` texts the inspector answers: `inspect` (opens the modal), `inspect <token>`, or a
 * text that is nothing but one JWT (optionally after `Bearer `). Anything else is left to the
 * diagnoser, so a pasted error that quotes a token is still diagnosed.
 */
export function parseTokenCommand(raw: string): TokenCommand {
  const text = raw.trim();
  if (/^inspect$/i.test(text)) return { kind: 'open-modal' };
  const rest = text.replace(/^inspect\s+/i, '');
  const explicit = rest !== text;
  const bare = rest.replace(/^bearer\s+/i, '').trim();
  const tokens = findJwts(bare);
  const [only] = tokens;
  if (only !== undefined && tokens.length === 1 && only.start === 0 && only.end === bare.length) {
    return { kind: 'inspect', token: bare };
  }
  return explicit ? { kind: 'inspect', token: rest } : { kind: 'other' };
}
