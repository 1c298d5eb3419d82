import type { Command } from '../context.js';

/** A subcommand by name, its module loaded only when it runs (check and inspect-token pull in undici and jose). */
export interface CommandRef {
  readonly name: string;
  load(): Promise<Command>;
}

/** Every subcommand, in the order `authhelp help` lists them. */
export const COMMANDS: readonly CommandRef[] = [
  { name: 'diagnose', load: async () => (await import('./diagnose.js')).diagnoseCommand },
  { name: 'list', load: async () => (await import('./list.js')).listCommand },
  { name: 'show', load: async () => (await import('./show.js')).showCommand },
  { name: 'lint', load: async () => (await import('./lint.js')).lintCommand },
  { name: 'check', load: async () => (await import('./check.js')).checkCommand },
  {
    name: 'inspect-token',
    load: async () => (await import('./inspect-token.js')).inspectTokenCommand,
  },
  { name: 'migrate', load: async () => (await import('./migrate.js')).migrateCommand },
  { name: 'review', load: async () => (await import('./review.js')).reviewCommand },
  { name: 'reload', load: async () => (await import('./reload.js')).reloadCommand },
];
