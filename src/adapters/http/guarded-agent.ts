import { isIP, type LookupFunction } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import { Agent, buildConnector } from 'undici';
import type { TargetPolicy } from '../../core/check/types.js';
import { BlockedAddressError, classifyAddress, isAllowedAddress } from './address-policy.js';

interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** DNS port: every address a name resolves to (tests inject a fake one). */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export const LIMITS = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  maxBodyBytes: 64 * 1024,
} as const;

export interface GuardOptions {
  readonly policy: TargetPolicy;
  readonly resolve?: Resolver;
  readonly connectTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
  readonly maxBodyBytes?: number;
}

/**
 * A lookup that answers only if every resolved address is allowed. Node asks with `all: true`
 * (autoSelectFamily), so both callback shapes are served.
 */
function guardedLookup(resolve: Resolver, policy: TargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const bad = addresses.find((a) => !isAllowedAddress(a.address, policy));
        const first = addresses[0];
        if (bad !== undefined) {
          callback(new BlockedAddressError(hostname, classifyAddress(bad.address)), '', 0);
        } else if (first === undefined) {
          callback(
            Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
            '',
            0,
          );
        } else if (options.all === true) {
          (callback as (e: null, a: ResolvedAddress[]) => void)(null, [...addresses]);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (err: unknown) => {
        callback(err as NodeJS.ErrnoException, '', 0);
      },
    );
  };
}

/**
 * The connector checks IP-literal hosts itself (they never reach a lookup hook) and hands names to the
 * guarded lookup; host name and SNI stay untouched so certificate checks still work.
 */
function guardedConnector(options: GuardOptions): buildConnector.connector {
  const base = buildConnector({
    timeout: options.connectTimeoutMs ?? LIMITS.connectTimeoutMs,
    lookup: guardedLookup(options.resolve ?? systemResolver, options.policy),
  });
  return (opts, callback) => {
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0 && !isAllowedAddress(host, options.policy)) {
      callback(new BlockedAddressError(host, classifyAddress(host)), null);
      return;
    }
    base(opts, callback);
  };
}

/** A fresh agent per check: guarded connector, no proxy, no redirects, capped and timed answers. */
export function createGuardedAgent(options: GuardOptions): Agent {
  return new Agent({
    connect: guardedConnector(options),
    headersTimeout: options.headersTimeoutMs ?? LIMITS.totalTimeoutMs,
    bodyTimeout: options.headersTimeoutMs ?? LIMITS.totalTimeoutMs,
    maxResponseSize: options.maxBodyBytes ?? LIMITS.maxBodyBytes,
    keepAliveTimeout: 1_000,
  });
}
