import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import { buildCatalogue, lintKnowledge, type KnowledgeSource } from '../core/catalogue/load.js';
import type { Problem } from '../core/catalogue/invariants.js';

/** The `knowledge/` folder shipped with the package (two levels up from dist/adapters or src/adapters). */
export const DEFAULT_KNOWLEDGE_DIR = resolve(
  fileURLToPath(new URL('../../knowledge', import.meta.url)),
);

async function readKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<KnowledgeSource[]> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => ({ file: name, text: await readFile(join(dir, name), 'utf8') })),
  );
}

export async function loadCatalogue(dir?: string): Promise<Catalogue> {
  return buildCatalogue(await readKnowledge(dir));
}

export async function lintKnowledgeDir(dir?: string): Promise<Problem[]> {
  return lintKnowledge(await readKnowledge(dir));
}
