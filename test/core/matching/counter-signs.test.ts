import { describe, expect, it } from '@jest/globals';
import { buildCatalogue } from '../../../src/core/catalogue/load.js';
import { createDiagnoser } from '../../../src/core/matching/diagnose.js';
import { answerMatch } from '../../../src/core/matching/answer-bar.js';

/**
 * An API that refuses a static key and an access token in the same words: the entry's message is
 * no answer unasked where the text presents a key and no token.
 */
const OAUTH2 = `system: oauth2
title: OAuth 2.0
sources:
  - id: rfc
    title: RFC 6750
    url: https://www.rfc-editor.org/rfc/rfc6750
entries:
  - id: oauth2/widget_token
    title: widget_token - the widget API refused the token
    codes: [widget_token]
    status: [401]
    messages:
      - 'Invalid widget key or access token (unrecognized gizmo login)'
    phrases: [widget access token expired]
    reason: The widget API refused the token.
    steps: [Get a new token.]
    sources: [rfc]
    counterSigns:
      words: [private app, api key]
      patterns: ['(?<![\\w-])pats?(?![\\w-])']
      unless: [access token, oauth]
`;

const diagnoser = createDiagnoser(buildCatalogue([{ file: 'oauth2.yml', text: OAUTH2 }]));
const QUOTE =
  'HTTP 401: {"errors":"Invalid widget key or access token (unrecognized gizmo login)"}';

describe('diagnose: counter-signs of an entry', () => {
  it('answers the quoted message unasked where the text shows no other credential', () => {
    const d = diagnoser.diagnose(`I am getting this error from the widget API\n${QUOTE}`);
    expect(d.matches[0]?.id).toBe('oauth2/widget_token');
    expect(d.confident).toBe(true);
  });

  it('stays quiet where the text presents a private app key, and shows the reading low when asked', () => {
    const d = diagnoser.diagnose(
      `I am getting this error from the widget API with our private app key\n${QUOTE}`,
      { explain: true },
    );
    expect(d.matches[0]?.id).toBe('oauth2/widget_token');
    expect(d.confident).toBe(false);
    expect(d.held).toContain('other credential');
    expect(d.matches[0]?.confidence).toBeLessThanOrEqual(0.45);
    expect(answerMatch(d, 'command')?.id).toBe('oauth2/widget_token');
  });

  it('reads a pattern sign (a PAT), not the words inside its quoted message', () => {
    expect(diagnoser.diagnose(`I am getting this error with my PAT\n${QUOTE}`).confident).toBe(
      false,
    );
  });

  it('leaves the entry where the text also shows its own credential', () => {
    const d = diagnoser.diagnose(
      `I am getting this error from the widget API with the private app's OAuth access token\n${QUOTE}`,
    );
    expect(d.confident).toBe(true);
  });

  it('leaves the entry where its own code is written out', () => {
    const d = diagnoser.diagnose(
      `I am getting widget_token from the widget API with our private app key\n${QUOTE}`,
    );
    expect(d.matches[0]?.id).toBe('oauth2/widget_token');
    expect(d.confident).toBe(true);
  });

  it('reads no own credential in a link path, yet reads a key in a link query', () => {
    const link = 'details at https://docs.example.com/methods/auth/oauth-overview';
    expect(
      diagnoser.diagnose(`I am getting this error with our api key\n${QUOTE} ${link}`).confident,
    ).toBe(false);
    expect(
      diagnoser.diagnose(
        `I am getting this error calling\nhttps://api.example.com/gizmo?pat=abc\n${QUOTE}`,
      ).confident,
    ).toBe(false);
  });
});
