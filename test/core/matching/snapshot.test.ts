import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../../../src/core/catalogue/catalogue.js';
import { createDiagnoser } from '../../../src/core/matching/diagnose.js';
import { compileIndex } from '../../../src/core/matching/index-compile.js';
import {
  SNAPSHOT_FORMAT,
  makeSnapshot,
  readSnapshot,
} from '../../../src/core/matching/snapshot.js';
import type { Diagnosis } from '../../../src/core/matching/types.js';
import { parseCases } from '../../../src/eval/cases.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await fixtureCatalogue();
});

/** What a person and the batch mode see of a diagnosis. */
function visible(d: Diagnosis): unknown {
  return {
    confident: d.confident,
    matches: d.matches.map((m) => ({ id: m.id, confidence: m.confidence, why: m.why })),
  };
}

describe('knowledge snapshot', () => {
  it('answers every labelled paste exactly as the index built from the catalogue', () => {
    // Through JSON, as it is written at build time and read at start-up.
    const stored: unknown = JSON.parse(JSON.stringify(makeSnapshot(catalogue, 'h1')));
    const reading = readSnapshot(stored, 'h1');
    if (!reading.ok) throw new Error(`snapshot refused: ${reading.why}`);
    expect(reading.catalogue.entries.map((e) => e.id)).toEqual(catalogue.entries.map((e) => e.id));
    const fromSnapshot = createDiagnoser(reading.catalogue, reading.index);
    const built = createDiagnoser(catalogue);
    const path = 'test/eval/labelled.jsonl';
    const cases = parseCases(readFileSync(path, 'utf8'), path);
    const differing = cases.filter(
      (c) =>
        JSON.stringify(visible(fromSnapshot.diagnose(c.text))) !==
        JSON.stringify(visible(built.diagnose(c.text))),
    );
    expect(cases.length).toBeGreaterThan(100);
    expect(differing.map((c) => c.id)).toEqual([]);
  });

  it('carries the vendor codes whose words a vendor-neutral entry says, worked out at build time', () => {
    const data: unknown = JSON.parse(JSON.stringify(compileIndex(catalogue)));
    // "token expired", RFC 6749's "Client authentication failed", invalid_token's "invalid signature";
    // not ScopeMismatched (no neutral entry says "scope mismatched") nor a snake_case code.
    expect(data).toHaveProperty('plainCodes', [
      'clientauthenticationfailed',
      'invalidissuer',
      'invalidscope',
      'invalidsignature',
      'refreshtokenexpired',
      'tokenexpired',
      'tokenrejected',
    ]);
  });

  it("carries each entry's request and a vendor entry's vendor-neutral parents, worked out at build time", () => {
    const data = JSON.parse(JSON.stringify(compileIndex(catalogue))) as {
      requests: (string | null)[];
      neutralParents: number[][];
    };
    const ids = catalogue.entries.map((e) => e.id);
    const at = (id: string): number => ids.indexOf(id);
    // By its codes (RFC 6749 5.2, RFC 6750 3.1, 4.1.2.1); a vendor's entry has none.
    expect(data.requests[at('oauth2/invalid_grant')]).toBe('token');
    expect(data.requests[at('oauth2/invalid_token')]).toBe('api');
    expect(data.requests[at('oauth2/redirect_uri_mismatch')]).toBe('authorize');
    expect(data.requests[at('netsuite/TokenExpired')]).toBeNull();
    // Refined (`refines`) or surfaced as (`surfacesAs`); none for a vendor-neutral entry.
    const parents = (id: string): string[] =>
      (data.neutralParents[at(id)] ?? []).map((p) => ids[p] ?? '').sort();
    expect(parents('netsuite/TokenExpired')).toEqual(['oauth2/invalid_grant']);
    expect(parents('netsuite/MissingKey')).toEqual([
      'oauth2/invalid_client',
      'oauth2/invalid_grant',
    ]);
    expect(parents('oauth2/invalid_grant')).toEqual([]);
  });

  it('is refused when built from other files, by another format, or malformed', () => {
    const snapshot = makeSnapshot(catalogue, 'h1');
    expect(readSnapshot(snapshot, 'h2')).toEqual({ ok: false, why: 'stale' });
    expect(readSnapshot({ ...snapshot, format: SNAPSHOT_FORMAT + 1 }, 'h1')).toEqual({
      ok: false,
      why: 'format',
    });
    expect(readSnapshot({ format: SNAPSHOT_FORMAT, hash: 'h1' }, 'h1')).toEqual({
      ok: false,
      why: 'malformed',
    });
    expect(readSnapshot('not an object', 'h1')).toEqual({ ok: false, why: 'malformed' });
    expect(readSnapshot(null, 'h1')).toEqual({ ok: false, why: 'malformed' });
  });
});
