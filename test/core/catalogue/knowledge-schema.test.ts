import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_KNOWLEDGE_DIR } from '../../../src/adapters/catalogue-files.js';
import { knowledgeJsonSchema } from '../../../src/core/catalogue/json-schema.js';

const SCHEMA_PATH = join(DEFAULT_KNOWLEDGE_DIR, 'schema.json');
const SCHEMA_LINE = '# yaml-language-server: $schema=./schema.json';
const files = readdirSync(DEFAULT_KNOWLEDGE_DIR).filter((n) => n.endsWith('.yml'));

function committedSchema(): unknown {
  return JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
}

describe('knowledge/schema.json', () => {
  it('is what the zod schema generates (run `npm run knowledge:schema` when this fails)', () => {
    expect(committedSchema()).toEqual(knowledgeJsonSchema());
  });

  it.each(files)('%s names the schema on its first line, for editors', (name) => {
    const first = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, name), 'utf8').split('\n')[0];
    expect(first).toBe(SCHEMA_LINE);
  });

  it.each(files)('%s validates against it', (name) => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(committedSchema() as object);
    const data: unknown = parse(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, name), 'utf8'));
    validate(data);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('rejects what the loader rejects: an unknown key, a missing reason, an http source', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(committedSchema() as object);
    const file = {
      system: 'acme',
      title: 'Acme',
      sources: [{ id: 'docs', title: 'Docs', url: 'http://docs.acme.example' }],
      entries: [{ id: 'acme/x', title: 'X', steps: ['Fix it.'], sources: ['docs'], colour: 1 }],
    };
    expect(validate(file)).toBe(false);
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '/sources/0/url must match pattern "^https://"',
        "/entries/0 must have required property 'reason'",
        '/entries/0 must NOT have additional properties',
      ]),
    );
  });
});
