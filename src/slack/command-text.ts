/** Systems the connection test knows; `/authhelp check <system>`. */
export const CHECK_SYSTEMS = ['workday', 'netsuite', 'oauth2'] as const;
export type CheckSystem = (typeof CHECK_SYSTEMS)[number];

/** What `/authhelp <text>` asks for. Anything that is not a sub-command is an error to diagnose. */
export type CommandRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'list'; readonly system?: string }
  | { readonly kind: 'show'; readonly id: string }
  | { readonly kind: 'check'; readonly system?: string }
  | { readonly kind: 'diagnose'; readonly text: string };

/**
 * Sub-commands are recognised only in their exact short form (`list`, `list workday`, `show <id>`),
 * so a paste that happens to start with "show" or "check" is still diagnosed.
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
  return { kind: 'diagnose', text };
}

export function isCheckSystem(value: string): value is CheckSystem {
  return (CHECK_SYSTEMS as readonly string[]).includes(value);
}
