import { lintKnowledgeDir } from '../../adapters/catalogue-files.js';
import { formatProblem } from '../../core/catalogue/load.js';
import type { Command } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { writeLine } from '../io.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'validate the knowledge/ catalogue files',
  usage: 'authhelp lint [DIR]',
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
    let problems;
    try {
      problems = await lintKnowledgeDir(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      writeLine(ctx.io.stderr, `authhelp: cannot read knowledge directory ${dir} (${code})`);
      return 2;
    }
    for (const p of problems) writeLine(ctx.io.stderr, formatProblem(p));
    if (problems.length > 0) {
      writeLine(ctx.io.stderr, `${problems.length} problem(s) in ${dir}`);
      return 1;
    }
    writeLine(ctx.io.stdout, `knowledge OK (${dir})`);
    return 0;
  },
};
