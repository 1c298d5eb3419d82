// Part of `npm run build`: bundles the command line (tsc's output in dist/) into one CommonJS file,
// dist/bin/authhelp.cjs, so a one-shot `authhelp diagnose` loads one file instead of some forty ES
// modules and skips the ES module loader's start-up. Packages stay external (loaded from
// node_modules, CommonJS builds where they ship one); the modules of commands other than diagnose
// are bundled but run only when their command does. The file sits two levels below the package
// root, like dist/adapters/, so paths computed from import.meta.url still hold.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

const outdir = 'dist/bin';
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: `${outdir}/authhelp.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(`${outdir}/authhelp.cjs`, 0o755);
