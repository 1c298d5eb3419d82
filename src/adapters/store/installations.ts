import type {
  Installation,
  InstallationQuery,
  InstallationStore as BoltInstallationStore,
} from '@slack/bolt';
import { AuthHelpError } from '../../core/errors.js';
import type { Sealer } from './sealing.js';
import type { Sql } from './sql.js';

/**
 * Bolt's InstallationStore for multi-workspace installs: one row per workspace, or per Enterprise
 * Grid org for org-wide installs (Bolt's own stores key them the same way). The installation,
 * which holds the bot token, is sealed whole; only its scope and the key id stay readable.
 */
export interface InstallationStore extends BoltInstallationStore {
  storeInstallation(installation: Installation): Promise<void>;
  /** Rejects with NOT_INSTALLED when there is none (Bolt's authorize expects a throw). */
  fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation>;
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  /**
   * After a key rotation: seals every installation still under an older key with the newest.
   * Rows that do not open (altered, or their key is gone) are counted and left as they are.
   */
  reseal(): Promise<ResealResult>;
}

export interface ResealResult {
  readonly resealed: number;
  readonly unreadable: number;
  readonly total: number;
}

interface Scope {
  readonly scope: 'team' | 'enterprise';
  readonly id: string;
}

interface Row {
  scope: 'team' | 'enterprise';
  scope_id: string;
  key_id: string;
  box: string;
}

/** `now`: milliseconds since the epoch (the store's Clock; declared here so types.ts may import this file). */
export function sqlInstallationStore(
  sql: Sql,
  sealer: Sealer,
  now: () => number,
): InstallationStore {
  const read = async (where: Scope): Promise<Row | undefined> => {
    const rows = await sql.all<Row>(
      'SELECT scope, scope_id, key_id, box FROM installations WHERE scope = ? AND scope_id = ?',
      [where.scope, where.id],
    );
    return rows[0];
  };
  return {
    async storeInstallation(installation) {
      const where = scopeOfInstallation(installation);
      const sealed = sealer.seal(JSON.stringify(installation), aad(where));
      const t = now();
      await sql.all(
        `INSERT INTO installations (scope, scope_id, key_id, box, installed_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope, scope_id) DO UPDATE SET
           key_id = excluded.key_id, box = excluded.box, updated_at = excluded.updated_at`,
        [where.scope, where.id, sealed.keyId, sealed.box, t, t],
      );
    },
    async fetchInstallation(query) {
      const where = scopeOfQuery(query);
      const row = await read(where);
      if (row === undefined)
        throw new AuthHelpError('NOT_INSTALLED', `no installation for ${where.scope} ${where.id}`, {
          context: { scope: where.scope, id: where.id },
        });
      return JSON.parse(
        sealer.open({ keyId: row.key_id, box: row.box }, aad(where)),
      ) as Installation;
    },
    async deleteInstallation(query) {
      const where = scopeOfQuery(query);
      await sql.all('DELETE FROM installations WHERE scope = ? AND scope_id = ?', [
        where.scope,
        where.id,
      ]);
    },
    async reseal() {
      const rows = await sql.all<Row>('SELECT scope, scope_id, key_id, box FROM installations');
      let resealed = 0;
      let unreadable = 0;
      for (const row of rows) {
        if (row.key_id === sealer.currentKeyId) continue;
        const where = { scope: row.scope, id: row.scope_id };
        let plain: string;
        try {
          plain = sealer.open({ keyId: row.key_id, box: row.box }, aad(where));
        } catch {
          unreadable += 1;
          continue;
        }
        const sealed = sealer.seal(plain, aad(where));
        // Only if nobody re-installed meanwhile: a newer install is already under the new key.
        const done = await sql.all(
          `UPDATE installations SET key_id = ?, box = ?, updated_at = ?
           WHERE scope = ? AND scope_id = ? AND key_id = ? AND box = ? RETURNING scope`,
          [sealed.keyId, sealed.box, now(), row.scope, row.scope_id, row.key_id, row.box],
        );
        resealed += done.length;
      }
      return { resealed, unreadable, total: rows.length };
    },
  };
}

function scopeOfInstallation(installation: Installation): Scope {
  if (installation.isEnterpriseInstall === true && installation.enterprise !== undefined)
    return { scope: 'enterprise', id: installation.enterprise.id };
  if (installation.team !== undefined) return { scope: 'team', id: installation.team.id };
  throw new AuthHelpError('INPUT_INVALID', 'an installation has neither a team nor an org id');
}

function scopeOfQuery(query: InstallationQuery<boolean>): Scope {
  if (query.isEnterpriseInstall && query.enterpriseId !== undefined)
    return { scope: 'enterprise', id: query.enterpriseId };
  if (query.teamId !== undefined) return { scope: 'team', id: query.teamId };
  throw new AuthHelpError(
    'INPUT_INVALID',
    'an installation query has neither a team nor an org id',
  );
}

function aad(where: Scope): string {
  return `authhelp/installation/${where.scope}/${where.id}`;
}
