import type { CheckSystem } from '../core/check/types.js';
import { findJwts } from '../core/secrets/rules/jwt.js';

/** Systems the connection test knows: `/authhelp check <system>`. */
export const CHECK_SYSTEMS: readonly CheckSystem[] = ['workday', 'netsuite', 'oauth2'];

/**
 * Everything `/authhelp <text>` can ask for. Anything that is not a sub-command or a token is an
 * error to diagnose.
 */
export type CommandRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'list'; readonly system?: string }
  | { readonly kind: 'show'; readonly id: string }
  | { readonly kind: 'check'; readonly system?: string }
  /** `inspect` alone: open the token inspector's modal. */
  | { readonly kind: 'inspect-form' }
  /** `inspect <text>`, or a text that is nothing but one JWT (optionally after `Bearer `). */
  | { readonly kind: 'inspect'; readonly token: string }
  | { readonly kind: 'diagnose'; readonly text: string };

/**
 * Sub-commands are recognised only in their exact short form (`list`, `list workday`, `show <id>`),
 * so a paste that happens to start with "show" or "check" is still diagnosed; a paste that quotes
 * a token among other text is diagnosed too.
 */
export function parseCommandText(raw: string): CommandRequest {
  const text = raw.trim();
  const words = text.split(/\s+/).filter((w) => w !== '');
  const [first, second, ...rest] = words;
  const verb = first?.toLowerCase();
  if (verb === undefined || ((verb === 'help' || verb === '?') && second === undefined))
    return { kind: 'help' };
  if (rest.length === 0) {
    if (verb === 'list')
      return second === undefined
        ? { kind: 'list' }
        : { kind: 'list', system: second.toLowerCase() };
    if (verb === 'show' && second !== undefined) return { kind: 'show', id: second };
    if (verb === 'check')
      return second === undefined
        ? { kind: 'check' }
        : { kind: 'check', system: second.toLowerCase() };
  }
  if (verb === 'inspect') {
    const after = text.slice(first?.length ?? 0).trim();
    return after === '' ? { kind: 'inspect-form' } : { kind: 'inspect', token: tokenIn(after) };
  }
  const token = onlyToken(text);
  return token === undefined ? { kind: 'diagnose', text } : { kind: 'inspect', token };
}

export function isCheckSystem(value: string): value is CheckSystem {
  return (CHECK_SYSTEMS as readonly string[]).includes(value);
}

/** After `inspect`: the token without its `Bearer `, or the text as given when it is no JWT. */
function tokenIn(text: string): string {
  return onlyToken(text) ?? text;
}

/** The text when it is exactly one JWT, optionally after `Bearer `. */
function onlyToken(text: string): string | undefined {
  const bare = text.replace(/^bearer\s+/i, '').trim();
  const tokens = findJwts(bare);
  const [only] = tokens;
  return only !== undefined && tokens.length === 1 && only.start === 0 && only.end === bare.length
    ? bare
    : undefined;
}
