import type { Command } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { lintedKnowledge } from '../checked-inputs.js';
import { writeLine } from '../io.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'validate the knowledge/ catalogue files',
  usage: 'authhelp lint [DIR]',
  run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { help: { type: 'boolean', short: 'h' } },
      1,
    );
    if (values.help === true) {
      writeLine(ctx.io.stdout, `usage: ${this.usage}`);
      return Promise.resolve(0);
    }
    const dir = positionals[0] ?? ctx.knowledgeDir;
    const linted = lintedKnowledge(dir, ctx);
    if ('code' in linted) {
      if (linted.problems > 0) writeLine(ctx.io.stderr, `${linted.problems} problem(s) in ${dir}`);
      return Promise.resolve(linted.code);
    }
    writeLine(ctx.io.stdout, `knowledge OK (${dir})`);
    return Promise.resolve(0);
  },
};
