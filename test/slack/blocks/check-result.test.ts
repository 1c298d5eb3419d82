import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../../src/core/catalogue/catalogue.js';
import type { CheckOutcome } from '../../../src/core/check/types.js';
import { makeFinding } from '../../../src/core/finding.js';
import { checkResultView } from '../../../src/slack/blocks/check-result.js';
import { shippedCatalogue } from '../support/harness.js';

/** A client ID typed with a code fence in it (a paste slip, or someone trying). */
const CLIENT_ID = 'abc```*bold* <!channel>```def`';

function outcome(): CheckOutcome {
  return {
    ok: false,
    system: 'oauth2',
    findings: [
      makeFinding('token', {
        id: null,
        code: 'token.error',
        title: 'invalid_client',
        evidence: '401',
      }),
    ],
    steps: [{ name: 'token', status: 'failed', detail: 'HTTP 401' }],
    requests: [
      {
        method: 'POST',
        url: 'https://auth.example.com/oauth2/token',
        headers: { authorization: 'Basic ••••' },
        form: { grant_type: 'client_credentials', client_id: CLIENT_ID },
      },
    ],
    tokenIssued: false,
    durationMs: 12,
    target: { host: 'auth.example.com' },
  };
}

const sectionTexts = (view: unknown): string[] =>
  (view as { blocks: { text?: { text: string } }[] }).blocks.flatMap((b) =>
    b.text === undefined ? [] : [b.text.text],
  );

describe('check result view', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = await shippedCatalogue();
  });

  it('a client ID with backticks cannot close the request code block early', () => {
    const request = sectionTexts(checkResultView(outcome(), catalogue)).find((t) =>
      t.includes('client_id='),
    );
    expect(request).toBeDefined();
    // One opening and one closing fence, and no backtick between them.
    const fences = request!.match(/```/g) ?? [];
    expect(fences).toHaveLength(2);
    const body = request!.slice(request!.indexOf('```') + 3, request!.lastIndexOf('```'));
    expect(body).not.toContain('`');
    expect(body).toContain('client_id=abcˋˋˋ*bold* &lt;!channel&gt;ˋˋˋdefˋ');
  });
});
