import { describe, expect, it } from '@jest/globals';
import type { Problem } from '../../../src/core/catalogue/invariants.js';
import {
  buildCatalogue,
  formatProblem,
  lintKnowledge,
  type KnowledgeSource,
} from '../../../src/core/catalogue/load.js';
import { AuthHelpError } from '../../../src/core/errors.js';

/** A valid two-entry file; every case below changes one thing in it. */
const BASE = `system: acme
title: Acme Identity
detect:
  hosts: [acme.example]
  paths: ['/acme/oauth/']
  words: [acme]
sources:
  - id: acme-docs
    title: Acme error reference
    url: https://docs.acme.example/errors
entries:
  - id: acme/key-revoked
    title: Key revoked
    codes: [KeyRevoked]
    status: [401]
    phrases:
      - widget key revoked
    reason: An administrator revoked the key.
    steps:
      - Create a new key and retry.
    sources: [acme-docs]
    related: [acme/token-expired]
  - id: acme/token-expired
    title: Token expired
    codes: [TokenExpired]
    reason: The token is older than its lifetime.
    steps:
      - Request a new token.
      - Retry the call.
    sources: [acme-docs]
`;

/** A second, valid file for the cross-file cases. */
const BETA = `system: beta
title: Beta
sources:
  - id: beta-docs
    title: Beta docs
    url: https://docs.beta.example/
entries:
  - id: beta/locked
    title: Account locked
    messages: ['Your account is locked.']
    reason: Too many failed logins.
    steps: [Unlock the account.]
    sources: [beta-docs]
`;

/** Replaces exactly one occurrence, so a typo in a case fails loudly instead of testing nothing. */
function edit(text: string, find: string, replace: string): string {
  const at = text.indexOf(find);
  if (at < 0 || text.includes(find, at + 1)) throw new Error(`not exactly once: ${find}`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

const acme = (text: string): KnowledgeSource => ({ file: 'acme.yml', text });

/** A problem as a case expects it; `message` may be a pattern where the wording is zod's own. */
interface Expected {
  readonly file: string;
  readonly entry?: string;
  readonly field?: string;
  readonly message: string | RegExp;
}

/** Zod's wording for type and size errors is not ours to pin down. */
const ANY = /\S/;

interface Case {
  readonly name: string;
  readonly sources: readonly KnowledgeSource[];
  readonly expected: readonly Expected[];
}

function expectProblems(actual: readonly Problem[], expected: readonly Expected[]): void {
  const where = (p: { file: string; entry?: string; field?: string }): string =>
    [p.file, p.entry ?? '-', p.field ?? '-'].join(' | ');
  expect(actual.map(where)).toEqual(expected.map(where));
  expected.forEach((want, i) => {
    const message = actual[i]?.message ?? '';
    if (typeof want.message === 'string') expect(message).toBe(want.message);
    else expect(message).toMatch(want.message);
  });
}

const CASES: readonly Case[] = [
  {
    name: 'an unknown key in an entry',
    sources: [
      acme(edit(BASE, '    title: Key revoked\n', '    title: Key revoked\n    colour: red\n')),
    ],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/key-revoked',
        field: 'colour',
        message: 'unknown key (not in the schema)',
      },
    ],
  },
  {
    name: 'an unknown key at the top of the file',
    sources: [acme(edit(BASE, 'title: Acme Identity\n', 'title: Acme Identity\nowner: me\n'))],
    expected: [{ file: 'acme.yml', field: 'owner', message: 'unknown key (not in the schema)' }],
  },
  {
    name: 'an id that is not <system>/<slug> (named by position)',
    sources: [acme(edit(BASE, 'id: acme/key-revoked', "id: 'Acme Key Revoked'"))],
    expected: [
      {
        file: 'acme.yml',
        entry: 'entries[0]',
        field: 'id',
        message: 'must look like <system>/<slug>',
      },
    ],
  },
  {
    name: 'an entry without an id (named by position)',
    sources: [acme(edit(BASE, '  - id: acme/token-expired\n    title', '  - title'))],
    expected: [{ file: 'acme.yml', entry: 'entries[1]', field: 'id', message: ANY }],
  },
  {
    name: "an id whose prefix is not the file's system",
    sources: [acme(edit(BASE, 'id: acme/key-revoked', 'id: other/key-revoked'))],
    expected: [
      {
        file: 'acme.yml',
        entry: 'other/key-revoked',
        field: 'id',
        message: 'must start with "acme/" (the file\'s system)',
      },
    ],
  },
  {
    name: 'an entry without steps',
    sources: [
      acme(edit(BASE, '    steps:\n      - Request a new token.\n      - Retry the call.\n', '')),
    ],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/token-expired',
        field: 'steps',
        message: /expected array/,
      },
    ],
  },
  {
    name: 'an empty steps list',
    sources: [
      acme(
        edit(
          BASE,
          '    steps:\n      - Request a new token.\n      - Retry the call.\n',
          '    steps: []\n',
        ),
      ),
    ],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/token-expired',
        field: 'steps',
        message: ANY,
      },
    ],
  },
  {
    name: 'an empty step',
    sources: [acme(edit(BASE, '      - Retry the call.', "      - '  '"))],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/token-expired',
        field: 'steps.1',
        message: ANY,
      },
    ],
  },
  {
    name: 'an empty reason',
    sources: [acme(edit(BASE, 'reason: An administrator revoked the key.', "reason: '   '"))],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/key-revoked',
        field: 'reason',
        message: ANY,
      },
    ],
  },
  {
    name: 'a source url that is not https',
    sources: [
      acme(
        edit(BASE, 'url: https://docs.acme.example/errors', 'url: http://docs.acme.example/errors'),
      ),
    ],
    expected: [{ file: 'acme.yml', field: 'sources.0.url', message: 'must be an https URL' }],
  },
  {
    name: 'a status that is not an HTTP status',
    sources: [acme(edit(BASE, 'status: [401]', 'status: [401, 999]'))],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/key-revoked',
        field: 'status.1',
        message: ANY,
      },
    ],
  },
  {
    name: 'the same id in two files',
    sources: [
      acme(BASE),
      { file: 'beta.yml', text: edit(BETA, 'id: beta/locked', 'id: acme/key-revoked') },
    ],
    expected: [
      { file: 'beta.yml', entry: 'acme/key-revoked', field: 'id', message: 'duplicate entry id' },
      {
        file: 'beta.yml',
        entry: 'acme/key-revoked',
        field: 'id',
        message: 'must start with "beta/" (the file\'s system)',
      },
    ],
  },
  {
    name: 'the same system in two files',
    sources: [
      acme(BASE),
      { file: 'acme-more.yml', text: edit(BETA, 'system: beta', 'system: acme') },
    ],
    expected: [
      {
        file: 'acme-more.yml',
        field: 'system',
        message: 'system "acme" is also defined in acme.yml',
      },
      {
        file: 'acme-more.yml',
        entry: 'beta/locked',
        field: 'id',
        message: 'must start with "acme/" (the file\'s system)',
      },
    ],
  },
  {
    name: 'a related id that does not exist',
    sources: [
      acme(
        edit(BASE, 'related: [acme/token-expired]', 'related: [acme/token-expired, acme/nowhere]'),
      ),
    ],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/key-revoked',
        field: 'related.1',
        message: 'unknown entry "acme/nowhere"',
      },
    ],
  },
  {
    name: 'an entry related to itself',
    sources: [acme(edit(BASE, 'related: [acme/token-expired]', 'related: [acme/key-revoked]'))],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/key-revoked',
        field: 'related.0',
        message: 'an entry cannot be related to itself',
      },
    ],
  },
  {
    name: 'a source id that is not declared',
    sources: [
      acme(
        edit(
          BASE,
          '    sources: [acme-docs]\n    related:',
          '    sources: [acme-docs, acme-blog]\n    related:',
        ),
      ),
    ],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/key-revoked',
        field: 'sources.1',
        message: 'unknown source "acme-blog" (declare it under sources)',
      },
    ],
  },
  {
    name: 'a detect.paths entry that is not a regular expression',
    sources: [
      acme(edit(BASE, "paths: ['/acme/oauth/']", "paths: ['/acme/oauth/', '/acme/(oauth/']")),
    ],
    expected: [
      { file: 'acme.yml', field: 'detect.paths.1', message: 'not a valid regular expression' },
    ],
  },
  {
    name: 'an entry with no code, message or phrase',
    sources: [acme(edit(BASE, '    codes: [TokenExpired]\n', ''))],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/token-expired',
        field: 'phrases',
        message: 'needs at least one code, message or phrase to be found by',
      },
    ],
  },
  {
    name: 'a refines id that does not exist',
    sources: [
      acme(
        edit(
          BASE,
          '    title: Key revoked\n',
          '    title: Key revoked\n    refines: [beta/nowhere]\n',
        ),
      ),
    ],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/key-revoked',
        field: 'refines.0',
        message: 'unknown entry "beta/nowhere"',
      },
    ],
  },
  {
    name: 'an entry refining one of its own system without a context',
    sources: [
      acme(
        edit(
          BASE,
          '    title: Key revoked\n',
          '    title: Key revoked\n    refines: [acme/token-expired]\n',
        ),
      ),
    ],
    expected: [
      {
        file: 'acme.yml',
        entry: 'acme/key-revoked',
        field: 'refines.0',
        message: 'refining an entry of the same system needs a context',
      },
    ],
  },
  {
    name: 'a context that is not declared, and a context pattern that is not a regular expression',
    sources: [
      acme(
        edit(
          edit(BASE, '    title: Key revoked\n', '    title: Key revoked\n    context: widgets\n'),
          'sources:\n  - id: acme-docs',
          "contexts:\n  - id: gadgets\n    title: gadgets\n    patterns: ['gad(get']\nsources:\n  - id: acme-docs",
        ),
      ),
    ],
    expected: [
      {
        file: 'acme.yml',
        field: 'contexts.0.patterns.0',
        message: 'not a valid regular expression',
      },
      {
        file: 'acme.yml',
        entry: 'acme/key-revoked',
        field: 'context',
        message: 'unknown context "widgets" (declare it under contexts)',
      },
    ],
  },
  {
    name: 'a rival that is not another context of the file',
    sources: [
      acme(
        edit(
          BASE,
          'sources:\n  - id: acme-docs',
          'contexts:\n  - id: gadgets\n    title: gadgets\n    rivals: [gadgets, widgets]\nsources:\n  - id: acme-docs',
        ),
      ),
    ],
    expected: [
      { file: 'acme.yml', field: 'contexts.0.rivals.0', message: ANY },
      { file: 'acme.yml', field: 'contexts.0.rivals.1', message: ANY },
    ],
  },
  {
    name: 'a context covering a system that is not vendor-neutral',
    sources: [
      acme(
        edit(
          BASE,
          'sources:\n  - id: acme-docs',
          'contexts:\n  - id: gadgets\n    title: gadgets\n    covers: [acme, beta]\nsources:\n  - id: acme-docs',
        ),
      ),
      { file: 'beta.yml', text: BETA },
    ],
    expected: [{ file: 'acme.yml', field: 'contexts.0.covers.0', message: ANY }],
  },
  {
    name: 'a file that is not a mapping',
    sources: [acme('- just\n- a list\n')],
    expected: [{ file: 'acme.yml', message: ANY }],
  },
  {
    name: 'no files at all',
    sources: [],
    expected: [{ file: '(knowledge)', message: 'no knowledge files found' }],
  },
];

describe('lintKnowledge', () => {
  it('finds nothing wrong with the base file', () => {
    expect(lintKnowledge([acme(BASE), { file: 'beta.yml', text: BETA }])).toEqual([]);
  });

  it.each(CASES)('reports $name', ({ sources, expected }) => {
    expectProblems(lintKnowledge(sources), expected);
  });

  it.each([
    ['an unclosed flow sequence', edit(BASE, 'title: Key revoked', 'title: [Key revoked')],
    [
      'a duplicate key',
      edit(BASE, '    title: Token expired\n', '    title: Token expired\n    title: Again\n'),
    ],
    ['tab indentation', edit(BASE, '    reason: The token', '\treason: The token')],
  ])('reports invalid YAML (%s) as one line naming the file', (_name, text) => {
    const problems = lintKnowledge([acme(text)]);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.file).toBe('acme.yml');
    expect(problem?.entry).toBeUndefined();
    expect(problem?.message).toMatch(/line \d+, column \d+$/);
    expect(problem?.message).not.toMatch(/\n|\bat\s+\S+\s+\(/);
  });

  it('names the duplicate key', () => {
    const text = edit(
      BASE,
      '    title: Token expired\n',
      '    title: Token expired\n    title: Again\n',
    );
    expect(lintKnowledge([acme(text)])[0]?.message).toMatch(/unique/i);
  });

  it('reports every problem of a file at once, not only the first', () => {
    let text = edit(BASE, 'reason: An administrator revoked the key.', "reason: ''");
    text = edit(text, 'url: https://', 'url: http://');
    text = edit(
      text,
      '    codes: [TokenExpired]\n',
      '    codes: [TokenExpired]\n    colour: red\n',
    );
    const fields = lintKnowledge([acme(text)]).map((p) => `${p.entry ?? '-'} ${p.field ?? '-'}`);
    expect(fields.sort()).toEqual([
      '- sources.0.url',
      'acme/key-revoked reason',
      'acme/token-expired colour',
    ]);
  });
});

describe('formatProblem', () => {
  it.each<[Problem, string]>([
    [
      { file: 'acme.yml', entry: 'acme/key-revoked', field: 'steps', message: 'required' },
      'acme.yml › acme/key-revoked › steps: required',
    ],
    [
      { file: 'acme.yml', field: 'sources.0.url', message: 'must be https' },
      'acme.yml › sources.0.url: must be https',
    ],
    [{ file: 'acme.yml', message: 'bad YAML' }, 'acme.yml: bad YAML'],
  ])('prints file › entry › field: message', (problem, line) => {
    expect(formatProblem(problem)).toBe(line);
  });
});

describe('buildCatalogue', () => {
  it.each(CASES)('throws CATALOGUE_INVALID for $name', ({ sources, expected }) => {
    let thrown: unknown;
    try {
      buildCatalogue(sources);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AuthHelpError);
    const error = thrown as AuthHelpError;
    expect(error.code).toBe('CATALOGUE_INVALID');
    expect(error.context).toEqual({ problems: expected.length });
    // One line per problem, each naming where it is.
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(expected.length);
    expected.forEach((p, i) => {
      const where = [p.file, p.entry, p.field].filter((x) => x !== undefined).join(' › ');
      expect(lines[i]?.startsWith(`${where}: `)).toBe(true);
    });
  });

  it('throws CATALOGUE_INVALID for invalid YAML', () => {
    const text = edit(BASE, 'title: Key revoked', 'title: [Key revoked');
    expect(() => buildCatalogue([acme(text)])).toThrow(
      expect.objectContaining({ code: 'CATALOGUE_INVALID' }),
    );
  });

  describe('with a valid mini catalogue', () => {
    const catalogue = buildCatalogue([acme(BASE), { file: 'beta.yml', text: BETA }]);

    it('holds every entry in file order, with its system', () => {
      expect(catalogue.size).toBe(3);
      expect(catalogue.entries.map((e) => [e.id, e.system, e.slug])).toEqual([
        ['acme/key-revoked', 'acme', 'key-revoked'],
        ['acme/token-expired', 'acme', 'token-expired'],
        ['beta/locked', 'beta', 'locked'],
      ]);
      expect(catalogue.systemNames()).toEqual(['acme', 'beta']);
    });

    it('resolves sources and fills defaults', () => {
      const entry = catalogue.get('acme/token-expired');
      expect(entry?.systemTitle).toBe('Acme Identity');
      expect(entry?.sources).toEqual([
        { id: 'acme-docs', title: 'Acme error reference', url: 'https://docs.acme.example/errors' },
      ]);
      expect(entry?.steps).toEqual(['Request a new token.', 'Retry the call.']);
      expect(entry?.status).toEqual([]);
      expect(entry?.related).toEqual([]);
      expect(entry?.generic).toBe(false);
    });

    it('keeps the detect block of a vendor system and none for a neutral one', () => {
      const [acmeInfo, betaInfo] = catalogue.systems;
      expect(acmeInfo?.detect?.hosts).toEqual(['acme.example']);
      expect(acmeInfo?.entryIds).toEqual(['acme/key-revoked', 'acme/token-expired']);
      expect(betaInfo?.detect).toBeUndefined();
    });

    it.each(['acme/key-revoked', 'ACME/KEY-REVOKED', 'Acme/Key-Revoked', '  acme/key-revoked  '])(
      'finds %p case-insensitively',
      (id) => {
        expect(catalogue.get(id)?.id).toBe('acme/key-revoked');
        expect(catalogue.has(id)).toBe(true);
      },
    );

    it.each(['acme/nowhere', 'acme', '', 'key-revoked'])('does not find %p', (id) => {
      expect(catalogue.get(id)).toBeUndefined();
      expect(catalogue.has(id)).toBe(false);
    });

    it('lists the entries of one system', () => {
      expect(catalogue.bySystem('acme').map((e) => e.id)).toEqual([
        'acme/key-revoked',
        'acme/token-expired',
      ]);
      expect(catalogue.bySystem('beta').map((e) => e.id)).toEqual(['beta/locked']);
      expect(catalogue.bySystem('gamma')).toEqual([]);
    });

    it('cannot be changed after it is built', () => {
      expect(Object.isFrozen(catalogue.entries)).toBe(true);
      expect(Object.isFrozen(catalogue.get('beta/locked'))).toBe(true);
    });
  });
});
