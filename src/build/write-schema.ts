import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from '../adapters/catalogue-files.js';
import { knowledgeJsonSchemaText } from '../core/catalogue/json-schema.js';

/** `npm run knowledge:schema`: writes knowledge/schema.json from the zod schema. */
const path = join(DEFAULT_KNOWLEDGE_DIR, 'schema.json');
await writeFile(path, knowledgeJsonSchemaText());
process.stdout.write(`wrote ${path}\n`);
