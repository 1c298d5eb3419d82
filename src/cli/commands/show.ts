import { AuthHelpError } from '../../core/errors.js';
import type { Command } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { oneLine, UsageError, writeLine } from '../io.js';
import { renderEntry } from '../render/entry.js';

export const showCommand: Command = {
  name: 'show',
  summary: 'show one entry: reason, fix steps, source',
  usage: 'authhelp show ID [--json]',
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
    const id = positionals[0];
    if (id === undefined || id.trim() === '')
      throw new UsageError('no entry id given (see: authhelp list)');
    const catalogue = await ctx.loadCatalogue();
    const entry = catalogue.get(id);
    if (entry === undefined) {
      throw new AuthHelpError(
        'UNKNOWN_ENTRY',
        `unknown entry id "${oneLine(id, 80)}" (see: authhelp list)`,
      );
    }
    if (values.json === true) writeLine(ctx.io.stdout, JSON.stringify(entry));
    else for (const line of renderEntry(entry)) writeLine(ctx.io.stdout, line);
    return 0;
  },
};
