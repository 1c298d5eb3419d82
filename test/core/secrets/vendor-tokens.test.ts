import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { maskCredentials } from '../../../src/core/learning/mask-credentials.js';
import { detectSecrets, maskSecrets } from '../../../src/core/secrets/detect.js';

/** Random letters and digits, with at least one digit, as generated tokens are. */
const alnum = (n: number): string => {
  const s = randomBytes(n * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, n - 1);
  return `${s}7`;
};
const upper = (n: number): string =>
  `${randomBytes(n * 2)
    .toString('hex')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, n - 1)}Q`;

const GHP = `ghp_${alnum(36)}`;
const GITHUB_PAT = `github_pat_11${upper(20)}_${alnum(59)}`;
const GHO = `gho_${alnum(36)}`;
const GLPAT = `glpat-${alnum(20)}`;
const XOXB = `xoxb-1234567890-9876543210123-${alnum(24)}`;
const XOXP = `xoxp-1234567890-1234567890-9876543210123-${alnum(32)}`;
const OPENAI = `sk-proj-${alnum(48)}`;
const OPENAI_OLD = `sk-${alnum(48)}`;
const ANTHROPIC = `sk-ant-api03-${alnum(80)}`;
const STRIPE = `sk_live_${alnum(40)}`;
const STRIPE_TEST = `sk_test_${alnum(40)}`;
// Fixed: 16 random hex characters read below the entropy bound one time in 15.
const AWS_KEY_ID = 'AKIAQ7RZ2KX5MWB3HN6T';
const GOOGLE_ACCESS = `ya29.a0${alnum(60)}`;
const NOTION_NEW = `ntn_${alnum(46)}`;
const NOTION_OLD = `secret_${alnum(43)}`;

const VENDOR_TOKENS: readonly (readonly [string, string])[] = [
  ['GitHub classic PAT', GHP],
  ['GitHub fine-grained PAT', GITHUB_PAT],
  ['GitHub OAuth token', GHO],
  ['GitLab PAT', GLPAT],
  ['Slack bot token', XOXB],
  ['Slack user token', XOXP],
  ['OpenAI project key', OPENAI],
  ['OpenAI key', OPENAI_OLD],
  ['Anthropic key', ANTHROPIC],
  ['Stripe live secret key', STRIPE],
  ['Stripe test secret key', STRIPE_TEST],
  ['AWS access key id', AWS_KEY_ID],
  ['Google access token', GOOGLE_ACCESS],
  ['Notion token', NOTION_NEW],
  ['Notion legacy token', NOTION_OLD],
];

/** Every place a token is pasted outside any key the detector knows. */
const CONTEXTS: readonly ((t: string) => string)[] = [
  (t) => t,
  (t) => `I used ${t} and it fails with 401`,
  (t) => `token: ${t}`,
  (t) => `  token: ${t}\n  user: bob`,
  (t) => `[auth] using "${t}"`,
  (t) => `(${t})`,
  (t) => `value=${t};`,
];

/** `token` is found whole in every context, and neither mask keeps its end. */
function expectFoundWhole(token: string): void {
  for (const context of CONTEXTS) {
    const text = context(token);
    const findings = detectSecrets(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual([token]);
    expect(maskSecrets(text)).not.toContain(token.slice(-8));
    expect(maskCredentials(text).text).not.toContain(token.slice(-8));
  }
}

describe('vendor-prefixed tokens anywhere in text', () => {
  it.each(VENDOR_TOKENS)('finds a %s', (_, token) => {
    expectFoundWhole(token);
  });

  it.each([
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'ghp_************************************',
    'ghp_your_token_here',
    'github_pat_<your token>',
    'glpat-XXXXXXXXXXXXXXXXXXXX',
    'sk-...',
    'sk-proj-****',
    'sk_live_REDACTED',
    'sk_test_placeholder',
    'AKIAIOSFODNN7EXAMPLE',
    'AKIAXXXXXXXXXXXXXXXX',
    'ya29.xxx',
    'ntn_****',
    'secret_key=${SECRET_KEY}',
    'secret_sauce is the recipe',
    'a task-based sk-learn model; the desk-top ask-me',
    'scikit sk-learn, my-sk-12 and AKIA-style ids',
    'see docs at https://docs.github.com/ghp_tokens and ya29 tokens',
    'pip install sk-learn-compatible-wheel-build-2024',
    'deployed sk-payments-service-deploy-2024-11-03 to prod',
    'the job sk-20240105-checkout-service-1234 failed',
    'see secret_ManagementDashboard2024ReleaseNotesXyz for details',
  ])('ignores the stand-in %s', (text) => {
    expect(detectSecrets(text)).toEqual([]);
  });

  it.each([
    ['an OpenAI key of 600 characters', `sk-proj-${alnum(300)}-${alnum(299)}`],
    [
      'a GitLab token of five dotted parts',
      `glpat-${alnum(24)}.${alnum(8)}.${alnum(8)}.${alnum(8)}.${alnum(8)}.${alnum(8)}`,
    ],
    ['a GitHub token of 300 characters', `ghp_${alnum(300)}`],
    ['a Google access token of 5,000 characters', `ya29.a0${alnum(5000)}`],
    ['a Stripe key of 300 characters', `sk_live_${alnum(300)}`],
  ])('masks the whole of %s', (_, token) => {
    expectFoundWhole(token);
  });

  it('names the vendor for the warning', () => {
    const [finding] = detectSecrets(`I pasted ${GHP} by mistake`);
    expect(finding).toMatchObject({ kind: 'vendor-token', name: 'github' });
    expect(finding?.label).toMatch(/GitHub/);
  });

  it('prefers the vendor name to a header or an assignment holding the token', () => {
    for (const text of [`Authorization: token ${GHP}`, `{"api_key": "${OPENAI}"}`]) {
      const findings = detectSecrets(text);
      expect(findings).toHaveLength(1);
      expect(findings[0]?.kind).toBe('vendor-token');
    }
  });
});

describe('environment lines', () => {
  const TOKEN = alnum(32);
  it.each([
    `GITHUB_TOKEN=${TOKEN}`,
    `export DEPLOY_TOKEN="${TOKEN}"`,
    `export MY_SERVICE_TOKEN='${TOKEN}'`,
    `NPM_TOKEN = ${TOKEN}`,
    `APP_SECRET=${TOKEN}`,
    `export WEBHOOK_SECRET="${TOKEN}"`,
    `HUBSPOT_API_KEY=${TOKEN}`,
    `export STRIPE_API_KEY='${TOKEN}'`,
    `DB_PASSWORD=${TOKEN}`,
    `export SMTP_PASSWORD="${TOKEN}"`,
    `docker run -e NPM_TOKEN=${TOKEN} node:20 npm publish`,
  ])('masks and reports %s', (line) => {
    const text = `# .env\n${line}\nPORT=8080`;
    expect(detectSecrets(text)).toHaveLength(1);
    expect(maskSecrets(text)).not.toContain(TOKEN);
    expect(maskCredentials(text).text).not.toContain(TOKEN);
    expect(maskSecrets(text)).toContain('PORT=8080');
  });

  it.each([
    'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}',
    'export DEPLOY_TOKEN="$DEPLOY_TOKEN"',
    'NPM_TOKEN=<your npm token>',
    'SLACK_BOT_TOKEN=xoxb-your-bot-token',
    'error=invalid_token, oauth_token=abc',
    'MAX_TOKEN=4096',
    'GET /v1/items?page_token=CiAKGjBpNDd2Nmp2Zml2cXRjYzJ2ZjV1Mmw3bWgQAQ',
    'next_token=AQICAHjGVo9UJs7kYtvHgQ2zR8bXmP4nL1wE3fT6',
    'continuation_token = "eyJvZmZzZXQiOjEwMCwiY3Vyc29yIjoiYWJjMTIzIn0"',
    '"nextPageToken": "x", then ?NEXT_PAGE_TOKEN=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5',
    'OAUTH2_TOKEN = "https://api.ouraring.com/oauth/token"',
    'client_secret=https://vault.acme.io/v1/secret/data/app2',
  ])('leaves %s', (text) => {
    expect(detectSecrets(text)).toEqual([]);
  });
});

describe('headers written as maps', () => {
  const TOKEN = alnum(32);
  const BASIC = Buffer.from(`client:${alnum(24)}`).toString('base64');
  it.each([
    `{"Authorization": ["Bearer ${TOKEN}"]}`,
    `headers: {'Authorization': 'Basic ${BASIC}'}`,
    `map[Authorization:[Bearer ${TOKEN}]]`,
  ])('masks %s', (text) => {
    const secret = text.includes('Basic') ? BASIC : TOKEN;
    expect(detectSecrets(text)).toHaveLength(1);
    expect(maskSecrets(text)).not.toContain(secret);
    expect(maskCredentials(text).text).not.toContain(secret);
  });
});

describe('PowerShell secure strings', () => {
  it.each([
    '$pw = ConvertTo-SecureString "Winter2024!x" -AsPlainText -Force',
    '$c = New-Object PSCredential("u", (SecureString "Winter2024!x"))',
  ])('masks %s', (text) => {
    expect(detectSecrets(text)).toHaveLength(1);
    expect(maskSecrets(text)).not.toContain('Winter2024!x');
    expect(maskCredentials(text).text).not.toContain('Winter2024!x');
  });

  it('leaves Read-Host -AsSecureString and a SecureString type', () => {
    const text = '$p = Read-Host -AsSecureString; [SecureString] $p; SecureString "$pw"';
    expect(detectSecrets(text)).toEqual([]);
    expect(maskCredentials(text).text).toBe(text);
  });
});

describe('values that are not credentials', () => {
  it.each([
    'the token is v1.2.3-beta',
    'the token is 1.2.3-beta.4',
    'the token is 1.2.3-rc.1+build.5',
    'the token is 10.20.30-alpha.2+sha.9f3c2ab',
    'the token is 2.4.1+build.20241105',
    'the access token is 2.0.1 and the refresh token is v10.4',
    'the password is 2024-05-01',
    'the token is abc123',
    'the token is xxxx, the token is <token>, the token is ****',
    'the token is ${TOKEN}, the token is REDACTED, the token is [REDACTED]',
    'the refresh token is expired2 and the token is RS256',
  ])('does not warn on %s', (text) => {
    expect(detectSecrets(text)).toEqual([]);
  });

  it('masks no version in a stored paste', () => {
    expect(maskCredentials('the token is v1.2.3-beta').text).toBe('the token is v1.2.3-beta');
  });

  it('still warns on a generated token stated in a sentence', () => {
    const token = alnum(32);
    expect(detectSecrets(`the refresh token is ${token}`)).toHaveLength(1);
  });
});
