import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { INSPECTOR_ENTRY_IDS } from '../../../src/core/jwt/ids.js';
import { inspectToken } from '../../../src/core/jwt/inspect.js';
import type { Inspection } from '../../../src/core/jwt/types.js';
import {
  assertion,
  b64,
  mint,
  netsuiteAccess,
  netsuiteRefresh,
  NOW_S,
  options,
} from '../../support/mint.js';

let seeds: string[] = [];

beforeAll(async () => {
  seeds = await Promise.all([
    assertion(),
    assertion({ scope: '', iat: NOW_S + 900 }, { alg: 'RS256', kid: '' }),
    netsuiteAccess({ exp: NOW_S - 5 }),
    netsuiteRefresh(),
    mint({ iss: 'https://wd2-impl-services1.workday.com', exp: NOW_S + 60 }),
    mint({ exp: NOW_S - 60 }),
  ]);
});

const KNOWN_IDS = new Set(INSPECTOR_ENTRY_IDS);

/**
 * Every inspection, whatever the input, is well-formed and never repeats the signature. Plain
 * checks instead of `expect` keep 10,000 runs fast; fast-check reports the failing input.
 */
function checkInspection(result: Inspection, input: string): void {
  if (result.findings.length === 0) throw new Error('no findings');
  for (const f of result.findings) {
    if (f.id !== null && !KNOWN_IDS.has(f.id)) throw new Error(`unknown id ${f.id}`);
    if (typeof f.title !== 'string' || typeof f.evidence !== 'string')
      throw new Error('bad finding');
  }
  const signature = input.split('.')[2] ?? '';
  if (signature.length >= 16 && JSON.stringify(result).includes(signature)) {
    throw new Error('the signature was echoed');
  }
  if (result.decoded !== (result.header !== null))
    throw new Error('decoded flag and header disagree');
}

const base64urlPart = fc.stringMatching(/^[A-Za-z0-9_-]{0,60}$/);
const jsonPart = fc.jsonValue({ maxDepth: 3 }).map(b64);
const claimsPart = fc
  .record(
    {
      iss: fc.oneof(fc.string(), fc.constant('https://system.netsuite.com'), fc.integer()),
      aud: fc.oneof(
        fc.string(),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.constant('https://a.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token'),
      ),
      exp: fc.oneof(
        fc.double(),
        fc.integer(),
        fc.string(),
        fc.constant(1e308),
        fc.constant(-1e308),
      ),
      iat: fc.oneof(fc.double(), fc.integer(), fc.constant(null)),
      nbf: fc.oneof(fc.double(), fc.integer()),
      scope: fc.oneof(
        fc.string(),
        fc.array(fc.oneof(fc.string(), fc.integer())),
        fc.constant(null),
      ),
      jti: fc.oneof(fc.string(), fc.constant('1.r.0f8fad5b-d9cb_1.0')),
      sub: fc.string(),
    },
    { requiredKeys: [] },
  )
  .map(b64);
const headerPart = fc
  .record(
    {
      alg: fc.oneof(
        fc.constantFrom('PS256', 'RS256', 'none', 'HS256', ''),
        fc.string(),
        fc.integer(),
      ),
      kid: fc.oneof(fc.string(), fc.constant(null)),
      typ: fc.string(),
    },
    { requiredKeys: [] },
  )
  .map(b64);

const randomToken = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.array(base64urlPart, { minLength: 1, maxLength: 7 }).map((p) => p.join('.')),
  fc
    .tuple(
      fc.oneof(headerPart, jsonPart, base64urlPart),
      fc.oneof(claimsPart, jsonPart, base64urlPart),
      base64urlPart,
    )
    .map((p) => p.join('.')),
);

/** A real token with characters replaced, inserted, or removed, or parts shuffled. */
const mutatedToken = fc
  .tuple(
    fc.nat(),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(),
        fc.constantFrom('.', '=', '+', '/', ' ', 'A', '\u00e9', '\n', ''),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([which, edits]) => {
    let token = seeds[which % seeds.length] ?? '';
    for (const [at, drop, insert] of edits) {
      const i = at % (token.length + 1);
      token = token.slice(0, i) + insert + token.slice(i + (drop % 3));
    }
    return token;
  });

describe('inspectToken under fuzzing', () => {
  it('never throws and always answers with well-formed findings (10,000 inputs)', () => {
    fc.assert(
      fc.property(fc.oneof(randomToken, mutatedToken), (input) => {
        checkInspection(inspectToken(input, options()), input);
      }),
      { numRuns: 10_000 },
    );
  });

  it('survives a throwing fingerprint function and hostile clocks', () => {
    const hostile = [new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15)];
    for (const token of seeds) {
      for (const now of hostile) {
        const result = inspectToken(token, {
          ...options(),
          now,
          fingerprint: () => {
            throw new Error('boom');
          },
        });
        expect(result.fingerprint).toBe('unavailable');
        expect(result.findings.length).toBeGreaterThan(0);
      }
    }
  });
});
