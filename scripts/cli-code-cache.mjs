// Last step of `npm run build`: runs the installed bin once on a typical paste with
// AUTHHELP_WRITE_CODE_CACHE=1, so its loader writes V8's code cache for the bundle (the functions
// a diagnosis compiles included). Start-up then skips that compilation (see scripts/bundle-cli.mjs).
// A cache left from an earlier bundle is harmless (V8 rejects it); it is replaced here.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const CACHE = 'dist/bin/authhelp-bundle.cache';
const BUNDLE = 'dist/bin/authhelp-bundle.cjs';
const SAMPLE =
  'POST https://acme.example.com/oauth2/token -> 401 {"error":"invalid_client","error_description":"Client authentication failed"}';

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
