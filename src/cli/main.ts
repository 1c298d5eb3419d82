#!/usr/bin/env node
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge, type Knowledge } from '../adapters/knowledge.js';
import { loadCliConfig } from '../config-cli.js';
import { AuthHelpError, isAuthHelpError } from '../core/errors.js';
import type { CommandContext } from './context.js';
import { runCli } from './run.js';
import { processStdin, processStdinLines } from './stdin.js';

/**
 * Composition root for the command line. Only what `diagnose` needs is loaded up front: the
 * compiled knowledge snapshot and the matcher; each command's own modules load when it runs.
 */
async function main(): Promise<number> {
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: processStdin(),
    stdinLines: processStdinLines,
  };
  let config;
  try {
    config = loadCliConfig(process.env);
  } catch (err) {
    process.stderr.write(
      `authhelp: ${isAuthHelpError(err) ? err.message : 'invalid environment'}\n`,
    );
    return 2;
  }
  const knowledgeDir = config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  let knowledge: Promise<Knowledge> | undefined;
  const load = (): Promise<Knowledge> =>
    (knowledge ??= loadKnowledge(knowledgeDir, {
      onStale: (message) => process.stderr.write(`authhelp: ${message}\n`),
    }).catch(unreadable(knowledgeDir)));
  const ctx: CommandContext = {
    io,
    config,
    knowledgeDir,
    now: () => new Date(),
    // Store settings (zod, node:crypto) are read only by the commands that use the store.
    loadStoreConfig: async () => (await import('../config.js')).loadStoreConfig(process.env),
    loadCatalogue: () => load().then((k) => k.catalogue),
    loadDiagnoser: () => load().then((k) => k.diagnoser),
  };
  return runCli(process.argv.slice(2), ctx);
}

/** A missing or unreadable knowledge directory is a set-up problem, not an internal error. */
function unreadable(dir: string): (err: unknown) => never {
  return (err) => {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    if (isAuthHelpError(err) || typeof code !== 'string') throw err;
    throw new AuthHelpError('CONFIG_INVALID', `cannot read knowledge directory ${dir} (${code})`, {
      cause: err,
    });
  };
}

// Output to a closed pipe (`authhelp list | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `authhelp: internal error: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
