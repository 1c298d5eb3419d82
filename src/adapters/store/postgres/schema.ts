/** PostgreSQL migrations for authhelp's own tables (the job queue is pg-boss's, migrated by it). */
import type { Migration } from '../migrations.js';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    name: '001-keys-jobs-installations',
    sql: `
      CREATE TABLE store_keys (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        PRIMARY KEY (namespace, key)
      );
      CREATE INDEX store_keys_expiry ON store_keys (expires_at);

      CREATE TABLE store_counters (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        count BIGINT NOT NULL,
        PRIMARY KEY (namespace, key)
      );
      CREATE INDEX store_counters_expiry ON store_counters (expires_at);

      CREATE TABLE installations (
        scope TEXT NOT NULL CHECK (scope IN ('team', 'enterprise')),
        scope_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        box TEXT NOT NULL,
        installed_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (scope, scope_id)
      );
    `,
  },
];
