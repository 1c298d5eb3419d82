import { AuthHelpError } from '../../core/errors.js';
import { batched } from './jobs/batch.js';
import { toNumber, type Sql } from './sql.js';
import type { Clock, HitResult, KeyStore } from './types.js';

const NAMESPACE = /^[a-z][a-z0-9-]{0,31}$/;
const MAX_KEY_LENGTH = 512;

interface Claim {
  readonly namespace: string;
  readonly key: string;
  readonly expiresAt: number;
}

/**
 * Expiring keys and windowed counters in two tables; every call is one atomic statement. On
 * PostgreSQL the claims of one event-loop turn (every signed request claims one before its ack)
 * are one statement: a round trip each queued the acks behind one another under load.
 */
export function sqlKeyStore(sql: Sql, now: Clock): KeyStore {
  const claimAll = (claims: readonly Claim[]) => claimKeys(sql, claims, now());
  const claim = sql.dialect === 'postgres' ? batched(claimAll) : undefined;
  return {
    async claimOnce(namespace, key, ttlMs) {
      checkKey(namespace, key, ttlMs);
      const c = { namespace, key, expiresAt: now() + ttlMs };
      return claim === undefined ? ((await claimAll([c]))[0] ?? false) : claim(c);
    },
    async forget(namespace, key) {
      checkKey(namespace, key, 1);
      await sql.all('DELETE FROM store_keys WHERE namespace = ? AND key = ?', [namespace, key]);
    },
    async hit(namespace, key, limit, windowMs) {
      checkKey(namespace, key, windowMs);
      const t = now();
      const rows = await sql.all<{ count: unknown; window_start: unknown }>(
        `INSERT INTO store_counters AS c (namespace, key, window_start, expires_at, count)
         VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (namespace, key) DO UPDATE SET
           count = CASE WHEN c.expires_at <= CAST(? AS BIGINT) THEN 1
                        ELSE MIN_FN(c.count + 1, CAST(? AS BIGINT)) END,
           window_start = CASE WHEN c.expires_at <= CAST(? AS BIGINT) THEN excluded.window_start
                               ELSE c.window_start END,
           expires_at = CASE WHEN c.expires_at <= CAST(? AS BIGINT) THEN excluded.expires_at
                             ELSE c.expires_at END
         RETURNING count, window_start`.replace(
          'MIN_FN',
          sql.dialect === 'sqlite' ? 'MIN' : 'LEAST',
        ),
        [namespace, key, t, t + windowMs, t, limit + 1, t, t],
      );
      return hitResult(rows[0], limit, windowMs, t);
    },
  };
}

/**
 * Inserts each key, or takes over an expired row; a live row is left alone and does not come
 * back. A key asked for twice in one batch is granted to its first asker only.
 */
async function claimKeys(sql: Sql, claims: readonly Claim[], t: number): Promise<boolean[]> {
  const id = (c: Claim) => `${c.namespace}\u0000${c.key}`;
  const first = new Map<string, Claim>();
  for (const c of claims) if (!first.has(id(c))) first.set(id(c), c);
  const unique = [...first.values()];
  const rows = await sql.all<{ namespace: string; key: string }>(
    `INSERT INTO store_keys AS k (namespace, key, expires_at)
     VALUES ${unique.map(() => '(?, ?, CAST(? AS BIGINT))').join(', ')}
     ON CONFLICT (namespace, key) DO UPDATE SET expires_at = excluded.expires_at
     WHERE k.expires_at <= CAST(? AS BIGINT)
     RETURNING namespace, key`,
    [...unique.flatMap((c) => [c.namespace, c.key, c.expiresAt]), t],
  );
  const won = new Set(rows.map((r) => id(r as Claim)));
  return claims.map((c) => won.has(id(c)) && first.get(id(c)) === c);
}

function hitResult(
  row: { count: unknown; window_start: unknown } | undefined,
  limit: number,
  windowMs: number,
  t: number,
): HitResult {
  const count = toNumber(row?.count ?? 1);
  if (count <= limit) return { allowed: true, count, retryAfterMs: 0 };
  const ends = toNumber(row?.window_start ?? t) + windowMs;
  return { allowed: false, count, retryAfterMs: Math.max(1, ends - t) };
}

/** Keys come from Slack payloads: bounded here so a bad caller fails loudly, not the database. */
function checkKey(namespace: string, key: string, ms: number): void {
  if (!NAMESPACE.test(namespace) || key.length === 0 || key.length > MAX_KEY_LENGTH || !(ms > 0))
    throw new AuthHelpError('INTERNAL', 'invalid store key, namespace or duration', {
      context: { namespace: namespace.slice(0, 40), keyLength: key.length },
    });
}

/** Statements for `Store.sweep`: expired keys and counters go. */
export async function sweepKeys(sql: Sql, t: number): Promise<void> {
  await sql.all('DELETE FROM store_keys WHERE expires_at <= ?', [t]);
  await sql.all('DELETE FROM store_counters WHERE expires_at <= ?', [t]);
}
