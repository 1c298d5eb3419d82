import type { Catalogue } from '../core/catalogue/catalogue.js';
import { buildCatalogue, lintKnowledge, type KnowledgeSource } from '../core/catalogue/load.js';
import type { Problem } from '../core/catalogue/invariants.js';
import { DEFAULT_KNOWLEDGE_DIR, readKnowledgeSync } from './knowledge.js';

export { DEFAULT_KNOWLEDGE_DIR };

/** The YAML path: every file parsed and validated (lint, eval, tests; start-up reads the snapshot). */
function readKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<KnowledgeSource[]> {
  return Promise.resolve().then(() => readKnowledgeSync(dir));
}

export async function loadCatalogue(dir?: string): Promise<Catalogue> {
  return buildCatalogue(await readKnowledge(dir));
}

export async function lintKnowledgeDir(dir?: string): Promise<Problem[]> {
  return lintKnowledge(await readKnowledge(dir));
}
