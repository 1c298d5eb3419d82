import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../../../src/adapters/catalogue-files.js';
import { requestReload } from '../../../src/adapters/reload-requests.js';
import { catalogueVersion } from '../../../src/core/learning/catalogue-version.js';
import { backendNames, createBackend } from '../../adapters/store/backends.js';
import { askCommand, shownId } from '../support/answer.js';
import { startHarness, waitForLog, type Harness } from '../support/harness.js';
import { SlackStandIn } from '../support/stand-in.js';

const MINI = fileURLToPath(new URL('../../fixtures/knowledge-mini', import.meta.url));

/** An entry the mini catalogue does not have, appended under its `entries:`. */
const SPROCKET = `
  - id: acme/sprocket-jammed
    title: Sprocket jammed (Acme)
    codes: [SprocketJammed]
    status: [409]
    phrases:
      - acme sprocket jammed
    reason: Two integrations use the same sprocket at once and Acme refuses the second.
    steps:
      - Give each integration its own sprocket in Acme Console, then retry.
    sources: [acme-docs]
`;

/** The context line under an answer or a no-match reply: the catalogue version is in it. */
function versionShown(payload: Record<string, unknown>): string | undefined {
  return /catalogue ([0-9a-f]{12})/.exec(JSON.stringify(payload['blocks']))?.[1];
}

describe('reloading the catalogue under a running app', () => {
  let dir: string;
  let h: Harness | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'authhelp-knowledge-'));
    cpSync(MINI, dir, { recursive: true });
  });
  afterEach(async () => {
    await h?.stop();
    h = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (watch: boolean): Promise<Harness> =>
    (h = await startHarness({
      catalogue: await loadCatalogue(dir),
      reload: { dir, watch, debounceMs: 50, pollMs: 50 },
    }));
  const file = () => join(dir, 'acme.yml');

  it('answers a new entry once its file changes, with the new version in the context line', async () => {
    const app = await start(true);
    const before = await askCommand(app, 'acme: 401 WidgetKeyRevoked');
    expect(shownId(before)).toBe('acme/widget-key-revoked');
    const v1 = versionShown(before);
    expect(v1).toBe(catalogueVersion(app.catalogue));
    expect(shownId(await askCommand(app, 'acme said 409 SprocketJammed'))).toBeUndefined();

    writeFileSync(file(), readFileSync(file(), 'utf8') + SPROCKET);
    await waitForLog(app, /"catalogue reloaded"/);
    const after = await askCommand(app, 'acme said 409 SprocketJammed');
    expect(shownId(after)).toBe('acme/sprocket-jammed');
    const v2 = versionShown(after);
    expect(v2).toMatch(/^[0-9a-f]{12}$/);
    expect(v2).not.toBe(v1);
    expect(v2).toBe(catalogueVersion(await loadCatalogue(dir)));
    const line = app.logs.find((l) => l.includes('"catalogue reloaded"'))!;
    expect(JSON.parse(line)).toMatchObject({ trigger: 'watch', version: v2, previous: v1 });
  });

  it('refuses an invalid catalogue with the lint messages in the log, and keeps answering', async () => {
    const app = await start(true);
    writeFileSync(file(), readFileSync(file(), 'utf8') + SPROCKET);
    await waitForLog(app, /"catalogue reloaded"/);
    const good = versionShown(await askCommand(app, 'acme said 409 SprocketJammed'));

    // Broken YAML in a second file: lint names the file.
    writeFileSync(join(dir, 'zeta.yml'), 'system: zeta\ntitle: [unclosed\n');
    await waitForLog(app, /"catalogue reload refused/);
    const refused = JSON.parse(app.logs.find((l) => l.includes('catalogue reload refused'))!) as {
      level: number;
      problems: string[];
      kept: string;
    };
    expect(refused.level).toBe(50);
    expect(refused.kept).toBe(good);
    expect(refused.problems.some((p) => p.startsWith('zeta.yml:'))).toBe(true);

    const still = await askCommand(app, 'acme said 409 SprocketJammed');
    expect(shownId(still)).toBe('acme/sprocket-jammed');
    expect(versionShown(still)).toBe(good);
    expect(app.logs.filter((l) => l.includes('"catalogue reloaded"'))).toHaveLength(1);
  });
});

const names = await backendNames();

describe.each(names)('a reload request in the store (%s)', (name) => {
  it('reaches every instance on the store, none of them watching', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authhelp-knowledge-'));
    cpSync(MINI, dir, { recursive: true });
    const backend = await createBackend(name);
    const standIn = await SlackStandIn.start();
    const apps: Harness[] = [];
    try {
      for (let i = 0; i < 2; i++)
        apps.push(
          await startHarness({
            backend,
            standIn,
            catalogue: await loadCatalogue(dir),
            reload: { dir, watch: false, pollMs: 50 },
          }),
        );
      const file = join(dir, 'acme.yml');
      writeFileSync(file, readFileSync(file, 'utf8') + SPROCKET);
      await standIn.settle(200);
      for (const app of apps)
        expect(shownId(await askCommand(app, 'acme said 409 SprocketJammed'))).toBeUndefined();

      await requestReload(apps[0]!.store.keys);
      for (const app of apps) {
        await waitForLog(app, /"catalogue reloaded"/);
        expect(JSON.parse(app.logs.find((l) => l.includes('"catalogue reloaded"'))!)).toMatchObject(
          { trigger: 'request' },
        );
        expect(shownId(await askCommand(app, 'acme said 409 SprocketJammed'))).toBe(
          'acme/sprocket-jammed',
        );
      }
    } finally {
      for (const app of apps) await app.stop();
      await standIn.close();
      await backend.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
