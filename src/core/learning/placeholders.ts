/**
 * What stands in for a variable part of a paste in its template. Upper-case names in angle brackets
 * (as in Drain3's masking) so they cannot be mistaken for XML tags (`<faultstring>`) or Slack markup.
 */
export const PLACEHOLDER = {
  account: '<ACCOUNT>',
  email: '<EMAIL>',
  hex: '<HEX>',
  host: '<HOST>',
  id: '<ID>',
  ip: '<IP>',
  num: '<NUM>',
  string: '<STR>',
  tenant: '<TENANT>',
  time: '<TIME>',
  user: '<USER>',
  uuid: '<UUID>',
} as const;

/** A position where pastes of one template differ (Drain's wildcard). */
export const WILDCARD = '<*>';

const ANY_PLACEHOLDER = /<(?:ACCOUNT|EMAIL|HEX|HOST|ID|IP|NUM|STR|TENANT|TIME|USER|UUID|\*)>/;

/** Whether a template token holds a placeholder or the wildcard anywhere in it. */
export function hasPlaceholder(token: string): boolean {
  return ANY_PLACEHOLDER.test(token);
}
