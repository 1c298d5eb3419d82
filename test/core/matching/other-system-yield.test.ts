import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

describe('diagnose: a vendor code answered by another system', () => {
  it('reads an OAuth 1.0 token_rejected from another host as the vendor-neutral failure', () => {
    const d = diagnoser.diagnose(
      "My API calls now fail. ValueError: Could not decode response as JSON: status_code: 403, text: 'oauth_problem=token_rejected', url 'https://openapi.example-shop.com/v2/listings/active'",
    );
    expect(d.matches[0]?.id).not.toBe('netsuite/tba-token-rejected');
    expect(d.matches[0]?.id.startsWith('oauth2/')).toBe(true);
  });

  it('reads oauth_problem="token_rejected" in a JSON string from another host as not NetSuite’s', () => {
    for (const text of [
      'Every API call fails: {"status":401,"message":"oauth_problem=\\"token_rejected\\""} from https://api.example-books.com/api.xro/2.0/Invoices',
      'Every API call fails: 401 oauth_problem="token_rejected" from https://api.example-books.com/api.xro/2.0/Invoices',
    ]) {
      const d = diagnoser.diagnose(text);
      expect(d.matches[0]?.id).not.toBe('netsuite/tba-token-rejected');
      // OAuth 1.0's Problem Reporting parameter, its value quoted, is no sign of NetSuite's TBA.
      expect(d.matches.flatMap((m) => m.why).join('\n')).not.toMatch(/token-based authentication/);
    }
  });

  it('still reads the code alone, or from the vendor’s own host, as the vendor’s', () => {
    const alone = diagnoser.diagnose(
      'Our TBA RESTlet call fails: 401 WWW-Authenticate: OAuth realm="1234567", error="token_rejected", error_description="Invalid login attempt."',
    );
    expect(alone.matches[0]?.id).toBe('netsuite/tba-token-rejected');
    const own = diagnoser.diagnose(
      "Our calls fail: status 401, error token_rejected, url 'https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl'",
    );
    expect(own.matches[0]?.id).toBe('netsuite/tba-token-rejected');
  });

  it('does not read a script address in a stack frame as the host that answered', () => {
    const d = diagnoser.diagnose(
      'Our TBA calls fail with error token_rejected\n    at h.getError (https://cdn.example.net/lib/client.min.js:2:29665)',
    );
    expect(d.matches[0]?.id).toBe('netsuite/tba-token-rejected');
  });

  it('reads a vendor code that is a plain word as another product’s where the text shows that product', () => {
    for (const text of [
      // Another product's API host anywhere in the text, not only after the code.
      'GET https://api.example-books.com/api.xro/2.0/Invoices fails since this morning.\n\nThe response says TokenExpired: the access token has expired.',
      // Another product's library in the stack trace's package path.
      'Our sync fails:\nTraceback (most recent call last):\n  File "/usr/lib/python3.11/site-packages/examplebooks/client.py", line 88, in call\n    raise TokenExpired\nexamplebooks.exceptions.TokenExpired: the access token has expired',
      // The code as a class of another product's namespace.
      'Every call fails with XeroLikePHP\\Remote\\Exception\\TokenExpired: the access token has expired',
      // The bare code first, then the code as a class of another product's package.
      'TokenExpired: examplebooks.exceptions.TokenExpired: the access token has expired',
    ]) {
      const d = diagnoser.diagnose(text);
      expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
    }
  });

  it('keeps a plain-word vendor code as the vendor’s where the text shows no other product', () => {
    for (const text of [
      'Our integration fails, the Detail column shows TokenExpired',
      'TokenExpired',
      'Login Audit Trail shows TokenExpired for the integration, see https://docs.example.org/faq',
      // A generic HTTP client's frames: any product's integration is written with it.
      '{"error": "TokenExpired"}\n  File "/usr/lib/python3.11/site-packages/requests/models.py", line 1021, in raise_for_status',
      '{"error": "TokenExpired"}\n    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)',
    ]) {
      const d = diagnoser.diagnose(text);
      expect(d.matches[0]?.id).toBe('netsuite/TokenExpired');
    }
  });

  it('keeps a namespaced vendor code as the vendor’s beside another host', () => {
    const d = diagnoser.diagnose(
      'Our TBA RESTlet call fails: 401 WWW-Authenticate: OAuth realm="1234567", error="INVALID_LOGIN_ATTEMPT" (proxied by https://gw.example.org/)',
    );
    expect(d.matches[0]?.id.startsWith('netsuite/')).toBe(true);
  });
});
