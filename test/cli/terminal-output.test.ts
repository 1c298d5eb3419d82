import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadCatalogue } from '../../src/adapters/catalogue-files.js';
import { renderDiagnosis } from '../../src/cli/render/diagnosis.js';
import { createDiagnoser } from '../../src/core/matching/diagnose.js';
import { runCheckCli } from '../support/check-cli.js';
import { startHarness, type Harness } from '../support/check-runner.js';
import { runCliCaptured } from '../support/cli.js';
import { mint, NOW, NOW_S } from '../support/mint.js';

/** Anything a terminal would act on: C0 but newline, DEL, C1, bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex -- these are what must not reach a terminal
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emulator.close();
});

describe('printable output only', () => {
  it('a server that sends escape codes cannot clear the screen, paint a verdict or add a link', async () => {
    const r = await runCheckCli(
      ['oauth2', '--token-url', `${h.emulator.url}/_scenario/controls`, '--client-id', 'c'],
      { clientSecret: 'some-secret-value' },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('\\x1b[2J');
    expect(r.stdout).toContain('\\u202e');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('✓'))).toEqual([]);
    expect(r.stdout.split('\n')[0]).toMatch(/^✗ credentials do not work/);
  });

  it('a line break in --client-id prints no line of its own; the value is shown quoted', async () => {
    const r = await runCheckCli(
      [
        'oauth2',
        '--token-url',
        `${h.emulator.url}/oauth2/token`,
        '--client-id',
        'app-client\n✓ credentials work (oauth2, 1 ms)',
      ],
      { clientSecret: 'app-secret' },
    );
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('✓ credentials work'))).toEqual([]);
    expect(r.stdout).toContain('client_id="app-client\\n✓ credentials work (oauth2, 1 ms)"');
  });

  it('inspect-token escapes claims and evidence built from them', async () => {
    const token = await mint({
      iss: 'https://idp.example.com',
      sub: '\u001b[2J\u001b]8;;https://evil.example/\u0007me\u001b]8;;\u0007',
      name: 'x\u202eevil\u009b31m',
      exp: NOW_S + 60,
    });
    const r = await runCliCaptured(['inspect-token'], { stdin: token, now: () => NOW });
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('\\u001b[2J');
  });

  it('an argument echoed in an error message cannot drive the terminal', async () => {
    const hostile = '\u001b[2J\u001b]0;owned\u0007x\u009b31m\u202e';
    const runs = await Promise.all([
      runCliCaptured(['show', hostile]),
      runCliCaptured(['list', hostile]),
      runCliCaptured([hostile]),
      runCliCaptured(['list', `--${hostile}`]),
      runCliCaptured(['show', 'oauth2/invalid_client', hostile]),
      runCliCaptured(['check', hostile, '--client-id', 'c', '--token-url', 'https://x.example']),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(CONTROL);
      expect(r.stderr).toMatch(/\\x1b\[2J/i);
    }
  });

  it('diagnose output escapes what came from the paste', async () => {
    const diagnoser = createDiagnoser(await loadCatalogue());
    const d = diagnoser.diagnose('HTTP 400 {"error":"invalid_grant"} \u001b[2J\u001b[32mOK');
    const best = d.matches[0];
    expect(best).toBeDefined();
    const hostile = { ...d, matches: [{ ...best!, why: ['\u001b[2Jcleared', 'x\u202ey'] }] };
    const lines = renderDiagnosis(hostile).join('\n');
    expect(lines).not.toMatch(CONTROL);
    expect(lines).toContain('\\x1b[2Jcleared');
  });
});
