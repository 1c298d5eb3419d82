import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { backendNames, createBackend, until, type Backend } from '../../adapters/store/backends.js';
import { startAppProcess, storeEnv, type AppProcess } from '../support/app-process.js';
import { commandBody } from '../support/payloads.js';
import { sendSigned } from '../support/signed.js';
import { SlackStandIn } from '../support/stand-in.js';

// The app as deployed (`node dist/main.js`) with the watch off: `authhelp reload` (the real CLI,
// another process on the same store) and SIGHUP make it re-read its knowledge directory.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(ROOT, 'dist/bin/authhelp.cjs');
const MINI = join(ROOT, 'test/fixtures/knowledge-mini');
const names = await backendNames();

const entry = (slug: string, code: string): string => `
  - id: acme/${slug}
    title: ${code} (Acme)
    codes: [${code}]
    status: [409]
    reason: Acme refuses the request with ${code}.
    steps:
      - Do what ${code} asks, then retry.
    sources: [acme-docs]
`;

describe.each(names)('authhelp reload and SIGHUP (%s)', (name) => {
  let backend: Backend;
  let standIn: SlackStandIn;
  let app: AppProcess;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    backend = await createBackend(name);
    standIn = await SlackStandIn.start();
    dir = mkdtempSync(join(tmpdir(), 'authhelp-knowledge-'));
    cpSync(MINI, dir, { recursive: true });
    env = {
      ...storeEnv(backend.config([])),
      AUTHHELP_KNOWLEDGE_DIR: dir,
      AUTHHELP_WATCH_KNOWLEDGE: '0',
    };
    app = await startAppProcess(standIn.apiUrl, env);
  }, 60_000);
  afterAll(async () => {
    // Undefined when it could not start: beforeAll's failure says why.
    const started = app as AppProcess | undefined;
    started?.proc.kill('SIGKILL');
    await started?.exited;
    await standIn.close();
    await backend.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = (text: string) => {
    const file = join(dir, 'acme.yml');
    writeFileSync(file, readFileSync(file, 'utf8') + text);
  };
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, [CLI, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: unknown) => e as { code: number; stdout: string; stderr: string },
    );
  /** The entry id the app answers `text` with, or undefined. */
  const answer = async (text: string): Promise<string | undefined> => {
    const url = standIn.responseUrl();
    const res = await sendSigned(
      `${app.url}/slack/events`,
      commandBody(text, { responseUrl: url }),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    const path = new URL(url).pathname;
    await standIn.waitFor(() => standIn.responses().some((c) => c.method === path), 5_000);
    const body = JSON.stringify(standIn.responses().find((c) => c.method === path)!.body);
    return /`(acme\/[\w-]+)` · confidence/.exec(body)?.[1];
  };
  const reloads = () =>
    app.lines
      .filter((l) => l.includes('"catalogue reloaded"'))
      .map((l) => JSON.parse(l) as { trigger: string; version: string });

  it('`authhelp reload` validates first, then every app on the store reloads within seconds', async () => {
    append(entry('sprocket-jammed', 'SprocketJammed'));
    expect(await answer('acme 409 SprocketJammed')).toBeUndefined();
    const asked = await cli('reload');
    expect(asked.code).toBe(0);
    const version = /catalogue ([0-9a-f]{12})/.exec(asked.stdout)?.[1];
    expect(version).toBeDefined();
    await until(() => reloads().length === 1, 'the app to reload', 10_000);
    expect(reloads()[0]).toMatchObject({ trigger: 'request', version });
    expect(await answer('acme 409 SprocketJammed')).toBe('acme/sprocket-jammed');
  });

  it('`authhelp reload` refuses an invalid catalogue and asks nothing', async () => {
    writeFileSync(join(dir, 'broken.yml'), 'system: [unclosed\n');
    const asked = await cli('reload');
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('broken.yml:');
    expect(asked.stderr).toContain('no reload requested');
    rmSync(join(dir, 'broken.yml'));
  });

  it('SIGHUP re-reads the directory', async () => {
    append(entry('cog-missing', 'CogMissing'));
    app.proc.kill('SIGHUP');
    await until(() => reloads().length === 2, 'the app to reload on SIGHUP', 10_000);
    expect(reloads()[1]).toMatchObject({ trigger: 'SIGHUP' });
    expect(await answer('acme 409 CogMissing')).toBe('acme/cog-missing');
    expect(app.proc.exitCode).toBeNull();
  });
});
