import type { Command } from '../context.js';
import { checkCommand } from './check.js';
import { diagnoseCommand } from './diagnose.js';
import { inspectTokenCommand } from './inspect-token.js';
import { lintCommand } from './lint.js';
import { listCommand } from './list.js';
import { migrateCommand } from './migrate.js';
import { showCommand } from './show.js';

/** Every subcommand, in the order `authhelp help` lists them. */
export const COMMANDS: readonly Command[] = [
  diagnoseCommand,
  listCommand,
  showCommand,
  lintCommand,
  checkCommand,
  inspectTokenCommand,
  migrateCommand,
];
