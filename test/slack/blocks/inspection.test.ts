import { describe, expect, it } from '@jest/globals';
import { inspectToken } from '../../../src/core/jwt/inspect.js';
import { inspectionMessage } from '../../../src/slack/blocks/inspection.js';

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned-looking JWT whose claims carry a code fence (a hostile or careless issuer). */
const TOKEN = [
  b64url({ alg: 'RS256', typ: 'JWT', kid: 'k```1' }),
  b64url({
    iss: 'https://issuer.example.com',
    sub: 'a```*bold* <!channel>```b',
    exp: 2_000_000_000,
  }),
  'c2lnbmF0dXJl',
].join('.');

const sectionTexts = (blocks: readonly unknown[]): string[] =>
  (blocks as { text?: { text: string } }[]).flatMap((b) =>
    b.text === undefined ? [] : [b.text.text],
  );

describe('inspectionMessage', () => {
  const inspection = inspectToken(TOKEN, {
    now: new Date('2026-11-27T00:00:00Z'),
    fingerprint: () => 'fp1234',
  });
  const texts = sectionTexts(inspectionMessage(inspection).blocks);

  it('keeps a backtick run inside the claims from closing the code block', () => {
    const claims = texts.find((t) => t.startsWith('*Claims*'));
    expect(claims).toBeDefined();
    // Exactly one opening and one closing fence: the claim's own ``` cannot end the block early.
    expect(claims?.match(/```/g)).toHaveLength(2);
    expect(claims).toContain('a\u02CB\u02CB\u02CB*bold* &lt;!channel&gt;\u02CB\u02CB\u02CBb');
  });

  it('does the same for the header', () => {
    const header = texts.find((t) => t.startsWith('*Header*'));
    expect(header?.match(/```/g)).toHaveLength(2);
  });
});
