import ipaddr from 'ipaddr.js';
import type { TargetPolicy } from '../../core/check/types.js';

/**
 * Default deny: only addresses ipaddr.js classifies as `unicast` (public) pass. `process()` unwraps
 * IPv4-mapped IPv6 (::ffff:127.0.0.1), so those are judged as the IPv4 address they are. The
 * deprecated IPv4-compatible form (::/96, e.g. ::7f00:1 for 127.0.0.1) is not unwrapped and
 * ipaddr.js calls it `unicast`, so it gets its own denied range; `::` and `::1` keep theirs.
 */
export function classifyAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return 'invalid';
  const parsed = ipaddr.process(bare);
  const range = parsed.range();
  if (parsed.kind() === 'ipv6' && range === 'unicast' && isIpv4Compatible(parsed as ipaddr.IPv6)) {
    return 'ipv4Compatible';
  }
  return range;
}

/** First 96 bits zero. `::` and `::1` also match but ipaddr.js already names them, so never reach here. */
function isIpv4Compatible(address: ipaddr.IPv6): boolean {
  return address.parts.slice(0, 6).every((part) => part === 0);
}

/** With allowLocalTargets also 127.0.0.0/8 and ::1, and no other private range. */
export function isAllowedAddress(address: string, policy: TargetPolicy): boolean {
  const range = classifyAddress(address);
  return range === 'unicast' || (policy.allowLocalTargets && range === 'loopback');
}

/** Raised inside the connector; the transport turns it into a `blocked` network failure. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  readonly code = 'AUTHHELP_BLOCKED_ADDRESS';
  readonly range: string;
  readonly host: string;

  constructor(host: string, range: string) {
    // The address itself is not shown: it would reveal how internal names resolve.
    super(`${host} resolves to a ${range} address, which is not allowed`);
    this.host = host;
    this.range = range;
  }
}
