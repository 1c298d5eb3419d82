import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

const stated = (why: readonly string[] | undefined): boolean =>
  (why ?? []).some((w) => w.startsWith('stated '));

describe('diagnose: a failure the poster states in words', () => {
  it('reads "saying that the refresh token is invalid" as invalid_grant', () => {
    const d = diagnoser.diagnose(
      'the API call to get data is coming back unsuccessful, saying that the refresh token is invalid?',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(stated(d.matches[0]?.why)).toBe(true);
  });

  it('reads "is not valid" as a failure word in two words', () => {
    const d = diagnoser.diagnose(
      'When I try to log in I get: "The redirect URI included is not valid." on the provider page',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(stated(d.matches[0]?.why)).toBe(true);
  });

  it('reads "isn\'t valid" as a failure word too', () => {
    const d = diagnoser.diagnose(
      "A day later I get an error saying that the refresh token isn't valid any more.",
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(stated(d.matches[0]?.why)).toBe(true);
  });

  it('reads "not whitelisted" as a value the server does not know (Shopify)', () => {
    const d = diagnoser.diagnose(
      'Installing the app on a new store now fails: "The redirect_uri is not whitelisted".',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(stated(d.matches[0]?.why)).toBe(true);
  });

  it('reads "did not match" as a mismatch in words', () => {
    const d = diagnoser.diagnose(
      'The oauth flow gives this error: redirect_uri did not match any configured URIs.',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(stated(d.matches[0]?.why)).toBe(true);
  });

  it('reads "not associated" as a value the server does not know (GitHub)', () => {
    const d = diagnoser.diagnose(
      'GitHub shows: The redirect_uri is not associated with this application.',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(stated(d.matches[0]?.why)).toBe(true);
  });

  it('reads "not found" as a value the server has no record of', () => {
    const d = diagnoser.diagnose(
      'Giving up after 3 tries (ApiConnectionError: Refresh token not found, logout please)',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(stated(d.matches[0]?.why)).toBe(true);
  });

  it('does not read a failure asked about or supposed as stated', () => {
    const d = diagnoser.diagnose(
      'I do not believe there is any way to tell why a refresh token is invalid, or if the client secret is wrong.',
    );
    expect(d.matches.some((m) => stated(m.why))).toBe(false);
  });

  it('does not read a failure the text only supposes ("might be expired") as stated', () => {
    const d = diagnoser.diagnose(
      'The page should tell the member: Your access token might be expired or revoked, please reconnect.',
    );
    expect(d.matches.some((m) => stated(m.why))).toBe(false);
  });

  it('does not read "not" in prose as a failure word', () => {
    const d = diagnoser.diagnose('The tokeninfo endpoint does not accept refresh tokens at all.');
    expect(d.matches.some((m) => stated(m.why))).toBe(false);
  });

  it('reads CamelCase names as names, not as words: TokenError is no "token error"', () => {
    const d = diagnoser.diagnose('E auth: TokenError: Invalid "code" in request.');
    expect(d.matches.some((m) => stated(m.why))).toBe(false);
  });
});

describe('diagnose: a first-person report beside a failure stated in words', () => {
  const output =
    'Upload failed: Non-json response: Error in call to function "files/upload": The given access token is malformed.';

  it('answers the failure the poster reports, stated in a sentence and not framed as an answer', () => {
    const d = diagnoser.diagnose(
      `I am unable to upload a file without receiving the error: ${output}`,
      { explain: true },
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
    expect(stated(d.matches[0]?.why)).toBe(true);
    expect(d).toMatchObject({ confident: true, held: [] });
  });

  it('answers the output alone: its error line hands the sentence on as the API’s answer', () => {
    expect(diagnoser.diagnose(output, { explain: true })).toMatchObject({
      confident: true,
      held: [],
    });
  });

  it('stays quiet on the same sentence neither reported nor handed on as an answer', () => {
    expect(
      diagnoser.diagnose('Upload stopped. The given access token is malformed.').confident,
    ).toBe(false);
  });
});
