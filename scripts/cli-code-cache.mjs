// Last step of `npm run build`: runs the installed bin once on a typical paste with
// AUTHHELP_WRITE_CODE_CACHE=1, so its loader writes V8's code cache for the bundle (the functions
// a diagnosis compiles included). Start-up then skips that compilation (see scripts/bundle-cli.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const CACHE = 'dist/bin/authhelp-bundle.cache';
rmSync(CACHE, { force: true });

const SAMPLE =
  'POST https://acme.example.com/oauth2/token -> 401 {"error":"invalid_client","error_description":"Client authentication failed"}';
const run = spawnSync(process.execPath, ['dist/bin/authhelp.cjs', 'diagnose', SAMPLE], {
  env: { ...process.env, AUTHHELP_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
});
if (run.status !== 0 || !existsSync(CACHE)) {
  process.stderr.write(`code cache: the sample run failed (${String(run.status)})\n${run.stderr}`);
  process.exit(1);
}
