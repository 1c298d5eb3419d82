#!/usr/bin/env node
import { DEFAULT_KNOWLEDGE_DIR, loadCatalogue } from '../adapters/catalogue-files.js';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import { createDiagnoser } from '../core/matching/diagnose.js';
import type { Diagnoser } from '../core/matching/types.js';
import { loadCliConfig, loadStoreConfig } from '../config.js';
import { AuthHelpError, isAuthHelpError } from '../core/errors.js';
import type { CommandContext } from './context.js';
import { runCli } from './run.js';
import { processStdin, processStdinLines } from './stdin.js';

/** Composition root for the command line. */
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
  let catalogue: Promise<Catalogue> | undefined;
  let diagnoser: Promise<Diagnoser> | undefined;
  const ctx: CommandContext = {
    io,
    config,
    knowledgeDir,
    now: () => new Date(),
    loadStoreConfig: () => loadStoreConfig(process.env),
    loadCatalogue: () =>
      (catalogue ??= loadCatalogue(knowledgeDir).catch(unreadable(knowledgeDir))),
    loadDiagnoser: () => (diagnoser ??= ctx.loadCatalogue().then(createDiagnoser)),
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
