import type { JobPayload, JobSpec } from '../../adapters/store/jobs/types.js';
import type { Sealed, Sealer } from '../../adapters/store/sealing.js';
import { AuthHelpError } from '../../core/errors.js';
import type { Delivery } from './delivery.js';
import type { Origin } from './origin.js';
import type { Owed, StoreKey } from './owed.js';

/** A reply as the job handler reads it back from the store. */
export interface SlackJob {
  readonly delivery: Delivery;
  /** Ids for log lines (never a response_url or a paste). */
  readonly origin: Origin;
  readonly claim?: StoreKey;
  readonly forgetOnFailure?: Omit<StoreKey, 'ttlMs'>;
  readonly then: readonly Owed[];
  /** Apologies to try in turn if this reply cannot be delivered (empty: nobody is waiting). */
  readonly fallbacks: readonly Delivery[];
}

const MINUTE = 60_000;
/** How long sending stays useful: a response_url lives 30 minutes, a trigger_id 3 seconds. */
const LIFETIME_MS: Record<Delivery['kind'], number> = {
  respond: 29 * MINUTE,
  post: 30 * MINUTE,
  ephemeral: 30 * MINUTE,
  'open-view': 3_000,
  'update-view': 30 * MINUTE,
  'publish-home': 10 * MINUTE,
};

/** Where a response_url is sealed to: a sealed URL copied into another field will not open. */
const URL_CONTEXT = 'slack.response_url';

/**
 * Turns owed replies into jobs and back. A response_url lets anyone post into that conversation
 * for 30 minutes, so with AUTHHELP_ENCRYPTION_KEY set it is sealed (AES-256-GCM) in the store;
 * without a key it is stored as it is, like the rest of the reply.
 */
export function slackJobCodec(sealer: Sealer): {
  encode(origin: Origin, item: Owed, fallbacks: readonly Delivery[], now: number): JobSpec;
  decode(payload: JobPayload): SlackJob;
} {
  const sealUrl = (url: string): string | Sealed =>
    sealer.currentKeyId === undefined ? url : sealer.seal(url, URL_CONTEXT);
  const openUrl = (url: unknown): string => {
    if (typeof url === 'string') return url;
    const sealed = url as Sealed;
    return sealer.open(sealed, URL_CONTEXT);
  };
  const sealDelivery = (d: Delivery): unknown =>
    d.kind === 'respond' ? { ...d, responseUrl: sealUrl(d.responseUrl) } : d;
  const openDelivery = (raw: unknown): Delivery => {
    const d = raw as Delivery & { responseUrl?: unknown };
    return d.kind === 'respond' ? { ...d, responseUrl: openUrl(d.responseUrl) } : d;
  };
  const sealOwed = (o: Owed): unknown => ({
    ...o,
    delivery: sealDelivery(o.delivery),
    ...(o.then === undefined ? {} : { then: o.then.map(sealOwed) }),
  });
  const openOwed = (raw: unknown): Owed => {
    const o = raw as Owed;
    return {
      ...o,
      delivery: openDelivery(o.delivery),
      ...(o.then === undefined ? {} : { then: o.then.map(openOwed) }),
    };
  };
  return {
    encode(origin, item, fallbacks, now) {
      const d = item.delivery;
      const channel = conversationOf(d, origin);
      const payload: JobPayload = {
        v: 1,
        delivery: sealDelivery(d),
        origin: logOrigin(origin),
        ...(item.claim === undefined ? {} : { claim: item.claim }),
        ...(item.forgetOnFailure === undefined ? {} : { forget: item.forgetOnFailure }),
        ...(item.then === undefined || item.then.length === 0
          ? {}
          : { then: item.then.map(sealOwed) }),
        ...(fallbacks.length === 0 ? {} : { fallbacks: fallbacks.map(sealDelivery) }),
      };
      const start = Math.max(now, item.notBefore ?? now);
      return {
        kind: `slack.${d.kind}`,
        payload,
        ...(channel === undefined ? {} : { channel }),
        deadline: start + LIFETIME_MS[d.kind],
        ...(item.notBefore === undefined ? {} : { notBefore: item.notBefore }),
      };
    },
    decode(payload) {
      const p = payload as {
        v?: unknown;
        delivery?: unknown;
        origin?: Origin;
        claim?: StoreKey;
        forget?: Omit<StoreKey, 'ttlMs'>;
        then?: unknown[];
        fallbacks?: unknown[];
      };
      if (p.v !== 1 || typeof p.delivery !== 'object' || p.origin === undefined)
        throw new AuthHelpError(
          'STORE_INVALID',
          'a stored reply is not in a format this version reads',
        );
      return {
        delivery: openDelivery(p.delivery),
        origin: p.origin,
        ...(p.claim === undefined ? {} : { claim: p.claim }),
        ...(p.forget === undefined ? {} : { forgetOnFailure: p.forget }),
        then: (p.then ?? []).map(openOwed),
        fallbacks: (p.fallbacks ?? []).map(openDelivery),
      };
    },
  };
}

/** The per-conversation lane a reply runs in, so one slow conversation cannot hold every slot. */
function conversationOf(d: Delivery, origin: Origin): string | undefined {
  if (d.kind === 'post' || d.kind === 'ephemeral') return d.channel;
  if (origin.channel !== undefined) return origin.channel;
  return origin.user === undefined ? undefined : `user:${origin.user}`;
}

function logOrigin(origin: Origin): Origin {
  const { responseUrl: _url, ...rest } = origin;
  return rest;
}
