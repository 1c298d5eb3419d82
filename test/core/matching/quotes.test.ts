import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../../src/core/catalogue/catalogue.js';
import { compileIndex } from '../../../src/core/matching/index-compile.js';
import { buildIndex } from '../../../src/core/matching/match-index.js';
import { flatText, withoutQuotes } from '../../../src/core/matching/quotes.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';

let catalogue: Catalogue;

beforeAll(async () => {
  catalogue = await fixtureCatalogue();
});

/** The quote (if any) of one message of one entry, as the built index marks it. */
function quoteOf(id: string, message: string): string | undefined {
  const index = buildIndex(catalogue);
  const ei = index.entryIndex.get(id) ?? -1;
  const at = index.entries[ei]?.messages.indexOf(message) ?? -1;
  const phrase = index.phrases.find((p) => p.entry === ei && p.kind === 'message' && p.at === at);
  expect(phrase).toBeDefined();
  return phrase?.quote;
}

describe('whole quotes that name a vendor', () => {
  it('lists a message another system prints inside a longer message of its own', () => {
    // Okta prints "Client authentication failed. Either the client or ... are invalid."
    expect(compileIndex(catalogue).printedElsewhere).toContain('client authentication failed');
  });

  it('does not let such a message name its system when quoted whole', () => {
    expect(quoteOf('oauth2/invalid_client', 'Client authentication failed')).toBeUndefined();
  });

  it('still lets a message only one system prints name it', () => {
    expect(quoteOf('oauth2/invalid_grant', 'The refresh token has expired')).toBe(
      'the refresh token has expired',
    );
  });
});

describe('withoutQuotes', () => {
  it('blanks the words of a quoted message and keeps the shape of the text', () => {
    const text = 'search fails:\n"Permission Violation: You need  the\npermission." (SOAP)';
    const out = withoutQuotes(text, ['permission violation: you need the permission']);
    expect(out).toBe('search fails:\n"Xxxxxxxxxx Xxxxxxxxx: Xxx xxxx  xxx\nxxxxxxxxxx." (SOAP)');
  });
});

describe('flatText', () => {
  it('lower-cases and leaves one plain space for each run of blanks', () => {
    expect(flatText('  Invalid\u00a0Login \n\tAttempt. OK\n')).toBe('invalid login attempt. ok');
    expect(flatText('a b\u3000c')).toBe('a b c');
  });
});
