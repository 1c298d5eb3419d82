import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE_FILE } from '../../../src/adapters/store/sqlite/store.js';
import {
  backendNames,
  createBackend,
  storeEnv,
  type Backend,
} from '../../adapters/store/backends.js';
import { cli, type Run } from '../../support/bin.js';
import { shippedRecorder } from '../../support/learning-records.js';

// Canary secrets pasted into the app go through what the app records (templater → store); no
// table, no `authhelp review` output and no export holds any of them afterwards.

jest.setTimeout(240_000);
const names = await backendNames();

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const JWT_BODY = b64url('{"sub":"canary-subject-0451","iss":"https://idp.example.com"}');
const JWT_SIG = 'Q2FuYXJ5Snd0U2lnbmF0dXJlMDQ1MXh5ejEyMzQ1Njc4OTBhYmNkZWY';
const JWT = `${b64url('{"alg":"RS256","typ":"JWT"}')}.${JWT_BODY}.${JWT_SIG}`;
const BASIC = Buffer.from('integration-client:CanaryBasicPass0451').toString('base64');

/** Each value must appear nowhere; the pastes below carry them in the shapes people paste. */
const CANARIES = {
  jwtBody: JWT_BODY,
  jwtSig: JWT_SIG,
  clientSecret: 'CanaryClientSecret0451xyz',
  curlPassword: 'CanaryCurlPass0451',
  urlPassword: 'CanaryUrlPass0451',
  tbaTokenSecret: 'c4a7e1f09b3d5a8e2f6c1b9d0e4a7f3c5b8d2e6f1a9c4b7e0d3f6a2c5e8b1d40',
  tbaTokenId: 'd93b0a7c2e5f8b1d4a6c9e0f3b7d2a5c8e1f4b6d9a0c3e7f2b5d8a1c4e6f9b03',
  tbaConsumerKey: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f91',
  tbaSignature: 'CanaryTbaSignature0451xQ',
  refreshToken: 'CanaryRefreshToken0451abcdefghijklmnop',
  password: 'CanaryPassword0451',
  slackToken: 'xoxb-1111111111-2222222222-CanarySlackBot0451',
  basic: BASIC,
};
const C = CANARIES;

const PASTES = [
  `GET /ccx/api/v1/acme/workers -> 401\nAuthorization: Bearer ${JWT}\n{"error":"invalid_token"}`,
  `client_assertion=${JWT}&grant_type=client_credentials -> 400 invalid_client`,
  `POST /oauth2/token grant_type=client_credentials&client_id=abc&client_secret=${C.clientSecret} -> 401 invalid_client`,
  `curl -u my-client:${C.curlPassword} -X POST https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token -> 401`,
  `fetching https://isu_acme:${C.urlPassword}@wd2-impl-services1.workday.com/ccx/service/acme/Human_Resources/v40 failed: 401 Unauthorized`,
  `NetSuite TBA: TBA token secret: ${C.tbaTokenSecret}\nLogin Audit Trail: InvalidSignature`,
  `Authorization: OAuth realm="1234567_SB1",oauth_consumer_key="${C.tbaConsumerKey}",oauth_token="${C.tbaTokenId}",oauth_signature_method="HMAC-SHA256",oauth_signature="${C.tbaSignature}%3D"\nLogin Audit Trail: InvalidSignature`,
  `{"access_token":"x","refresh_token":"${C.refreshToken}","error":"invalid_grant"}`,
  `jdbc connect failed: user=svc password=${C.password} invalid_grant`,
  `slack said not_authed with token ${C.slackToken}`,
  `Authorization: Basic ${BASIC}\nHTTP/1.1 401 Unauthorized {"error":"invalid_client"}`,
];

function leaks(where: string, text: string): string[] {
  return Object.entries(CANARIES)
    .filter(([, value]) => text.includes(value))
    .map(([name]) => `${name} in ${where}`);
}

/** Every row of every table of authhelp's schema, as text. */
async function tableDump(backend: Backend): Promise<string> {
  const tables = await backend.raw(
    backend.name === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table'"
      : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()',
  );
  expect(tables.map((t) => t['name'])).toEqual(expect.arrayContaining(['diagnoses', 'feedback']));
  const dumps = await Promise.all(
    tables.map(async (t) =>
      JSON.stringify(await backend.raw(`SELECT * FROM ${String(t['name'])}`)),
    ),
  );
  return dumps.join('\n');
}

describe.each(names)('canary secrets recorded on %s', (name) => {
  let backend: Backend;
  const dir = mkdtempSync(join(tmpdir(), 'authhelp-canary-'));
  beforeAll(async () => {
    backend = await createBackend(name);
    const { record } = await shippedRecorder();
    const store = await backend.open();
    for (const [i, paste] of PASTES.entries()) {
      await store.learning.recordDiagnosis(record(`c${i}`, paste, { user: `U${i}` }));
      await store.learning.recordFeedback({ diagnosisId: `c${i}`, user: 'U0', kind: 'down' });
    }
    await store.close();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await backend.cleanup();
  });

  it('finds none in any table, in the review (text and JSON) or in the export', async () => {
    const dump = await tableDump(backend);
    // The masked pastes are there: the check reads real rows.
    expect(dump).toContain('[redacted');
    expect(dump).toContain('InvalidSignature');
    const env = storeEnv(backend);
    const file = join(dir, 'cases.jsonl');
    const run = (args: string[]): Promise<Run> =>
      cli(['review', ...args], { env, limitMs: 60_000 });
    const text = await run([]);
    const json = await run(['--json', '--export', file]);
    expect([text.code, json.code]).toEqual([0, 0]);
    expect(text.stdout).toContain('[redacted');
    const exported = readFileSync(file, 'utf8');
    expect(exported.split('\n').length).toBeGreaterThan(5);
    const found = [
      ...leaks('tables', dump),
      ...leaks('review', text.stdout + text.stderr),
      ...leaks('review --json', json.stdout + json.stderr),
      ...leaks('export', exported),
      ...(name === 'sqlite' ? leaks('database files', databaseBytes(backend)) : []),
    ];
    expect(found).toEqual([]);
  });
});

/** The SQLite file and its write-ahead log as bytes, free pages included. */
function databaseBytes(backend: Backend): string {
  const file = join(backend.config().dataDir, SQLITE_FILE);
  return [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}
