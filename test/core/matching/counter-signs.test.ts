import { describe, expect, it } from '@jest/globals';
import { buildCatalogue } from '../../../src/core/catalogue/load.js';
import { createDiagnoser } from '../../../src/core/matching/diagnose.js';
import { answerMatch } from '../../../src/core/matching/answer-bar.js';
import { maskSecrets } from '../../../src/core/secrets/detect.js';

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
  - id: oauth2/gadget_token
    title: gadget_token - the gadget API refused the bearer token
    codes: [gadget_token]
    status: [401]
    messages:
      - 'The gadget credentials you supplied are not valid'
    phrases: [gadget access token expired]
    reason: The gadget API refused the token.
    steps: [Get a new token.]
    sources: [rfc]
    counterSigns:
      staticCredentials: true
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

  it("reads the poster's own words before the system's answer naming a token", () => {
    const answer = 'HTTP 401: {"message":"The OAuth access token used for this call expired"}';
    expect(
      diagnoser.diagnose(`Using our private app key I get this error\n${QUOTE}\n${answer}`)
        .confident,
    ).toBe(false);
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

/**
 * The credential's kind read from the paste's structure, not from words: a static key or token
 * refused by an API is another failure than a bearer access token refused, whatever the API's
 * message calls it.
 */
describe('diagnose: a static credential read from the structure of the paste', () => {
  const REFUSAL =
    'HTTP/1.1 401 Unauthorized\n{"message":"The gadget credentials you supplied are not valid"}';
  const quiet = (text: string): boolean => !diagnoser.diagnose(text).confident;

  it('answers the refusal unasked with a bearer token', () => {
    const d = diagnoser.diagnose(
      `We get this from the gadget API:\ncurl -H "Authorization: Bearer abc123def456" https://api.gadget.example/v1/items\n${REFUSAL}`,
    );
    expect(d.matches[0]?.id).toBe('oauth2/gadget_token');
    expect(d.confident).toBe(true);
  });

  it('reads a header scheme other than Bearer as a static credential', () => {
    for (const scheme of [
      'token ghx0123456789',
      'Bot MTIzNDU2.abc',
      'SSWS 00abcdef',
      'Basic dXNlcjpwYXNz',
    ])
      expect(
        quiet(
          `We get this from the gadget API:\ncurl -H "Authorization: ${scheme}" https://api.gadget.example/v1/items\n${REFUSAL}`,
        ),
      ).toBe(true);
  });

  it('reads an api-key header, an api-key query and a variable named for an API token or PAT', () => {
    expect(
      quiet(`We get this:\ncurl -H "X-API-Key: 123abc" https://api.gadget.example/v1\n${REFUSAL}`),
    ).toBe(true);
    expect(
      quiet(`We get this:\nGET https://api.gadget.example/v1/items?api_key=123abc\n${REFUSAL}`),
    ).toBe(true);
    expect(quiet(`We get this with GADGET_API_TOKEN set in the environment\n${REFUSAL}`)).toBe(
      true,
    );
    expect(quiet(`We get this with GH_PAT set in the workflow\n${REFUSAL}`)).toBe(true);
  });

  it('reads the prefix of a well-known static token, even after Bearer', () => {
    expect(
      quiet(
        `We get this:\nAuthorization: Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a\n${REFUSAL}`,
      ),
    ).toBe(true);
    expect(quiet(`We get this with token secret_abcdefghijklmnopqrstuvwxyz0123\n${REFUSAL}`)).toBe(
      true,
    );
    expect(quiet(`We get this:\nAuthorization: Bearer sk-proj-abcdefghij1234\n${REFUSAL}`)).toBe(
      true,
    );
  });

  it('leaves the reading where the paste also shows the access token itself', () => {
    // A Slack bot token is an OAuth token; an access_token field is the OAuth credential.
    expect(quiet(`We get this:\nAuthorization: Bearer xoxb-1234-5678-abcdef\n${REFUSAL}`)).toBe(
      false,
    );
    expect(
      quiet(`We get this with GADGET_API_TOKEN and access_token: 'abc' in the client\n${REFUSAL}`),
    ).toBe(false);
  });

  it('reads a masked paste as its raw text: the mask names the token family', () => {
    // Slack diagnoses the masked paste, the CLI the raw one: the answer must not differ.
    const body = 'aB3dE5gH7jK9mN1pQ3rS5tU7vW9xY1zA3cE5gI7kM9o';
    for (const [token, staticShown] of [
      [`secret_${body}`, true],
      [`ntn_${body}`, true],
      [`ghp_${body.slice(0, 36)}`, true],
      [`sk-proj-${body}`, true],
      [`gho_${body.slice(0, 36)}`, false],
      [`ya29.a0${body}`, false],
    ] as const) {
      const raw = `We get this:\nconst notion = new Client({ auth: "${token}" })\n${REFUSAL}`;
      expect(maskSecrets(raw)).not.toContain(token);
      expect([token, quiet(maskSecrets(raw))]).toEqual([token, quiet(raw)]);
      expect([token, quiet(raw)]).toEqual([token, staticShown]);
    }
  });

  it('reads no static credential in client_secret_basic or a secret_key setting', () => {
    expect(quiet(`We get this with client_secret_basic and secret_key set\n${REFUSAL}`)).toBe(
      false,
    );
  });
});
