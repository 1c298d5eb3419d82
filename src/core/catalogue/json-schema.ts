import { z } from 'zod';
import { systemFileSchema } from './schema.js';

/**
 * The JSON Schema of a knowledge file, generated from the zod schema (draft-07, which YAML and JSON
 * editors support widely). Written to knowledge/schema.json by `npm run knowledge:schema`.
 */
export function knowledgeJsonSchema(): Record<string, unknown> {
  // `input`: what a person writes, so fields with defaults are optional.
  return z.toJSONSchema(systemFileSchema, { io: 'input', target: 'draft-7' });
}

/** The file's text: two-space JSON and a final newline, so the committed copy diffs cleanly. */
export function knowledgeJsonSchemaText(): string {
  return `${JSON.stringify(knowledgeJsonSchema(), null, 2)}\n`;
}
