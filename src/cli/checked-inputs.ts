import { readKnowledgeSync } from '../adapters/knowledge.js';
import { formatProblem, lintKnowledge, type KnowledgeSource } from '../core/catalogue/load.js';
import { isAuthHelpError } from '../core/errors.js';
import type { StoreConfig } from '../config.js';
import type { CommandContext } from './context.js';
import { writeLine } from './io.js';

/**
 * The knowledge files of `dir` if `authhelp lint` finds nothing wrong with them; otherwise each
 * problem is written to stderr and the exit code comes back (1: problems, 2: unreadable).
 */
export function lintedKnowledge(
  dir: string,
  ctx: Pick<CommandContext, 'io'>,
): { readonly sources: KnowledgeSource[] } | { readonly code: 1 | 2; readonly problems: number } {
  let sources;
  try {
    sources = readKnowledgeSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    writeLine(ctx.io.stderr, `authhelp: cannot read knowledge directory ${dir} (${code})`);
    return { code: 2, problems: 0 };
  }
  const problems = lintKnowledge(sources);
  for (const p of problems) writeLine(ctx.io.stderr, formatProblem(p));
  return problems.length === 0 ? { sources } : { code: 1, problems: problems.length };
}

/** The store settings, or exit code 2 after saying which variable is wrong. */
export async function storeConfigOr2(
  ctx: Pick<CommandContext, 'io' | 'loadStoreConfig'>,
): Promise<StoreConfig | 2> {
  try {
    return await ctx.loadStoreConfig();
  } catch (err) {
    if (!isAuthHelpError(err)) throw err;
    writeLine(ctx.io.stderr, `authhelp: ${err.message}`);
    return 2;
  }
}
