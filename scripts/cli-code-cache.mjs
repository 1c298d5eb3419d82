// Last step of `npm run build`: runs the installed bin once on a sample paste with
// AUTHHELP_WRITE_CODE_CACHE=1, so its loader writes V8's code cache for the bundle (the functions
// a diagnosis compiles included). Start-up then skips that compilation (see scripts/bundle-cli.mjs).
// A cache left from an earlier bundle is harmless (V8 rejects it); it is replaced here.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const CACHE = 'dist/bin/authhelp-bundle.cache';
const BUNDLE = 'dist/bin/authhelp-bundle.cjs';
// A paste that walks most of a diagnosis's paths (prose and a first-person report, a log line, a
// status line, a header, a JSON error body, stack frames, a vendor host, a misspelt code), so the
// functions a typical one-shot run needs are in the cache rather than compiled at its start.
const SAMPLE = [
  'Since this morning our nightly sync fails; we get this error when calling the token endpoint:',
  '2025-10-01 03:00:02.377 ERROR [sync-1] c.a.sync.TokenClient : token request failed',
  'HTTP/1.1 401 Unauthorized',
  'WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"',
  '{"error":"invalid_client","error_description":"Client authentication failed"}',
  '    at com.acme.sync.TokenClient.refresh(TokenClient.java:118)',
  'Caused by: java.io.IOException: Server returned HTTP response code: 401 for URL: https://7654321-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/journalEntry',
  'Login Audit Trail detail: InvalidSignatre for the M2M certificate',
].join('\n');

function fresh() {
  return existsSync(CACHE) && statSync(CACHE).mtimeMs >= statSync(BUNDLE).mtimeMs;
}

let run;
// Once more on failure: on a loaded machine a spawned process is occasionally lost.
for (let attempt = 0; attempt < 2 && !fresh(); attempt++) {
  run = spawnSync(process.execPath, ['dist/bin/authhelp.cjs', 'diagnose', SAMPLE], {
    env: { ...process.env, AUTHHELP_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
}
if (!fresh()) {
  process.stderr.write(
    `code cache: the sample run wrote no cache (status ${String(run?.status)}, signal ${String(run?.signal)})\n${run?.stderr ?? ''}`,
  );
  process.exit(1);
}
