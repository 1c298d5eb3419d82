import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

describe('decide: a code written in the text speaks of authentication in its own words', () => {
  it('reads a CamelCase exception naming a grant as about authentication', () => {
    const d = diagnoser.diagnose(
      'First:\n"Weble\\\\ZohoClient\\\\Exception\\\\GrantCodeNotSetException"\n\nAnd then I set it and get this exception.\n\nSecond:\n"Weble\\\\ZohoClient\\\\Exception\\\\InvalidGrantCodeException"',
      { explain: true },
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(d.held).not.toContain('about authentication');
  });

  it('still holds a text whose words never speak of authentication', () => {
    const d = diagnoser.diagnose('Upload stopped: the storage bucket says Access Denied.', {
      explain: true,
    });
    expect(d.confident).toBe(false);
  });
});
