import type { Catalogue } from '../core/catalogue/catalogue.js';
import type { Diagnoser } from '../core/matching/types.js';
import type { CliConfig, StoreConfig } from '../config.js';
import type { CliIo } from './io.js';

/** Everything a command needs, built once by the entry point. */
export interface CommandContext {
  readonly io: CliIo;
  readonly config: CliConfig;
  readonly loadCatalogue: () => Promise<Catalogue>;
  readonly loadDiagnoser: () => Promise<Diagnoser>;
  readonly knowledgeDir: string;
  readonly now: () => Date;
  /** Read only by commands that use the store, so a bad DATABASE_URL breaks nothing else. */
  readonly loadStoreConfig: () => Promise<StoreConfig>;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], ctx: CommandContext): Promise<number>;
}
