import { requestReload } from '../../adapters/reload-requests.js';
import { openStore } from '../../adapters/store/open.js';
import { buildCatalogue } from '../../core/catalogue/load.js';
import { catalogueVersion } from '../../core/learning/catalogue-version.js';
import type { Command } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { lintedKnowledge, storeConfigOr2 } from '../checked-inputs.js';
import { writeLine } from '../io.js';

export const reloadCommand: Command = {
  name: 'reload',
  summary: 'validate the catalogue, then ask every running app on this store to reload it',
  usage: 'authhelp reload [DIR]',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { help: { type: 'boolean', short: 'h' } },
      1,
    );
    if (values.help === true) {
      writeLine(ctx.io.stdout, `usage: ${this.usage}`);
      return 0;
    }
    const dir = positionals[0] ?? ctx.knowledgeDir;
    // The apps would refuse it too, but only in their logs: say so here, and ask nothing.
    const linted = lintedKnowledge(dir, ctx);
    if ('code' in linted) {
      if (linted.problems > 0)
        writeLine(ctx.io.stderr, `${linted.problems} problem(s) in ${dir}: no reload requested`);
      return linted.code;
    }
    const config = await storeConfigOr2(ctx);
    if (config === 2) return 2;
    const version = catalogueVersion(buildCatalogue(linted.sources));
    const store = await openStore(config, { sweepEveryMs: 0, checkpointEveryMs: 0 });
    try {
      await requestReload(store.keys);
      writeLine(
        ctx.io.stdout,
        `reload requested on ${store.backend} ${store.location}: running apps re-read their knowledge directory within a few seconds (this one is catalogue ${version})`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
