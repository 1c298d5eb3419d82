// Part of `npm run build`: bundles the command line (tsc's output in dist/) into one CommonJS file,
// dist/bin/authhelp-bundle.cjs, so a one-shot `authhelp diagnose` loads one file instead of some
// forty ES modules and skips the ES module loader's start-up. Packages stay external (loaded from
// node_modules, CommonJS builds where they ship one) except fuse.js; the modules of commands other than diagnose
// are bundled but run only when their command does. The files sit two levels below the package
// root, like dist/adapters/, so paths computed from import.meta.url still hold.
//
// The installed bin, dist/bin/authhelp.cjs, is a small loader written here: it runs the bundle with
// V8's code cache (dist/bin/authhelp-bundle.cache, written by scripts/cli-code-cache.mjs once the
// knowledge snapshot exists), so a one-shot process does not compile the bundle's functions again.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const outdir = 'dist/bin';
// fuse.js, the one package `diagnose` loads, is bundled so the code cache covers it too.
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys(dependencies).filter((name) => name !== 'fuse.js');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: `${outdir}/authhelp-bundle.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: [...external, ...external.map((name) => `${name}/*`)],
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
  // import('node:readline') as a require: the loader runs the bundle as a vm.Script, where Node 20
  // has no loader for dynamic imports.
  supported: { 'dynamic-import': false },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// The loader wraps the bundle in a function: its hashbang (from src/cli/main.ts) must go.
// esbuild leaves non-ASCII characters in regular expression literals and String.raw templates (the
// matcher's curly quotes and CJK words); written as \uXXXX escapes, which mean the same character
// in a string, a template or a pattern, the bundle is ASCII: the loader reads it as Latin-1, a plain
// copy into a one-byte string, where UTF-8 would decode it into a two-byte one at every start.
const bundled = `${outdir}/authhelp-bundle.cjs`;
const source = readFileSync(bundled, 'utf8').replace(/^#!.*\n/, '');
// An escaped character (`\’`) would become a backslash and the letter u: not the same pattern.
if (/\\[\u0080-\uffff]/.test(source)) throw new Error('bundle: a non-ASCII character is escaped');
writeFileSync(
  bundled,
  source.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
);

const LOADER = `#!/usr/bin/env node
'use strict';
// Written by scripts/bundle-cli.mjs. Runs the bundled command line with V8's code cache when it was
// written for this very bundle and this Node; V8 rejects any other cache, and the bundle then just
// compiles as it would without one. AUTHHELP_WRITE_CODE_CACHE=1 writes the cache on exit (build only).
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');

// A one-shot process runs each of the matcher's regular expressions a few times: compiled to
// machine code at once, they cost less than being interpreted first (V8's default tier-up). Set
// before the script is compiled, so the code cache is written and read under the same flags.
const v8 = require('node:v8');
v8.setFlagsFromString('--no-regexp-tier-up');

const file = join(__dirname, 'authhelp-bundle.cjs');
const cacheFile = join(__dirname, 'authhelp-bundle.cache');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// ASCII (scripts/bundle-cli.mjs escapes the rest): Latin-1 reads it without decoding UTF-8.
const source = readFileSync(file, 'latin1');
const script = new vm.Script(
  '(function (exports, require, module, __filename, __dirname) {' + source + '\\n})',
  { filename: file, cachedData },
);
// One short paste: each regular expression runs once or twice, so compiling it with fewer
// optimisation passes costs less than the passes save (a third of the compile time for the
// matcher's long alternations). Batches (--jsonl) and long pastes keep them. Set after the script
// is compiled, so the code cache is checked and written under the same flags in every mode.
const args = process.argv.slice(2);
const shortPaste = !args.includes('--jsonl') && args.join(' ').length < 8192;
if (shortPaste) v8.setFlagsFromString('--no-regexp-optimization');
if (process.env.AUTHHELP_WRITE_CODE_CACHE === '1')
  process.once('exit', () => {
    if (shortPaste) v8.setFlagsFromString('--regexp-optimization');
    writeFileSync(cacheFile, script.createCachedData());
  });
const bundle = { exports: {} };
// The bundle sits beside this file: this file's require resolves its packages alike.
script.runInThisContext()(bundle.exports, require, bundle, file, __dirname);
`;
writeFileSync(`${outdir}/authhelp.cjs`, LOADER);
chmodSync(`${outdir}/authhelp.cjs`, 0o755);
