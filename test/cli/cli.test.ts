import { beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, expectNoStack, MAIN, PROCESS_LIMIT_MS, ROOT } from '../support/bin.js';
import { REQUIRED_IDS } from '../support/required-ids.js';

// The CLI contract, run as a real process against the built `dist/` (as `npx authhelp` runs it).

const FIXTURES = join(ROOT, 'test', 'fixtures');
const MINI_DIR = join(FIXTURES, 'knowledge-mini');
const BAD_DIR = join(FIXTURES, 'knowledge-bad');

const WORKDAY_PASTE =
  'POST https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token -> 401 {"error":"invalid_client"}';
const NETSUITE_PASTE = 'Login Audit Trail detail: TokenRejected';

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

interface JsonMatch {
  readonly id: string;
  readonly confidence: number;
  readonly why: readonly string[];
}

interface JsonDiagnosis {
  readonly matches: readonly JsonMatch[];
  readonly confident: boolean;
  readonly truncated?: boolean;
}

function expectDiagnosisShape(value: unknown): asserts value is JsonDiagnosis {
  expect(value).toEqual(
    expect.objectContaining({ matches: expect.any(Array), confident: expect.any(Boolean) }),
  );
  const { matches } = value as JsonDiagnosis;
  expect(matches.length).toBeLessThanOrEqual(5);
  for (const m of matches) {
    expect(typeof m.id).toBe('string');
    expect(m.confidence).toBeGreaterThanOrEqual(0);
    expect(m.confidence).toBeLessThanOrEqual(1);
    expect(Array.isArray(m.why)).toBe(true);
    for (const w of m.why) expect(typeof w).toBe('string');
  }
  const confidences = matches.map((m) => m.confidence);
  expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
}

/** Deterministic bytes (a small LCG) so a failure can be reproduced. */
function pseudoRandomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

beforeAll(() => {
  if (!existsSync(MAIN)) {
    throw new Error(
      `${MAIN} is missing: run \`npm run build\` first (npm test builds before running jest).`,
    );
  }
});

describe('authhelp diagnose', () => {
  it(
    'prints the title, numbered steps, a source and the id for a clear paste',
    async () => {
      const cases = [
        [WORKDAY_PASTE, 'workday/invalid-credentials'],
        [NETSUITE_PASTE, 'netsuite/TokenRejected'],
      ] as const;
      const runs = await Promise.all(cases.map(([text]) => cli(['diagnose', text])));
      runs.forEach((run, i) => {
        const id = cases[i]?.[1] ?? '';
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        const out = lines(run.stdout);
        expect(out[0]).toMatch(/^Best match \(\d+%, confident\): /);
        // The entry's heading: its title, then its id in brackets.
        expect(out).toContainEqual(expect.stringMatching(new RegExp(`^\\S.* {2}\\[${id}\\]$`)));
        expect(run.stdout).toMatch(/^ {2}1\. \S/m);
        expect(run.stdout).toMatch(/^ {2}2\. \S/m);
        expect(run.stdout).toMatch(/^ {2}https:\/\/\S+$/m);
      });
    },
    PROCESS_LIMIT_MS,
  );

  it(
    'reads the text from stdin when no TEXT is given',
    async () => {
      const [workday, netsuite] = await Promise.all([
        cli(['diagnose'], { stdin: `${WORKDAY_PASTE}\n` }),
        cli(['diagnose', '--json'], { stdin: `\n\n${NETSUITE_PASTE}\n` }),
      ]);
      expect(workday.code).toBe(0);
      expect(workday.stdout).toContain('[workday/invalid-credentials]');
      expect(netsuite.code).toBe(0);
      const parsed: unknown = JSON.parse(netsuite.stdout);
      expectDiagnosisShape(parsed);
      expect(parsed.matches[0]?.id).toBe('netsuite/TokenRejected');
    },
    PROCESS_LIMIT_MS,
  );

  it(
    '--json prints exactly one JSON object',
    async () => {
      const [clear, chatter] = await Promise.all([
        cli(['diagnose', '--json', WORKDAY_PASTE]),
        cli(['diagnose', '--json', '--channel', 'has anyone got a good pasta recipe?']),
      ]);
      for (const run of [clear, chatter]) {
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        expect(lines(run.stdout)).toHaveLength(1);
      }
      const parsed: unknown = JSON.parse(clear.stdout);
      expectDiagnosisShape(parsed);
      expect(parsed.confident).toBe(true);
      expect(parsed.truncated).toBe(false);
      expect(parsed.matches[0]?.id).toBe('workday/invalid-credentials');
      expect(parsed.matches[0]?.why.length).toBeGreaterThan(0);
      expect(parsed).toHaveProperty('answer', 'workday/invalid-credentials');
      const none: unknown = JSON.parse(chatter.stdout);
      expectDiagnosisShape(none);
      expect(none.confident).toBe(false);
      expect(none).toHaveProperty('answer', null);
    },
    PROCESS_LIMIT_MS,
  );

  it(
    "--channel and a batch line's via set the bar: an unsure match is answered when asked, not in a channel",
    async () => {
      // A status line before the words would be error output naming the code (confident since channel7).
      const unsure = 'invalid token expired scope client 401';
      const batch = [{ text: unsure }, { text: unsure, via: 'channel' }]
        .map((l) => JSON.stringify(l))
        .join('\n');
      const [asked, inChannel, lines2] = await Promise.all([
        cli(['diagnose', unsure]),
        cli(['diagnose', '--channel', unsure]),
        cli(['diagnose', '--jsonl'], { stdin: `${batch}\n` }),
      ]);
      expect(lines(asked.stdout)[0]).toMatch(/^Best match \(\d+%, not sure\): /);
      expect(lines(inChannel.stdout)[0]).toBe(
        'In a support channel authhelp would stay quiet: not sure enough.',
      );
      const [command, channel] = lines(lines2.stdout).map((l): unknown => JSON.parse(l));
      expect(command).toHaveProperty('answer', 'oauth2/invalid_token');
      expect(channel).toHaveProperty('answer', null);
    },
    PROCESS_LIMIT_MS,
  );

  it(
    '--jsonl answers every input line with one line, in order, errors in place of bad lines',
    async () => {
      const input = [
        JSON.stringify({ text: WORKDAY_PASTE }),
        '{"text": "unterminated',
        '["not", "an", "object"]',
        JSON.stringify({ text: NETSUITE_PASTE, via: 'channel' }),
        JSON.stringify({ text: '' }),
      ].join('\n');
      const run = await cli(['diagnose', '--jsonl'], { stdin: `${input}\n` });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      const out = run.stdout.split('\n');
      expect(out.pop()).toBe('');
      expect(out).toHaveLength(5);
      const [workday, badJson, notObject, channel, empty] = out.map((l): unknown => JSON.parse(l));
      expectDiagnosisShape(workday);
      expect(workday.matches[0]?.id).toBe('workday/invalid-credentials');
      expect(workday).not.toHaveProperty('best');
      expect(badJson).toEqual({ error: expect.any(String) });
      expect(notObject).toEqual({ error: expect.any(String) });
      expectDiagnosisShape(channel);
      expect(channel.matches[0]?.id).toBe('netsuite/TokenRejected');
      expect(channel.confident).toBe(true);
      expectDiagnosisShape(empty);
      expect(empty.confident).toBe(false);
    },
    PROCESS_LIMIT_MS,
  );

  it(
    "--jsonl echoes each line's id first, errors included, and leaves out ids that are not ids",
    async () => {
      const input = [
        JSON.stringify({ id: 'h-7', text: 'Detail: TokenExpired', via: 'channel' }),
        JSON.stringify({ id: 12, text: 42 }),
        JSON.stringify({ id: { nested: true }, text: 'invalid_grant' }),
        JSON.stringify({ id: 'x'.repeat(201), text: 'invalid_grant' }),
      ].join('\n');
      const run = await cli(['diagnose', '--jsonl'], { stdin: `${input}\n` });
      expect(run.code).toBe(0);
      const out = lines(run.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out.map((o) => o['id'])).toEqual(['h-7', 12, undefined, undefined]);
      expect(Object.keys(out[0] ?? {})[0]).toBe('id');
      expect(out[0]).toHaveProperty('answer', 'netsuite/TokenExpired');
      expect(out[1]).toEqual({ id: 12, error: '"text" must be a string' });
      expect(out[2]).toHaveProperty('matches');
    },
    PROCESS_LIMIT_MS,
  );

  it(
    '--jsonl answers blank lines, wrong field types and a line without a final newline',
    async () => {
      const input = [
        '',
        JSON.stringify({ text: 42 }),
        JSON.stringify({ text: 'invalid_grant', via: 'email' }),
        'null',
        JSON.stringify({ text: 'Detail: TokenExpired' }),
      ].join('\n');
      const run = await cli(['diagnose', '--jsonl'], { stdin: input });
      expect(run.code).toBe(0);
      const out = lines(run.stdout).map((l): unknown => JSON.parse(l));
      expect(out).toHaveLength(5);
      expect(out.slice(0, 4)).toEqual(
        Array.from({ length: 4 }, () => ({ error: expect.any(String) })),
      );
      const last = out[4];
      expectDiagnosisShape(last);
      expect(last.matches[0]?.id).toBe('netsuite/TokenExpired');
    },
    PROCESS_LIMIT_MS,
  );

  it(
    'refuses missing text with exit 2 and a one-line message',
    async () => {
      const runs = await Promise.all([
        cli(['diagnose']),
        cli(['diagnose'], { stdin: ' \n\t\n' }),
        cli(['diagnose', '']),
        cli(['diagnose', '--jsonl', 'TEXT']),
      ]);
      for (const run of runs) {
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(lines(run.stderr)[0]).toMatch(/^authhelp: \S/);
        expectNoStack(run);
      }
    },
    PROCESS_LIMIT_MS,
  );

  it('reads 1 MB on stdin in bounded time and says it truncated', async () => {
    const line = '2025-04-30T10:00:00Z INFO sync heartbeat ok worker=7 queue=payroll\n';
    const big = `${line.repeat(Math.ceil((1024 * 1024) / line.length))}{"error":"invalid_client"}\n`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const run = await cli(['diagnose', '--json'], { stdin: big });
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(20_000);
    const parsed: unknown = JSON.parse(run.stdout);
    expectDiagnosisShape(parsed);
    expect(parsed.truncated).toBe(true);
    expectNoStack(run);
  }, 30_000);

  it(
    'copes with binary bytes and invalid UTF-8 without a stack trace',
    async () => {
      const invalidUtf8 = Buffer.concat([
        Buffer.from('HTTP/1.1 401 Unauthorized\n{"error":"invalid_'),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x90, 0x80]),
        Buffer.from('client"}\n'),
      ]);
      const runs = await Promise.all([
        cli(['diagnose'], { stdin: pseudoRandomBytes(64 * 1024, 1) }),
        cli(['diagnose', '--json'], { stdin: pseudoRandomBytes(200_000, 2) }),
        cli(['diagnose', '--json'], { stdin: invalidUtf8 }),
        cli(['diagnose', '--jsonl'], { stdin: pseudoRandomBytes(32 * 1024, 3) }),
      ]);
      for (const run of runs) {
        expectNoStack(run);
        expect(run.ms).toBeLessThan(PROCESS_LIMIT_MS);
        if (run.code === 0) continue;
        expect(run.code).toBe(2);
        expect(lines(run.stderr)[0]).toMatch(/^authhelp: \S/);
      }
      const [, randomJson, utf8Json, batch] = runs;
      if (randomJson.code === 0) expectDiagnosisShape(JSON.parse(randomJson.stdout));
      expect(utf8Json.code).toBe(0);
      expectDiagnosisShape(JSON.parse(utf8Json.stdout));
      // Every batch line that came back is JSON, whatever the bytes were.
      for (const l of lines(batch.stdout)) expect(() => JSON.parse(l) as unknown).not.toThrow();
    },
    PROCESS_LIMIT_MS,
  );

  it(
    'prints no stack trace when its output pipe is closed early',
    async () => {
      const input = Array.from({ length: 3000 }, (_, i) =>
        JSON.stringify({ text: `HTTP/1.1 401 {"error":"invalid_client"} request ${i}` }),
      ).join('\n');
      let firstLine = '';
      const run = await cli(['diagnose', '--jsonl'], {
        stdin: `${input}\n`,
        onStdout: (chunk, stdout) => {
          if (firstLine !== '') return;
          firstLine = chunk.split('\n')[0] ?? '';
          stdout.destroy();
        },
      });
      expect(firstLine).toMatch(/^\{"matches":/);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    },
    PROCESS_LIMIT_MS,
  );
});

describe('authhelp list', () => {
  it(
    'lists every entry, one system, or refuses an unknown system',
    async () => {
      const [all, workday, json, bogus] = await Promise.all([
        cli(['list']),
        cli(['list', 'workday']),
        cli(['list', 'netsuite', '--json']),
        cli(['list', 'bogus']),
      ]);
      expect(all.code).toBe(0);
      const allIds = lines(all.stdout).map((l) => l.split(/\s+/)[0]);
      expect(allIds).toEqual(expect.arrayContaining([...REQUIRED_IDS]));

      expect(workday.code).toBe(0);
      const workdayIds = lines(workday.stdout).map((l) => l.split(/\s+/)[0]);
      expect(workdayIds).toContain('workday/invalid-tenant-name');
      expect(workdayIds.every((id) => id?.startsWith('workday/'))).toBe(true);

      expect(json.code).toBe(0);
      const listed = JSON.parse(json.stdout) as { id: string; title: string; system: string }[];
      expect(listed.length).toBeGreaterThanOrEqual(21);
      expect(listed.every((e) => e.system === 'netsuite' && e.title !== '')).toBe(true);

      expect(bogus.code).toBe(2);
      expect(bogus.stdout).toBe('');
      expect(lines(bogus.stderr)[0]).toMatch(/^authhelp: unknown system "bogus"/);
      expectNoStack(bogus);
    },
    PROCESS_LIMIT_MS,
  );
});

describe('authhelp show', () => {
  it(
    'shows an entry with its steps, finds ids case-insensitively, refuses unknown ids',
    async () => {
      const [tenant, upper, json, nope, none] = await Promise.all([
        cli(['show', 'workday/invalid-tenant-name']),
        cli(['show', 'NETSUITE/tokenexpired']),
        cli(['show', 'oauth2/invalid_grant', '--json']),
        cli(['show', 'nope/nope']),
        cli(['show']),
      ]);
      expect(tenant.code).toBe(0);
      expect(tenant.stdout).toMatch(/^\S.* {2}\[workday\/invalid-tenant-name\]$/m);
      expect(tenant.stdout).toMatch(/^Fix:$/m);
      expect(tenant.stdout).toMatch(/^ {2}1\. \S/m);
      expect(tenant.stdout).toMatch(/^ {2}https:\/\/\S+$/m);

      expect(upper.code).toBe(0);
      expect(upper.stdout).toContain('[netsuite/TokenExpired]');

      expect(json.code).toBe(0);
      const entry = JSON.parse(json.stdout) as { id: string; steps: string[] };
      expect(entry.id).toBe('oauth2/invalid_grant');
      expect(entry.steps.length).toBeGreaterThan(0);

      for (const run of [nope, none]) {
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expectNoStack(run);
      }
      expect(lines(nope.stderr)).toEqual([
        'authhelp: unknown entry id "nope/nope" (see: authhelp list)',
      ]);
    },
    PROCESS_LIMIT_MS,
  );
});

describe('usage errors', () => {
  it(
    'an unknown command, an unknown flag or no command exits 2 without a stack trace',
    async () => {
      const [command, flag, listFlag, nothing, help] = await Promise.all([
        cli(['frobnicate']),
        cli(['diagnose', '--bogus', 'invalid_client']),
        cli(['list', '--verbose']),
        cli([]),
        cli(['--help']),
      ]);
      expect(command.code).toBe(2);
      expect(lines(command.stderr)).toEqual([
        'authhelp: unknown command "frobnicate" (try: authhelp help)',
      ]);
      expect(flag.code).toBe(2);
      expect(lines(flag.stderr)[0]).toBe('authhelp: unknown flag --bogus');
      expect(listFlag.code).toBe(2);
      expect(lines(listFlag.stderr)[0]).toBe('authhelp: unknown flag --verbose');
      for (const run of [command, flag, listFlag]) {
        expect(run.stdout).toBe('');
        // The message, then at most the command's usage line.
        expect(lines(run.stderr).length).toBeLessThanOrEqual(2);
        expectNoStack(run);
      }
      expect(nothing.code).toBe(2);
      expect(nothing.stdout).toMatch(/^usage: authhelp <command>/);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^usage: authhelp <command>/);
    },
    PROCESS_LIMIT_MS,
  );
});

describe('authhelp lint', () => {
  it(
    'passes the shipped knowledge/, fails a bad directory naming file › entry › field',
    async () => {
      const [good, bad, missing] = await Promise.all([
        cli(['lint', join(ROOT, 'knowledge')]),
        cli(['lint', BAD_DIR]),
        cli(['lint', '/does/not/exist']),
      ]);
      expect(good.code).toBe(0);
      expect(good.stderr).toBe('');
      expect(good.stdout).toMatch(/^knowledge OK/);

      expect(bad.code).toBe(1);
      expect(lines(bad.stderr)).toEqual([
        expect.stringMatching(/^broken\.yml › broken\/no-steps › steps: \S/),
        'dangling.yml › dangling/bad-related › related.0: unknown entry "dangling/nowhere"',
        `2 problem(s) in ${BAD_DIR}`,
      ]);
      expectNoStack(bad);

      expect(missing.code).toBe(2);
      expect(lines(missing.stderr)).toEqual([
        'authhelp: cannot read knowledge directory /does/not/exist (ENOENT)',
      ]);
    },
    PROCESS_LIMIT_MS,
  );
});

describe('AUTHHELP_KNOWLEDGE_DIR', () => {
  it(
    'points every command at another catalogue',
    async () => {
      const env = { AUTHHELP_KNOWLEDGE_DIR: MINI_DIR };
      const [list, show, diagnose, lint] = await Promise.all([
        cli(['list'], { env }),
        cli(['show', 'workday/invalid-credentials'], { env }),
        cli(['diagnose', '--json', 'acme said 401 WidgetKeyRevoked'], { env }),
        cli(['lint'], { env }),
      ]);
      expect(list.code).toBe(0);
      expect(lines(list.stdout).map((l) => l.split(/\s+/)[0])).toEqual([
        'acme/widget-key-revoked',
        'acme/gadget-expired',
      ]);
      expect(show.code).toBe(2);
      expect(diagnose.code).toBe(0);
      const parsed: unknown = JSON.parse(diagnose.stdout);
      expectDiagnosisShape(parsed);
      expect(parsed.matches[0]?.id).toBe('acme/widget-key-revoked');
      expect(lint.code).toBe(0);
      expect(lint.stdout).toContain(MINI_DIR);
    },
    PROCESS_LIMIT_MS,
  );

  it(
    'makes diagnose fail with exit 1 and one line per problem when the catalogue is bad',
    async () => {
      const env = { AUTHHELP_KNOWLEDGE_DIR: BAD_DIR };
      const [diagnose, batch] = await Promise.all([
        cli(['diagnose', WORKDAY_PASTE], { env }),
        cli(['diagnose', '--jsonl'], { env, stdin: `${JSON.stringify({ text: 'x' })}\n` }),
      ]);
      for (const run of [diagnose, batch]) {
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(lines(run.stderr)).toEqual([
          expect.stringMatching(/^authhelp: broken\.yml › broken\/no-steps › steps: \S/),
          'dangling.yml › dangling/bad-related › related.0: unknown entry "dangling/nowhere"',
        ]);
        expectNoStack(run);
      }
    },
    PROCESS_LIMIT_MS,
  );

  it(
    'makes commands fail cleanly when the directory does not exist',
    async () => {
      const env = { AUTHHELP_KNOWLEDGE_DIR: '/does/not/exist' };
      const runs = await Promise.all([cli(['list'], { env }), cli(['diagnose', 'x'], { env })]);
      for (const run of runs) {
        expect(run.code).toBe(1);
        expect(lines(run.stderr)).toEqual([
          'authhelp: cannot read knowledge directory /does/not/exist (ENOENT)',
        ]);
        expectNoStack(run);
      }
    },
    PROCESS_LIMIT_MS,
  );
});

describe('start-up', () => {
  it(
    'answers from the knowledge files, never from a snapshot built from other content',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'authhelp-cli-knowledge-'));
      try {
        cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
        const file = join(dir, 'netsuite.yml');
        const text = readFileSync(file, 'utf8');
        const title = /^ {4}title: (.*TokenRejected.*)$/m.exec(text)?.[1] ?? '';
        expect(title).not.toBe('');
        writeFileSync(file, text.replace(`title: ${title}`, `title: EDITED ${title}`));
        const [edited, same] = await Promise.all([
          cli(['diagnose', NETSUITE_PASTE], { env: { AUTHHELP_KNOWLEDGE_DIR: dir } }),
          cli(['diagnose', NETSUITE_PASTE]),
        ]);
        expect(edited.code).toBe(0);
        expect(edited.stdout).toContain(`EDITED ${title}`);
        expect(same.stdout).not.toContain('EDITED');
        expect(edited.stderr).toBe('');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    PROCESS_LIMIT_MS,
  );

  it(
    'loads no package from node_modules for diagnose (fuse.js is bundled; check and inspect-token bring undici and jose, lint the YAML parser and zod)',
    async () => {
      const preload = join(FIXTURES, 'preload', 'packages.cjs');
      const env = { NODE_OPTIONS: `--require ${preload}` };
      const [diagnose, lint] = await Promise.all([
        cli(['diagnose', WORKDAY_PASTE], { env }),
        cli(['lint'], { env }),
      ]);
      expect(diagnose.code).toBe(0);
      expect(diagnose.stderr).toBe('packages: \n');
      expect(lint.stderr).toContain('yaml');
    },
    PROCESS_LIMIT_MS,
  );
});

describe('authhelp diagnose: what would decide', () => {
  it(
    'prints the question and the readings when no system is named, and puts them in --json',
    async () => {
      const text = 'POST /oauth/token -> 401 {"error":"invalid_client"}';
      const [plain, json] = await Promise.all([
        cli(['diagnose', text]),
        cli(['diagnose', '--json', text]),
      ]);
      expect(plain.code).toBe(0);
      expect(plain.stdout).toMatch(/^To decide: Which system answered with invalid_client\?/m);
      expect(plain.stdout).toMatch(/^ {2}readings: oauth2\/invalid_client, \S/m);
      const parsed = JSON.parse(json.stdout) as {
        ask?: { question: string; alternatives: string[] };
      };
      expect(parsed.ask?.alternatives[0]).toBe('oauth2/invalid_client');
      expect(parsed.ask?.alternatives.length).toBeGreaterThan(1);
    },
    PROCESS_LIMIT_MS,
  );

  it(
    'offers both readings of a bare "401 Unauthorized", unsure, and asks which request answered',
    async () => {
      const [plain, channel] = await Promise.all([
        cli(['diagnose', '401 Unauthorized']),
        cli(['diagnose', '--channel', '401 Unauthorized']),
      ]);
      expect(plain.code).toBe(0);
      expect(lines(plain.stdout)[0]).toMatch(/^Best match \(\d+%, not sure\): /);
      expect(plain.stdout).toMatch(
        /^To decide: Which request answered 401: the token request \(client authentication\) or an API call with the token\?$/m,
      );
      expect(plain.stdout).toMatch(
        /^ {2}readings: oauth2\/invalid_token, oauth2\/invalid_client$/m,
      );
      expect(channel.code).toBe(0);
      expect(lines(channel.stdout)[0]).toBe(
        'In a support channel authhelp would stay quiet: not sure enough.',
      );
    },
    PROCESS_LIMIT_MS,
  );
});
