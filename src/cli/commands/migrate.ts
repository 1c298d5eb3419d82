import { openStore } from '../../adapters/store/open.js';
import type { Command } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { storeConfigOr2 } from '../checked-inputs.js';
import { writeLine } from '../io.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'create or upgrade the store (SQLite file or DATABASE_URL) and reseal installs',
  usage: 'authhelp migrate',
  async run(argv, ctx) {
    const { values } = parseCommandArgs(argv, { help: { type: 'boolean', short: 'h' } }, 0);
    if (values.help === true) {
      writeLine(ctx.io.stdout, `usage: ${this.usage}`);
      return 0;
    }
    const config = await storeConfigOr2(ctx);
    if (config === 2) return 2;
    // Opening applies pending migrations (under a lock, so running instances are safe).
    const store = await openStore(config, { sweepEveryMs: 0, checkpointEveryMs: 0 });
    try {
      const schema =
        store.migrated.length === 0 ? 'up to date' : `applied ${store.migrated.join(', ')}`;
      writeLine(ctx.io.stdout, `store: ${store.backend} ${store.location}: ${schema}`);
      // After a key rotation (new key first in AUTHHELP_ENCRYPTION_KEY) this moves installs to it.
      const keyId = config.encryptionKeys[0]?.id;
      if (keyId === undefined) return 0;
      const sealed = await store.installations.reseal();
      writeLine(
        ctx.io.stdout,
        `installations: ${sealed.total} stored, ${sealed.resealed} resealed under key ${keyId}`,
      );
      if (sealed.unreadable === 0) return 0;
      writeLine(
        ctx.io.stderr,
        `authhelp: ${sealed.unreadable} installation(s) open with none of the configured keys; add the old key back to AUTHHELP_ENCRYPTION_KEY`,
      );
      return 1;
    } finally {
      await store.close();
    }
  },
};
