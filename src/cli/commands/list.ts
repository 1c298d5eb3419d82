import type { Command } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, writeLine } from '../io.js';

export const listCommand: Command = {
  name: 'list',
  summary: 'list catalogue entries, optionally of one system',
  usage: 'authhelp list [SYSTEM] [--json]',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      1,
    );
    if (values.help === true) {
      writeLine(ctx.io.stdout, `usage: ${this.usage}`);
      return 0;
    }
    const catalogue = await ctx.loadCatalogue();
    const system = positionals[0]?.toLowerCase();
    if (system !== undefined && !catalogue.systemNames().includes(system)) {
      throw new UsageError(
        `unknown system "${system}" (known: ${catalogue.systemNames().join(', ')})`,
      );
    }
    const entries = system === undefined ? catalogue.entries : catalogue.bySystem(system);
    if (values.json === true) {
      writeLine(
        ctx.io.stdout,
        JSON.stringify(entries.map((e) => ({ id: e.id, title: e.title, system: e.system }))),
      );
      return 0;
    }
    const width = Math.max(...entries.map((e) => e.id.length));
    for (const e of entries) writeLine(ctx.io.stdout, `${e.id.padEnd(width)}  ${e.title}`);
    return 0;
  },
};
