import { describe, expect, it } from '@jest/globals';
import { GATE_FEATURES, gateFeatures, gateProbability } from '../../../src/core/matching/gate.js';
import { GATE_MODEL } from '../../../src/core/matching/gate-weights.js';
import { readRegister } from '../../../src/core/matching/register.js';

function probability(text: string): number {
  return gateProbability(GATE_MODEL, gateFeatures(text, readRegister(text), true));
}

/** One named feature of a text, read as the diagnoser reads it. */
function feature(name: string, text: string): number {
  return gateFeatures(text, readRegister(text), true)[GATE_FEATURES.indexOf(name)] ?? Number.NaN;
}

describe('gateFeatures', () => {
  it('reads one value in [0, 1] per named feature', () => {
    const text = '## Why\nFix the invalid_client message\n\n- adds a hint\nSee https://example.com';
    const x = gateFeatures(text, readRegister(text), false);
    expect(x).toHaveLength(GATE_FEATURES.length);
    expect([...x].every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('names a title in the imperative mood and a share of output lines', () => {
    const pr = 'Fix the invalid_grant message when the refresh token is bogus\n\nIt now says why.';
    const paste = 'HTTP/1.1 401 Unauthorized\n{"error":"invalid_client"}';
    const at = (name: string): number => GATE_FEATURES.indexOf(name);
    const x = gateFeatures(pr, readRegister(pr), true);
    const y = gateFeatures(paste, readRegister(paste), true);
    expect(x[at('imperative title')]).toBe(1);
    expect(y[at('imperative title')]).toBe(0);
    expect(y[at('output line share')]).toBe(1);
    expect(x[at('output line share')]).toBe(0);
  });
});

describe('gate features of the layout', () => {
  it.each([
    'Raises on INSUFFICIENT_PERMISSION error from NetSuite response',
    'KEYCLOAK-8490: Direct grants returns invalid credentials',
  ])('reads a title naming a change: %s', (text) => {
    expect(feature('imperative title', text)).toBe(1);
  });

  it.each([
    "Update: In fact GitHub was returning an error response: {'error': 'bad_verification_code'}",
    "    raise exceptions.RefreshError(\ngoogle.auth.exceptions.RefreshError: ('invalid_grant')",
  ])('does not read a label or a line of code as a title naming a change: %s', (text) => {
    expect(feature('imperative title', text)).toBe(0);
  });

  it('tells the sections of a bug report from those of a pull request or a post-mortem', () => {
    const report = '**Describe the bug**\nLogin fails.\n\n### Actual behaviour\ninvalid_grant';
    const document = '## Problem\nTokens expire.\n\n**Root cause:**\nNo refresh.';
    expect(feature('report sections', report)).toBe(1);
    expect(feature('document sections', report)).toBe(0);
    expect(feature('document sections', document)).toBe(1);
    expect(feature('report sections', document)).toBe(0);
  });
});

describe('gate features of a help article', () => {
  it.each([
    'Applies to\nKeycloak 24\n\nSymptoms\nLogin fails with invalid_grant.\n\nCause\nThe session expired.\n\nResolution\nRaise the SSO idle timeout.',
    '## Environment\nOkta Identity Engine\n\n## Cause\nThe redirect URI is not registered.\n\n## Solution\nAdd it to the app.',
    '**Problem statement**\nLogin fails with access_denied.\n\n**Steps to reproduce**\n1. Log in\n\n**Cause**\nA rule denies it.\n\n**Solution**\nFix the rule.',
  ])('reads the sections of a knowledge-base article: %s', (text) => {
    expect(feature('kb sections', text)).toBe(1);
  });

  it.each([
    '## Environment\nmacOS 14\n\n## Steps to reproduce\n1. Log in\n\n## Workaround\nRestart the app.',
    '### Expected behavior\nLogin works.\n\n### Actual behavior\ninvalid_grant\n\n### Solution\nNone yet.',
  ])('does not read the sections of a bug report as an article: %s', (text) => {
    expect(feature('kb sections', text)).toBe(0);
  });

  it.each([
    'Troubleshooting Keycloak client authentication errors\n\nKeycloak answers invalid_client when the secret is wrong.',
    'How to resolve "redirect_uri_mismatch" in Auth0\n\nThe callback URL must be listed in the application settings.',
    'Auth0 answers access_denied when a rule rejects the login. This article explains why.',
    'Was this article helpful?\nYes No',
  ])('reads the wording of a help article: %s', (text) => {
    expect(feature('article wording', text)).toBe(1);
  });

  it('reads a help article without the poster in it as no report (hand rule)', () => {
    const text =
      'Troubleshooting Keycloak client authentication errors\n\nKeycloak answers invalid_client when the secret is wrong.';
    expect(feature('hand rule', text)).toBe(0);
  });

  it.each([
    'How to troubleshoot auth errors: "invalid_code" at random\n\nAround 3% of my logins fail.',
    'How do I fix invalid_grant?\nMy refresh fails every morning.',
  ])("does not read a poster's question as an article: %s", (text) => {
    expect(feature('article wording', text)).toBe(0);
  });

  it("does not read a Summary heading beside a bug report's sections as document sections", () => {
    const report =
      '### Summary\nMCP calls keep the stale token.\n\n### Expected behavior\nFresh tokens.\n\n### Observed behavior\n- calls fail with invalid_grant';
    expect(feature('document sections', report)).toBe(0);
    expect(
      feature(
        'document sections',
        '## Summary\nRetry the refresh once.\n\n## Testing\nUnit tests.',
      ),
    ).toBe(1);
  });
});

describe("gate features of the poster's own words", () => {
  it("does not count the words of a page shown below a line introducing it as the poster's", () => {
    const text =
      'During GitHub OAuth authorization, GitHub returns the following error:\n\n> Be careful!\n> The redirect_uri is not associated with this application.\n> The application might be misconfigured or could be trying to redirect you.\n\nThis occurs right after I authorize it.';
    expect(feature('second person', text)).toBe(0);
    expect(feature('modal verbs', text)).toBe(0);
  });

  it("does not count a bug report's expected behaviour as modal verbs", () => {
    const text =
      '### Expected behavior\nAfter `login <server>`, calls should use the fresh credentials.\n\n### Observed behavior\nCalls fail with invalid_grant.';
    expect(feature('modal verbs', text)).toBe(0);
  });
});

describe('gate features written about errors', () => {
  it.each([
    ['change described', 'This adds debug logs that help diagnose OAuth token expiry issues.'],
    [
      'change described',
      'When refresh fails with `invalid_grant`, we now invalidate stored token credentials.',
    ],
    [
      'docs wording',
      'If the connector reports an authentication error, do the following:\n1. Verify the token.',
    ],
    ['docs wording', '### Error Example\n```\n{"error":"insufficient_scope"}\n```'],
    ['proposal', 'I propose here to retry a token refresh when it happens.'],
    ['proposal', 'Error messages for failed token requests should be like this:\n400 Bad Request'],
    ['error judged', 'Am I missing something or the error raised is actually wrong in this case?'],
  ])('reads %s: %s', (name, text) => {
    expect(feature(`written about: ${name}`, text)).toBe(1);
  });

  it.each([
    'We now get a 401 from the token endpoint on every call.',
    'I cleared the cache. This fixes it for a day, then invalid_grant again.',
    'example error 1:\nINVALID_SESSION_ID: Session expired or invalid',
    'I get invalid_grant on every refresh since this morning. Any suggestions?',
  ])('reads none in a report: %s', (text) => {
    const x = gateFeatures(text, readRegister(text), true);
    const about = GATE_FEATURES.flatMap((f, i) => (f.startsWith('written about: ') ? [x[i]] : []));
    expect(about.every((v) => v === 0)).toBe(true);
  });

  it('reads a text worded about errors without the poster in it as no report (hand rule)', () => {
    const text = 'This adds handling for `invalid_grant`: stored tokens are cleared.';
    expect(feature('hand rule', text)).toBe(0);
  });

  it.each([
    'Emit auth_required after invalid refresh token (invalid_grant)',
    'Detects the `access_denied` error callback from OAuth providers in `useLogin`',
    'Refine the message for invalid_grant',
  ])('reads a title naming a change by its verb: %s', (text) => {
    expect(feature('imperative title', text)).toBe(1);
  });
});

describe('gate features of the wording', () => {
  it.each([
    'Our assertion is built with exp=now+8h. Since go-live the token endpoint refuses it.',
    'We rotated the secret. My job still sends the old one.',
    "L'API renvoie 403 quand on appelle /users ; notre token n'a que users.read.",
    'Seit heute schlägt jeder Aufruf unserer RESTlets fehl.',
    'NetSuite のリフレッシュ要求で私の token が拒否されます。我们的 token 也一样。',
  ])('counts first-person words, a sentence opening with one and other languages: %s', (text) => {
    expect(feature('first-person words', text)).toBeGreaterThan(0);
  });

  it.each([
    'The US region and the IT team are listed here.',
    'Mission-critical tenants rotate secrets every 90 days.',
  ])('does not read capitals or word parts as first person: %s', (text) => {
    expect(feature('first-person words', text)).toBe(0);
  });

  it.each([
    'When trying to use an expired refresh token, return invalid_grant.',
    'If an invalid `client_id` is provided to the SDK the following is logged',
    'The endpoint answers 400 for a revoked or unknown token.',
  ])('reads behaviour under a bad input described in general: %s', (text) => {
    expect(feature('bad input', text)).toBe(1);
  });

  it.each([
    'The token request is rejected with an invalid scope error.',
    'Our refresh token expired last night and every call fails.',
  ])('does not read a reported error as a bad input: %s', (text) => {
    expect(feature('bad input', text)).toBe(0);
  });
});

describe('gate features of a paste', () => {
  it("does not count a vendor page's second person and modals, pasted around its error line", () => {
    const page =
      'Getting this when I open the link:\n\nAccess blocked\nYou can’t sign in because this app sent an invalid request. You can try again later.\nError 400: redirect_uri_mismatch';
    const howTo = 'You can try again later. You should check the redirect URI.';
    expect(feature('second person', page)).toBe(0);
    expect(feature('modal verbs', page)).toBe(0);
    expect(feature('second person', howTo)).toBeGreaterThan(0);
    expect(feature('modal verbs', howTo)).toBeGreaterThan(0);
  });

  it("does not count a request to a colleague as a how-to's second person and modals", () => {
    const text =
      '>>> restlet calls → 401, audit trail detail = ScopeMismatched\nsomeone unticked the box <@U0A1B2C3D> can you re-tick it in prod?';
    expect(feature('second person', text)).toBe(0);
    expect(feature('modal verbs', text)).toBe(0);
    expect(feature('second person', 'You can re-tick it in prod. Can you?')).toBeGreaterThan(0);
  });

  it('reads a long paste without sentence ends within a second', () => {
    const text = `${'can you '.repeat(5_000)}\n${'. ? '.repeat(5_000)}`;
    const started = performance.now();
    gateFeatures(text, readRegister(text), true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("counts the poster's second person beside output they fenced as code", () => {
    const text =
      "Because otherwise you have to edit the file to see the actual error, for example:\n```python\n{'error': 'unauthorized_client', 'error_description': 'Invalid client'}\n```";
    expect(feature('second person', text)).toBeGreaterThan(0);
  });

  it.each([
    'OAuth: stop refresh storm on invalid_grant, trigger reauth',
    'KEYCLOAK-8490: Direct grants returns invalid credentials when user has OTP',
    'Adds a hint to the invalid_client message',
    '[Do Not Land] Mark tokens with bad scopes as bad',
  ])('reads a change title: %s', (text) => {
    expect(feature('imperative title', text)).toBe(1);
  });

  it.each([
    'Error: Use of an expired token',
    'ORA-00942: table or view does not exist',
    'Refresh token fails with invalid_grant',
  ])('does not read output or a report as a change title: %s', (text) => {
    expect(feature('imperative title', text)).toBe(0);
  });
});

describe('gate features of a feature request and of a stated cause', () => {
  it.each([
    'Could we support Basic authentication for the token call too?',
    'Could we have an option to set the redirect URL?',
    'Currently this is not handled well. The goal would be to tell the user what went wrong.',
    'Because of this I need the option of setting REDIRECT_URL from the environment.',
    'We need handle that in the frontend.',
    "**Is your feature request related to a problem? Please describe.**\nTokens expire.\n**Describe the solution you'd like**\nA hint.",
  ])("reads a feature request's ask or template as intent: %s", (text) => {
    expect(feature('intent', text)).toBe(1);
  });

  it.each([
    'I get invalid_grant when I refresh the token since this morning.',
    'Can we get some help? The token call fails with invalid_client.',
    'Our refresh fails every night with invalid_grant. How can we make it work again?',
    'Token call returns 401 invalid_client since we rotated the secret. What can we have missed?',
    'The goal is to call the API from a nightly job. The token call fails with 401 invalid_client.',
  ])('does not read a report or a plea as intent: %s', (text) => {
    expect(feature('intent', text)).toBe(0);
  });

  it.each([
    'The `["User.Read"]` scopes in the driver is what is causing the issue.',
    'This error is caused by code in get_token: it picks the master realm.',
    'This is due to Atlassian deprecating persistent refresh tokens.',
    'The root cause is a clock skew between the two hosts.',
  ])('reads a cause traced to code or a change: %s', (text) => {
    expect(feature('cause stated', text)).toBe(1);
  });

  it.each([
    'Our refresh fails, which resulted in a 400 Bad Request.',
    'Caused by: java.io.IOException: invalid_grant',
    'I think the token may have been revoked.',
    'The token refresh fails every night. Any idea what is causing this?',
    'We keep getting invalid_grant on refresh, not sure what was causing it.',
  ])(
    'does not read a reported result, a stack trace or a question as a stated cause: %s',
    (text) => {
      expect(feature('cause stated', text)).toBe(0);
    },
  );

  it.each(['**Describe the error**\nLogin fails.', '### Describe the issue\ninvalid_grant'])(
    "reads a bug template's heading as a report section: %s",
    (text) => {
      expect(feature('report sections', text)).toBe(1);
    },
  );

  it.each([
    'When I run it against the tenant, the following error occurs:\n\n`AADSTS50011: The reply url …`',
    'With the scope above an error is returned: `AADSTS1002012: The provided value for scope …`',
    'Then the page comes to screen and this Error comes out "Error:invalid_client"',
    '4. But then There is a message that says: Invalid parameter: redirect_uri',
    'You will be presented with a 401 Invalid Client error.',
    'Starting today I receive error messages stating that I need another permission.',
  ])('reads a failure shown as it happened: %s', (text) => {
    expect(feature('failure shown', text)).toBe(1);
  });

  it.each([
    'This error occurs when the redirect URI does not match.',
    'The endpoint returns invalid_grant when the code has expired.',
    'An error is returned if the client secret is wrong.',
  ])('does not read a docs sentence about when an error happens as shown: %s', (text) => {
    expect(feature('failure shown', text)).toBe(0);
  });

  it('lets a failure shown as it happened pass the hand rule beside words about errors', () => {
    const text =
      'However, if you try to create client_credentials with the above scope, an error is returned: `AADSTS1002012: The provided value for scope is not valid.`';
    expect(readRegister(text).discussion).not.toHaveLength(0);
    expect(feature('hand rule', text)).toBe(1);
  });

  it('reads steps of use that end in an error as a reproduction', () => {
    const steps =
      '1. install from example\n2. go to https://cloud.example\n3. login\n4. Invalid parameter: redirect_uri';
    expect(feature('reproduction steps', steps)).toBe(1);
  });

  it('does not read a change list or steps that end well as a reproduction', () => {
    const pr =
      '- Add a hint to the invalid_grant error\n- Fix the retry on 401\n- Use the new client';
    const howTo = '1. Open the app settings\n2. Click Save\n3. The token is stored';
    expect(feature('reproduction steps', pr)).toBe(0);
    expect(feature('reproduction steps', howTo)).toBe(0);
  });

  it('does not read a port or a version number in a step as an error status', () => {
    const howTo =
      '1. Open the app settings\n2. Go to https://localhost:443/callback\n3. Install v4.0.1 and click Save';
    expect(feature('reproduction steps', howTo)).toBe(0);
  });

  it("reads a bug template's headings as report sections, not as headings", () => {
    const report = '### Steps to reproduce\n1. login\n\n### Actual behavior\ninvalid_grant';
    const pr = '## Summary\nThe refresh now retries.\n\n### Steps to reproduce\n1. login';
    expect(feature('heading', report)).toBe(0);
    expect(feature('report sections', report)).toBe(1);
    expect(feature('heading', pr)).toBe(1);
  });

  it("reads a report's plain labels and longer emphasised headings as report sections", () => {
    const labelled = 'Recently the refresh broke.\n\nStack trace:\n\nError: Expired Auth';
    const emphasised = '**Steps to reproduce the bug with the console client**\n\n1. Start client';
    const symptom = '## Symptom\n`error=invalid_scope`';
    expect(feature('report sections', labelled)).toBe(1);
    expect(feature('report sections', emphasised)).toBe(1);
    expect(feature('report sections', symptom)).toBe(1);
    expect(feature('heading', symptom)).toBe(0);
    expect(feature('report sections', 'Environment:\nnode 20')).toBe(0);
  });

  it("tells a fix written up and a pull request's template from a bug report", () => {
    const kb = '## Symptoms\nLogin fails.\n\n## Resolution\nRotate the secret.';
    const pr = '## Summary of changes\nThis PR retries the refresh. Fixes #12';
    const report = '### Observed behavior\n- calls fail with `invalid_grant`';
    expect(feature('resolution sections', kb)).toBe(1);
    expect(feature('pull request template', pr)).toBe(1);
    expect(feature('resolution sections', report)).toBe(0);
    expect(feature('pull request template', report)).toBe(0);
  });

  it('reads neither a status opening a line as a list item nor "can\'t" as a modal verb', () => {
    expect(feature('bullet share', '400. That’s an error. Error: redirect_uri_mismatch')).toBe(0);
    expect(feature('bullet share', '1. Open the app')).toBe(1);
    expect(feature('modal verbs', "Can't load token: invalid_grant")).toBe(0);
  });

  it('does not read a heading about logging in as a log section of a report', () => {
    const docs =
      '## Log in with Okta\n\nThe client throws OAuthError with code invalid_grant when the refresh token is expired.';
    expect(feature('heading', docs)).toBe(1);
    expect(feature('report sections', docs)).toBe(0);
    expect(readRegister(docs).firstPerson).toBe(false);
  });

  it.each([
    ['intent', `${'could we '.repeat(5_000)}x`],
    ['cause', `${'is what is '.repeat(5_000)}x`],
    ['cause words', `${'this is due '.repeat(5_000)}x`],
    ['failure shown', `${'the error it is shown '.repeat(2_000)}x`],
    ['steps', `${'1. go to it\n'.repeat(2_000)}x`],
  ])('reads a long run of near-misses (%s) within a second', (_name, text) => {
    const started = performance.now();
    gateFeatures(text, readRegister(text), true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('gate features of several statuses and quotes', () => {
  it.each([
    'When refreshing token `invalid_grant` error returns `400` and not `401`',
    '| 401 | bad token |\n| 403 | missing scope |',
  ])('reads two or more error statuses as compared, not hit: %s', (text) => {
    expect(feature('several statuses', text)).toBe(1);
  });

  it.each([
    'HTTP/1.1 401 Unauthorized\n{"error":"invalid_token"} and again 401 on retry',
    'Port 4011 and v4.03 are not statuses; nor is /api/400/users',
  ])('does not read one status, numbers, versions or paths as several: %s', (text) => {
    expect(feature('several statuses', text)).toBe(0);
  });

  it.each([
    '> **Note:** By default, the access token expires in an hour.',
    'Important:\n\nStrings must be escaped using RFC 3986.',
    '> [!TIP]\n> Rotate the secret before it expires.',
  ])("reads a docs page's admonition as doc register: %s", (text) => {
    expect(feature('doc register', text)).toBeGreaterThan(0);
  });

  it("does not read apostrophes inside words as a quote (night's … app's)", () => {
    const text = "After last night's refresh the app's login fails for our connector.";
    expect(feature('output only in quotes', text)).toBe(0);
    expect(feature('output only in quotes', "We see 'invalid client id' on login")).toBe(1);
  });

  it("keeps a vendor page's paragraph as output when its error line is the entry's message, blanked", () => {
    const printed =
      'Access blocked\nYou can’t sign in because this app sent an invalid request. You can try again later.\nError 400: redirect_uri_mismatch';
    const blanked = printed.replace(
      'Error 400: redirect_uri_mismatch',
      'Xxxxx 400: xxxxxxxx_xxx_xxxxxxxx',
    );
    const x = gateFeatures(blanked, readRegister(blanked), true, printed);
    expect(x[GATE_FEATURES.indexOf('second person')]).toBe(0);
    expect(x[GATE_FEATURES.indexOf('output line share')]).toBeGreaterThan(0);
  });
});

describe('the shipped gate model', () => {
  it('was fitted on the features this code reads', () => {
    expect(GATE_MODEL.features).toEqual(GATE_FEATURES);
    expect(GATE_MODEL.weights).toHaveLength(GATE_FEATURES.length);
  });

  it.each([
    'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"',
    'We keep getting {"error":"invalid_grant"} from the token endpoint since this morning.',
    'java.lang.IllegalStateException: token refresh failed\n\tat com.acme.Client.call(Client.java:12)',
  ])('lets a report of a failure through: %s', (text) => {
    expect(probability(text)).toBeGreaterThanOrEqual(GATE_MODEL.threshold);
  });

  it.each([
    '## Why\n\nImproved the description of the invalid_client error.\n\n## What\n\nMade it clearer.',
    'This error typically occurs when the signature does not match. To resolve this, make sure you encode the parameters; you can regenerate the token if needed.',
  ])('keeps text written about an error quiet: %s', (text) => {
    expect(probability(text)).toBeLessThan(GATE_MODEL.threshold);
  });
});

describe('gate features read in any case and layout', () => {
  it('reads a failure shown in capitals', () => {
    expect(
      feature('failure shown', 'WHEN I RUN IT THE FOLLOWING ERROR OCCURS:\n\nAADSTS50011'),
    ).toBe(1);
  });

  it('reads what a page shows below an indented heading or a colon before trailing blanks', () => {
    const heading =
      'It fails.\n\n  ## Error message  \nYou should sign in again and you may retry.';
    const colon = 'It fails.\n\nThe page says: \t\nYou should sign in again and you may retry.';
    expect(feature('modal verbs', heading)).toBe(0);
    expect(feature('modal verbs', colon)).toBe(0);
  });
});
