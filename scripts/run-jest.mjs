// Runs jest in ESM mode and prints the plain `N passed, N failed` line CI reads.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'authhelp-jest-'));
const out = join(dir, 'results.json');
const result = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--disable-warning=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--json',
    `--outputFile=${out}`,
    ...process.argv.slice(2),
  ],
  // The store tests note which back ends they ran (PostgreSQL is skipped where no server answers).
  { stdio: 'inherit', env: { ...process.env, AUTHHELP_TEST_REPORT_DIR: dir } },
);
const backends = readBackends(join(dir, 'store-backends'));
let passed = 0;
let failed = 0;
try {
  const summary = JSON.parse(readFileSync(out, 'utf8'));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
} catch {
  failed = Math.max(failed, 1);
}
rmSync(dir, { recursive: true, force: true });
if (backends !== '') console.log(`store back ends tested: ${backends}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);

function readBackends(file) {
  try {
    return [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))].sort().join('; ');
  } catch {
    return '';
  }
}
