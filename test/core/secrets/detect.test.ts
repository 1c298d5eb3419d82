import { describe, expect, it } from '@jest/globals';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { detectSecrets, maskSecrets } from '../../../src/core/secrets/detect.js';
import { isPlaceholder, shannonEntropy } from '../../../src/core/secrets/entropy.js';
import { maskUnkeyedValues } from '../../../src/core/secrets/unkeyed-values.js';

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const rand = (n: number) => randomBytes(n).toString('base64url');
const hex = (n: number) => randomBytes(n).toString('hex');
const JWT = `${b64url('{"alg":"PS256","typ":"JWT","kid":"k1"}')}.${b64url('{"iss":"https://system.netsuite.com","exp":1}')}.${rand(64)}`;
const JWE = `${b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.${rand(256)}.${rand(12)}.${rand(80)}.${rand(16)}`;
const PRETTY_JWT = `${b64url('{\n  "alg": "ES256"\n}')}.${b64url('{\n  "sub": "x"\n}')}.${rand(64)}`;
const SECRET = hex(32); // NetSuite client secrets are 64 hex characters
// Workday-style base64 secret; not starting with `-`, which would read as a command-line option.
const WD_SECRET = rand(48).replace(/^-/, 'A');
const PEM_BODY = Array.from({ length: 6 }, () => randomBytes(48).toString('base64')).join('\n');
const PEM = `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\n-----END PRIVATE KEY-----`;
/** A Salesforce session id / access token: org id, `!`, then the session part. */
const SF_TOKEN = `00D5e000000AbCd!AQ${rand(70).replace(/-/g, '.')}`;
const XOXB = `xoxb-1234567890-9876543210123-${rand(18)}`;
/** Standard base64 with `+`, `/` and padding, as it reads once URL-encoded (`%2B`, `%2F`, `%3D`). */
const B64 = `${randomBytes(30).toString('base64')}+/a${randomBytes(4).toString('base64')}`;
const B64_ENCODED = encodeURIComponent(B64);

interface Case {
  readonly text: string;
  readonly value: string;
  readonly kind: string;
  readonly name?: string;
}

const POSITIVES: readonly Case[] = [
  { text: `token is ${JWT}, expired?`, value: JWT, kind: 'jwt' },
  { text: `got ${JWE}`, value: JWE, kind: 'jwt', name: 'jwe' },
  { text: `pretty ${PRETTY_JWT}`, value: PRETTY_JWT, kind: 'jwt' },
  { text: `Authorization: Bearer ${JWT}`, value: JWT, kind: 'jwt', name: 'bearer' },
  {
    text: `refresh_token=${JWT}&grant_type=refresh_token`,
    value: JWT,
    kind: 'jwt',
    name: 'refresh_token',
  },
  { text: `{"client_assertion": "${JWT}"}`, value: JWT, kind: 'jwt', name: 'client_assertion' },
  {
    text: `Authorization: Basic ${b64url(`abc:${SECRET}`)}`,
    value: b64url(`abc:${SECRET}`),
    kind: 'authorization-header',
    name: 'basic',
  },
  {
    text: `curl -H "authorization: bearer ${WD_SECRET}" https://x`,
    value: WD_SECRET,
    kind: 'authorization-header',
    name: 'bearer',
  },
  {
    text: `{"Authorization": "Token ${SECRET}"}`,
    value: SECRET,
    kind: 'authorization-header',
    name: 'token',
  },
  {
    text: `curl -H "Authorization: Bearer ${SF_TOKEN}" https://acme.my.salesforce.com`,
    value: SF_TOKEN,
    kind: 'authorization-header',
    name: 'bearer',
  },
  {
    text: `sent Bearer ${SF_TOKEN} to /services/data`,
    value: SF_TOKEN,
    kind: 'authorization-header',
    name: 'bearer',
  },
  {
    text: `<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${WD_SECRET}</wsse:Password>`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'password',
  },
  {
    // SOAP as tools pretty-print it: the password on its own line.
    text: `<wsse:Password Type="x#PasswordText">\n      ${WD_SECRET}\n    </wsse:Password>`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'password',
  },
  {
    text: `<client_secret>\r\n\t${SECRET}\r\n</client_secret>`,
    value: SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `<password><![CDATA[${WD_SECRET}]]></password>`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'password',
  },
  {
    text: `<ClientSecret>\n  <![CDATA[${SECRET}]]>\n</ClientSecret>`,
    value: SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `<ns:client_secret>${SECRET}</ns:client_secret>`,
    value: SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `sent Bearer ${WD_SECRET} to the API`,
    value: WD_SECRET,
    kind: 'authorization-header',
    name: 'bearer',
  },
  {
    text: `grant_type=client_credentials&client_secret=${SECRET}&x=1`,
    value: SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `{"client_id":"abc","client_secret": "${WD_SECRET}"}`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `export NS_CLIENT_SECRET=${SECRET}\n`,
    value: SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `CLIENT_SECRET="${WD_SECRET}"`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `client_secret: '${WD_SECRET}'`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `Client Secret: ${WD_SECRET}`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `const cfg = { clientSecret: "${WD_SECRET}" }`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  { text: `nsClientSecret=${SECRET}`, value: SECRET, kind: 'assignment', name: 'client_secret' },
  // A key named as the value of a name or key field, then its value; a command-line option.
  {
    text: `<add key="ClientSecret" value="${WD_SECRET}" />`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `{"key":"clientSecret","value":"${SECRET}","type":"string"}`,
    value: SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `cli login --client-secret ${WD_SECRET} --tenant acme`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `refresh_token=${WD_SECRET}`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'refresh_token',
  },
  {
    text: `GET /api?access_token=${WD_SECRET}&limit=5`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'access_token',
  },
  { text: `TOKEN_SECRET=${SECRET}`, value: SECRET, kind: 'assignment', name: 'token_secret' },
  {
    text: `consumer_secret => "${SECRET}"`,
    value: SECRET,
    kind: 'assignment',
    name: 'consumer_secret',
  },
  { text: `x-api-key: ${WD_SECRET}`, value: WD_SECRET, kind: 'assignment', name: 'api_key' },
  { text: `password=Summer2024!x`, value: 'Summer2024!x', kind: 'assignment', name: 'password' },
  {
    // NetSuite's NLAuth header: its signature is the user's password.
    text: `Authorization: NLAuth nlauth_account=TSTDRV1234567, nlauth_email=jdoe@example.com, nlauth_signature=Summer2024!x, nlauth_role=3`,
    value: 'Summer2024!x',
    kind: 'assignment',
    name: 'password',
  },
  // A key after a prefix glued on, and an element so named.
  { text: `dbpassword=Summer2024!x`, value: 'Summer2024!x', kind: 'assignment', name: 'password' },
  {
    text: `APICLIENTSECRET=${SECRET}`,
    value: SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `<ns:dbPassword>${WD_SECRET}</ns:dbPassword>`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'password',
  },
  { text: `"password": "Tr0ub4dor&3"`, value: 'Tr0ub4dor&3', kind: 'assignment', name: 'password' },
  {
    text: `curl -u 5c2a9e1b7d3f:${SECRET} -d grant_type=client_credentials https://x/token`,
    value: SECRET,
    kind: 'basic-pair',
    name: 'curl',
  },
  {
    text: `curl --user "my-client:${WD_SECRET}" https://x`,
    value: WD_SECRET,
    kind: 'basic-pair',
    name: 'curl',
  },
  { text: `curl --user='app:Tr0ub4dor&3' -X POST`, value: 'Tr0ub4dor&3', kind: 'basic-pair' },
  { text: `curl.exe -u id:Summer2024!x`, value: 'Summer2024!x', kind: 'basic-pair' },
  { text: `curl -uadmin:Summer2024!x https://x`, value: 'Summer2024!x', kind: 'basic-pair' },
  {
    text: `GET https://svc:${WD_SECRET}@wd2-impl-services1.workday.com/ccx/api failed`,
    value: WD_SECRET,
    kind: 'basic-pair',
    name: 'url',
  },
  {
    text: `DATABASE_URL=postgres://app:Xk9!mQ2rT7@db.internal:5432/prod`,
    value: 'Xk9!mQ2rT7',
    kind: 'basic-pair',
    name: 'url',
  },
  { text: `mongodb+srv://u:p@ss-W0rd99@c0.mongodb.net`, value: 'p@ss-W0rd99', kind: 'basic-pair' },
  { text: `proxy http://proxy:hunter22@[::1]:3128/`, value: 'hunter22', kind: 'basic-pair' },
  // URL- and form-encoded forms of the same credentials (a redirect's `next=`, a logged body).
  {
    text: `GET /login?next=%2Ftoken%3Fgrant_type%3Drefresh_token%26refresh_token%3D${WD_SECRET}%26x%3D1`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'refresh_token',
  },
  {
    text: `body=grant_type%3Dclient_credentials%26client_secret%3D${B64_ENCODED}`,
    value: B64_ENCODED,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `data=%7B%22client_secret%22%3A%22${SECRET}%22%7D`,
    value: SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    // JSON inside a JSON string (a logged request body): the quotes are escaped.
    text: `"body": "{\\"client_secret\\": \\"${SECRET}\\"}"`,
    value: SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `headers=Authorization: Basic%20${B64_ENCODED}`,
    value: B64_ENCODED,
    kind: 'authorization-header',
    name: 'basic',
  },
  {
    text: `grant_type=client_credentials&authorization=Basic+${B64_ENCODED}&scope=x`,
    value: B64_ENCODED,
    kind: 'authorization-header',
    name: 'basic',
  },
  {
    text: `h=Authorization%3A%20Bearer%20${WD_SECRET}%0A`,
    value: WD_SECRET,
    kind: 'authorization-header',
    name: 'bearer',
  },
  { text: `key:\n${PEM}\nthanks`, value: PEM, kind: 'private-key' },
  {
    text: `{"private_key": "${PEM.replaceAll('\n', '\\n')}"}`,
    value: PEM.replaceAll('\n', '\\n'),
    kind: 'private-key',
  },
  {
    text: `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}`,
    value: `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}`,
    kind: 'private-key',
  },
  {
    text: `-----BEGIN OPENSSH PRIVATE KEY----- ${PEM_BODY.replaceAll('\n', ' ')} -----END OPENSSH PRIVATE KEY-----`,
    value: `-----BEGIN OPENSSH PRIVATE KEY----- ${PEM_BODY.replaceAll('\n', ' ')} -----END OPENSSH PRIVATE KEY-----`,
    kind: 'private-key',
  },
  { text: `SLACK_BOT_TOKEN=${XOXB}`, value: XOXB, kind: 'slack-token', name: 'xoxb' },
  {
    text: `use xoxp-1234567890-1234567890-1234567890-${hex(16)}`,
    value: `xoxp-1234567890-1234567890-1234567890-`,
    kind: 'slack-token',
    name: 'xoxp',
  },
  {
    text: `xapp-1-A0123456789-1234567890123-${hex(32)}`,
    value: 'xapp-1-A0123456789-',
    kind: 'slack-token',
    name: 'xapp',
  },
  {
    text: `hook https://hooks.slack.com/services/T0123ABCD/B0123ABCD/${rand(18)} ok`,
    value: 'https://hooks.slack.com/services/',
    kind: 'slack-token',
    name: 'webhook',
  },
  // Header credentials other than Authorization, and an Authorization header with no scheme.
  ...(
    [
      ['X-Auth-Token', 'auth_token'],
      ['x-api-key', 'api_key'],
      ['api-key', 'api_key'],
      ['apikey', 'api_key'],
      ['X-API-Token', 'api_token'],
      ['Ocp-Apim-Subscription-Key', 'subscription_key'],
      ['X-Shopify-Access-Token', 'access_token'],
      ['X-Vault-Token', 'vault_token'],
      ['PRIVATE-TOKEN', 'private_token'],
    ] as const
  ).map(([header, name]): Case => ({
    text: `curl -H "${header}: ${WD_SECRET}" https://api.example.com/v1`,
    value: WD_SECRET,
    kind: 'assignment',
    name,
  })),
  { text: `Authorization: ${SECRET}\r\nHost: x`, value: SECRET, kind: 'authorization-header' },
  {
    text: `{"headers": {"Authorization": "${WD_SECRET}"}}`,
    value: WD_SECRET,
    kind: 'authorization-header',
  },
  // Any X-…-Key, -Secret or -Token header (Cloudflare's X-Auth-Key, AWS's X-Amz-Security-Token …).
  ...[
    'X-Auth-Key',
    'X-Access-Key',
    'X-Token',
    'X-Session-Token',
    'X-Amz-Security-Token',
    'X-Functions-Key',
    'x-master-key',
    'X-Secret',
  ].map((header): Case => ({
    text: `curl -H "${header}: ${WD_SECRET}" https://api.example.com/v1`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'header_credential',
  })),
  // Authorization schemes beside Basic, Bearer and Token: Okta's SSWS API token, DPoP, SPNEGO …
  ...(
    [
      ['SSWS', 'ssws'],
      ['DPoP', 'dpop'],
      ['Negotiate', 'negotiate'],
      ['NTLM', 'ntlm'],
      ['Key', 'key'],
      ['ApiKey', 'apikey'],
      ['Bot', 'bot'],
      ['OAuth', 'oauth'],
      ['sso-key', 'sso-key'],
      ['Zoho-oauthtoken', 'zoho-oauthtoken'],
    ] as const
  ).map(([scheme, name]): Case => ({
    text: `curl -H "Authorization: ${scheme} ${WD_SECRET}" https://x`,
    value: WD_SECRET,
    kind: 'authorization-header',
    name,
  })),
  {
    text: `{"headers": {"authorization": "SSWS ${SECRET}"}}`,
    value: SECRET,
    kind: 'authorization-header',
    name: 'ssws',
  },
  // Java keytool's keystore and key passwords, PowerShell's parameters and secure strings.
  {
    text: `keytool -importkeystore -srckeystore a.p12 -srcstorepass ${WD_SECRET} -destkeystore b.jks`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'keystore_password',
  },
  {
    text: 'keytool -genkeypair -alias wd -keystore wd.jks -keypass Summer2024!x -v',
    value: 'Summer2024!x',
    kind: 'assignment',
    name: 'keystore_password',
  },
  {
    text: `keytool -list -keystore x.jks -storepass "Tr0ub4dor&3"`,
    value: 'Tr0ub4dor&3',
    kind: 'assignment',
    name: 'keystore_password',
  },
  {
    text: `Connect-Tenant -ClientId abc -ClientSecret ${WD_SECRET} -TenantId x`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: 'New-Session -UserName bob -Password Summer2024!x',
    value: 'Summer2024!x',
    kind: 'assignment',
    name: 'password',
  },
  {
    text: '$pw = ConvertTo-SecureString "Summer2024!x" -AsPlainText -Force',
    value: 'Summer2024!x',
    kind: 'assignment',
    name: 'password',
  },
  {
    text: `ConvertTo-SecureString -String '${WD_SECRET}' -AsPlainText -Force`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'password',
  },
  {
    text: 'ConvertTo-SecureString -AsPlainText -Force -String Summer2024!x',
    value: 'Summer2024!x',
    kind: 'assignment',
    name: 'password',
  },
  // A client secret, API key or secret stated in a sentence.
  {
    text: 'fyi the client secret is Xk9mQ2rT7vB4 for the sandbox',
    value: 'Xk9mQ2rT7vB4',
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: `my API key is: ${WD_SECRET}`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'api_key',
  },
  {
    text: `and the secret: ${WD_SECRET}`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'secret',
  },
  // A typed password no key names: in a sentence, after a command's -p beside its user.
  {
    text: 'fyi the password is Sup3rS3cret! for now',
    value: 'Sup3rS3cret',
    kind: 'assignment',
    name: 'password',
  },
  {
    text: 'I reset the user password to Welcome2024.',
    value: 'Welcome2024',
    kind: 'assignment',
    name: 'password',
  },
  {
    text: "my password 'Tr0ub4dor&3' fails",
    value: 'Tr0ub4dor&3',
    kind: 'assignment',
    name: 'password',
  },
  {
    text: 'mysql -u root -p S3cr3tPass mydb',
    value: 'S3cr3tPass',
    kind: 'assignment',
    name: 'password',
  },
  {
    text: 'mysqldump -uroot -pS3cr3tPass mydb',
    value: 'S3cr3tPass',
    kind: 'assignment',
    name: 'password',
  },
  {
    text: 'sqlcmd -S db -U sa -P "S3cr3t!Pass"',
    value: 'S3cr3t!Pass',
    kind: 'assignment',
    name: 'password',
  },
  {
    text: 'docker login -u bob -p hunter2x7 registry.example.com',
    value: 'hunter2x7',
    kind: 'assignment',
    name: 'password',
  },
  // Session 18: a parameter at a line's start, a token in a sentence, a .netrc password, AWS and
  // Azure keys, an Authorization header split across lines.
  {
    text: `-ClientSecret ${WD_SECRET}`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'client_secret',
  },
  {
    text: 'fyi the refresh token is 1//0gAbCdEf-ghIjKlMn93xYz7 for the sandbox',
    value: '1//0gAbCdEf-ghIjKlMn93xYz7',
    kind: 'assignment',
    name: 'refresh_token',
  },
  {
    text: `the token is ${WD_SECRET}.`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'token',
  },
  {
    text: 'machine api.example.com login bob password Xk9mQ2rT7vB4',
    value: 'Xk9mQ2rT7vB4',
    kind: 'assignment',
    name: 'password',
  },
  {
    text: `aws_secret_access_key = ${WD_SECRET}`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'secret_access_key',
  },
  {
    text: `AccountName=acme;AccountKey=${WD_SECRET};EndpointSuffix=core.windows.net`,
    value: WD_SECRET,
    kind: 'assignment',
    name: 'account_key',
  },
  {
    text: `Authorization: Bearer\n    ${WD_SECRET}1`,
    value: WD_SECRET,
    kind: 'authorization-header',
    name: 'bearer',
  },
];

describe('detectSecrets', () => {
  it.each(POSITIVES.map((c) => [c.text.slice(0, 50), c] as const))('finds %s', (_, c) => {
    const found = detectSecrets(c.text);
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f?.kind).toBe(c.kind);
    if (c.name !== undefined) expect(f?.name).toBe(c.name);
    expect(c.text.slice(f!.start, f!.end)).toContain(c.value);
    expect(f?.label).toMatch(/^an? /);
  });

  it('finds generated secrets of any length and alphabet in every assignment style', () => {
    const secret = fc.oneof(
      fc
        .uint8Array({ minLength: 12, maxLength: 64 })
        .map((b) => Buffer.from(b).toString('base64url')),
      fc.uint8Array({ minLength: 16, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
    );
    const style = fc.constantFrom(
      (v: string) => `client_secret=${v}&a=b`,
      (v: string) => `{"refresh_token": "${v}"}`,
      (v: string) => `WD_CLIENT_SECRET=${v}`,
      (v: string) => `Authorization: Bearer ${v}`,
    );
    fc.assert(
      fc.property(secret, style, (v, wrap) => {
        // The contract: mixed letters and digits at 3+ bits per character, not a stand-in. fast-check's
        // draws are biased towards zero bytes ("000…3a…000", "AAA0AABBGCE_CJ1F": an environment
        // variable's name), which are not what a generated secret looks like.
        fc.pre(/\d/.test(v) && /[a-z]/i.test(v) && shannonEntropy(v) >= 3 && !isPlaceholder(v));
        const masked = maskSecrets(wrap(v));
        expect(masked).not.toContain(v);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the password of any generated or typed user:password pair, in curl and in URLs', () => {
    const password = fc.oneof(
      fc
        .uint8Array({ minLength: 8, maxLength: 48 })
        .map((b) => Buffer.from(b).toString('base64url')),
      // What people type: letters, digits and the punctuation a URL or a shell word can hold raw.
      fc.stringMatching(/^[A-Za-z0-9!$%&*+,.;=@~_-]{8,32}$/),
    );
    const user = fc.stringMatching(/^[A-Za-z0-9._-]{1,24}$/);
    const style = fc.constantFrom(
      (u: string, p: string) => `curl -u ${u}:${p} https://x/token`,
      (u: string, p: string) => `curl --user "${u}:${p}" -d a=b`,
      (u: string, p: string) => `curl -X POST --user '${u}:${p}'`,
      (u: string, p: string) => `curl -u${u}:${p} https://x/token`,
      (u: string, p: string) => `see https://${u}:${p}@host.example/path?q=1`,
      (u: string, p: string) => `postgres://${u}:${p}@db:5432/app`,
    );
    fc.assert(
      fc.property(user, password, style, (u, p, wrap) => {
        // The contract: a value that is not a word, a number or a stand-in (`abc...`, `x****y`).
        fc.pre(/\d/.test(p) && /[a-z]/i.test(p) && shannonEntropy(p) >= 2.5 && !isPlaceholder(p));
        const text = wrap(u, p);
        const found = detectSecrets(text);
        expect(found.map((f) => text.slice(f.start, f.end))).toContain(p);
        expect(maskSecrets(text)).not.toContain(p);
        // The user name is an identifier, kept so the answer can still talk about it.
        expect(maskSecrets(text)).toContain(u);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds several credentials in one paste, in order', () => {
    const text = `client_secret=${SECRET}\nAuthorization: Bearer ${JWT}\n${PEM}\n${XOXB}`;
    expect(detectSecrets(text).map((f) => f.kind)).toEqual([
      'assignment',
      'jwt',
      'private-key',
      'slack-token',
    ]);
  });
});

const PLACEHOLDER_VALUES = [
  '****',
  '********************',
  'abcd****wxyz',
  '<client_secret>',
  '<your client secret here>',
  '$CLIENT_SECRET',
  '${NS_CLIENT_SECRET}',
  '%CLIENT_SECRET%',
  '{{client_secret}}',
  '{{refresh_token}}',
  'xxxxxxxxxxxxxxxx',
  'XXXX-XXXX-XXXX',
  'REDACTED',
  '[redacted]',
  '[REDACTED]',
  'YOUR_CLIENT_SECRET',
  'your-client-secret-here',
  'config.clientSecret',
  'process.env.CLIENT_SECRET',
  'null',
  'undefined',
  'abc123...',
  'changeme',
  '${env:CLIENT_SECRET}',
  '$env:CLIENT_SECRET',
  '${var.client_secret}',
  '${{ secrets.CLIENT_SECRET }}',
  '{{ .Values.clientSecret }}',
  '$(ClientSecret)',
];

const BENIGN_TEXTS = [
  'WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"',
  'WWW-Authenticate: Bearer realm="catalog", error="insufficient_scope"',
  'Authorization: Basic ****',
  'Authorization: Bearer <token>',
  'Authorization: Bearer $TOKEN',
  'Authorization: Bearer {{access_token}}',
  'grant_type=refresh_token&refresh_token={{access_token}}',
  'Refresh Token Timeout (in Days): 365',
  'Access Token Type: Bearer',
  'client_secret_expires_at: 0',
  'refresh_token_expires_in=604800',
  'access_token_url=https://example.com/oauth2/token',
  '"expires_in": "3600", "token_type": "bearer"',
  'the refresh token: expired yesterday, the access token: fine',
  'password: changed by AD policy last night',
  'password_expired=true',
  'we rotated the client secret = done',
  'Execution ID: execution-5f2e9c1a-07b3-4d58-9e6f-2a1b3c4d5e6f-2025.04.30',
  'x-request-id: 0f8fad5b-d9cb-469f-a165-70867728950e',
  'commit 82af1c1f5402eaed3ad52a311f178124c21a469b',
  'see https://github.com/panva/jose/commit/afbc6649 and sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'etag: "33a64df551425fcc55e4d42a148795d9f25f89d4"',
  'file started with -----BEGIN PRIVATE KEY----- and then nothing',
  '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----',
  'SLACK_BOT_TOKEN must start with xoxb- (the Bot User OAuth Token)',
  'set SLACK_BOT_TOKEN=xoxb-your-bot-token',
  'xoxb-****',
  'the header eyJhbGciOiJQUzI1NiJ9 decodes to {"alg":"PS256"}',
  'version 1.2.3.4.5 of lib.eyJfoo',
  'NetSuite "Certificate ID: Jp7tX2qL9wRb", client_id=5c2a9e1b7d3f4068a2c1e9b7d5f3a1c0',
  'curl -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials',
  'curl --user ${WD_CLIENT_ID}:${WD_CLIENT_SECRET} https://x',
  'curl -u client_id:client_secret https://wd2-impl-services1.workday.com/ccx/oauth2/t/token',
  'curl -u user https://x (curl prompts for the password)',
  'curl -u "<client id>:<client secret>" https://x',
  'docker run -u 1000:1000 img; git push -u origin main',
  'git push -uorigin main; tar -uvf a.tar; sort -u:x',
  'postgres://postgres:postgres@localhost:5432/test',
  'amqp://guest:guest@localhost:5672 and https://user:password@host/',
  'https://user:****@host and redis://:${REDIS_PASSWORD}@cache:6379',
  'https://wd2-impl-services1.workday.com:443/ccx/oauth2/acme/token?a=b:c@d',
  'jdbc:postgresql://db:5432/app?user=app and mailto:ops@example.com',
  'http://[::1]:8080/ and https://api.example.com:8443/v1/orders/5c2a9e1b7d3f4068',
  'ssh://git@github.com:22/org/repo.git',
  'next=%2Ftoken%3Fgrant_type%3Drefresh_token%26refresh_token%3D%7B%7Brefresh_token%7D%7D',
  'q=client_secret%3D%3Cyour%20client%20secret%3E%26client_id%3Dabc',
  'q=client_secret%3D%24CLIENT_SECRET&refresh_token_expires_in%3D604800',
  'authorization=Basic+****&authorization%3DBearer%20%7B%7Btoken%7D%7D',
  'search?q=authorization+header+basic+vs+bearer+tokens',
  'the refresh token%3A expired, see %2Fdocs%2Fclient_secret%3Dhow-to',
  '{"key": "client_secret", "value": "{{client_secret}}"}, --client-secret $CLIENT_SECRET',
  // An element's text across lines is one value on one line, before the element's own end tag.
  '<client_secret>\nRotate it in the portal,\nthen retry the call.\n</client_secret>',
  'client_secret=<CLIENT_SECRET>\nsee the docs 4 how to rotate it\n</details>',
  // `id_token` and `pass` are not read after letters: `invalid_token`, `bypass`.
  'error=invalid_token: c29tZS1yZXF1ZXN0LWlkLTEyMzQ1Ng, validtoken=Q2xpZW50LTk4NzY1NDMyMQ',
  // A password in prose only when the value reads as one; -p only beside a user option.
  'the password is wrong, password is required, the password expired',
  'the password is Base64-encoded and case-sensitive, password is SHA256 hashed',
  'password is 8 characters; send the password to bob@example.com; password is %s',
  'I set the password to something else and the passwords were changed to expire',
  'mkdir -p build2 && cp -p a2 b2; ssh -p 2222 -l admin host; git log -p',
  'docker run -u 1000 -p 8080:80 img; psql -U app -p 5432 -d app',
  'az login -u $USER -p $PASSWORD; mysql -u root -p -h db; mysql -u root -p <password>',
  // OAuth 1.0's token id is no auth token; an Authorization header that states no credential.
  'oauth_token=Q2xpZW50LTk4NzY1NDMyMQ, OAuthToken: Q2xpZW50LTk4NzY1NDMyMQ',
  'Failed to check authorization: invalid_client',
  'bad authorization: 400 Bad Request; Authorization: <token>; Authorization: [PII_REDACTED]',
  'x-request-id: 0f8fad5b; X-Api-Key: YOUR_API_KEY; PRIVATE-TOKEN: <your_access_token>',
  // Other X- headers, schemes named in prose, keytool and PowerShell stand-ins, prose keys.
  'X-Request-Id: 5c2a9e1b7d3f, X-RateLimit-Remaining: 99, X-Keycloak-Realm: acme2024',
  'WWW-Authenticate: Negotiate, NTLM; Authorization: Negotiate failed; SSWS tokens expire',
  'keytool -list -keystore x.jks -storepass:env STOREPASS -keypass:file kp.txt',
  'keytool -list -storepass $STOREPASS; -Password (ConvertTo-SecureString $pw -AsPlainText -Force)',
  'Connect-X -ClientSecret $clientSecret -Password ${env:PW}; ConvertTo-SecureString $env:PW',
  'the api key is invalid, the client secret is expired, the secret: rotate it yearly',
  'mysql -u root -p mydb; mysql -u root -p -D mydb2',
  '[10:50:11 DBG] Parser found secret: BasicAuthenticationSecretParser',
  // A token stated in a sentence only when it reads as one; variables that name what they hold.
  'the token is expired, the refresh token is invalid, the id token is SHA256withRSA',
  'password=$PASSWORD; password=$dbPassword; -ClientSecret $clientSecret; Bearer $accessToken',
  'Checked:\n-Password expired\n-ClientSecret rotated on 2024-05-01',
  'Authorization: Bearer\nThen I got 401 Unauthorized after 3600 seconds',
];

describe('no false positives', () => {
  it.each(PLACEHOLDER_VALUES)('ignores the placeholder %s in every assignment style', (v) => {
    for (const text of [
      `client_secret=${v}`,
      `{"client_secret": "${v}"}`,
      `CLIENT_SECRET=${v}`,
      `refresh_token: ${v}`,
      `password="${v}"`,
      `Authorization: Bearer ${v}`,
      `Authorization: Basic ${v}`,
      `Authorization: ${v}`,
      `X-Auth-Token: ${v}`,
      `curl -H 'x-api-key: ${v}' https://x`,
      `the password is ${v}`,
      `mysql -u root -p ${v} db`,
    ]) {
      expect(detectSecrets(text)).toEqual([]);
    }
  });

  it.each(BENIGN_TEXTS)('ignores %s', (text) => {
    expect(detectSecrets(text)).toEqual([]);
  });

  it('ignores every negative case of the dev evaluation set', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../../fixtures/secrets/dev-negatives.json', import.meta.url), 'utf8'),
    ) as { cases: { id: string; text: string }[] };
    expect(fixture.cases.length).toBeGreaterThanOrEqual(15);
    const flagged = fixture.cases.filter((c) => detectSecrets(c.text).length > 0).map((c) => c.id);
    expect(flagged).toEqual([]);
  });

  it('ignores UUIDs, hex digests, commit SHAs and request ids', () => {
    const samples = Array.from({ length: 200 }, (_, i) => {
      const data = `${i}-${hex(8)}`;
      return [
        randomUUID(),
        createHash('sha1').update(data).digest('hex'),
        createHash('sha256').update(data).digest('hex'),
        createHash('sha512').update(data).digest('base64'),
        `req_${hex(12)}`,
        `request-id: ${randomUUID()}`,
        `trace_id=${hex(16)} correlation_id: ${randomUUID()}`,
        `commit ${createHash('sha1').update(data).digest('hex')}`,
      ].join(' ');
    });
    for (const s of samples) expect(detectSecrets(s)).toEqual([]);
  });

  it('finds nothing in arbitrary hex, UUID and word soup', () => {
    const token = fc.oneof(
      fc.uuid(),
      fc.stringMatching(/^[0-9a-f]{7,64}$/),
      // No '=' or ':' here: "client secret = <hex>" is a real assignment and should be found.
      fc.constantFrom('error', 'token', 'secret', 'client', 'Bearer', 'expired', 'request', 'sha'),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 20 }), (parts) => {
        expect(detectSecrets(parts.join(' '))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('maskSecrets', () => {
  it('replaces only the value and keeps the rest of the text', () => {
    const text = `POST /token\nclient_secret=${SECRET}&grant_type=client_credentials\nthen 401`;
    expect(maskSecrets(text)).toBe(
      'POST /token\nclient_secret=[redacted assignment]&grant_type=client_credentials\nthen 401',
    );
  });

  it.each(POSITIVES.map((c) => [c.text.slice(0, 50), c] as const))(
    'never keeps the value of %s',
    (_, c) => {
      const masked = maskSecrets(`before ${c.text} after`);
      expect(masked).not.toContain(c.value);
      expect(masked.startsWith('before ')).toBe(true);
      expect(masked.endsWith(' after')).toBe(true);
      expect(maskSecrets(masked)).toBe(masked);
    },
  );

  it('returns text without credentials unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        if (detectSecrets(s).length === 0) expect(maskSecrets(s)).toBe(s);
      }),
    );
  });

  it('masks a token embedded anywhere in random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        expect(maskSecrets(`${a} ${JWT} ${b}`)).not.toContain(JWT.split('.')[2]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cost', () => {
  it.each([
    ['base64', 'A'.repeat(1024 * 1024)],
    ['eyJ runs', 'eyJ-'.repeat(256 * 1024)],
    ['dotted eyJ', 'eyJaaaaaaaa.'.repeat(80 * 1024)],
    ['keys', 'client_secret='.repeat(64 * 1024)],
    ['PEM headers', '-----BEGIN PRIVATE KEY-----\n'.repeat(32 * 1024)],
    ['Bearer', 'Authorization: Bearer '.repeat(40 * 1024)],
    ['PEM blocks', '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n'.repeat(16 * 1024)],
    ['Slack prefixes', 'xoxb-1'.repeat(160 * 1024)],
    ['JWT-like', `${JWT} `.repeat(4 * 1024)],
    ['curl -u', 'curl -u a:'.repeat(100 * 1024)],
    ['schemes', 'https://'.repeat(128 * 1024)],
    ['userinfo', 'a://b:c@'.repeat(128 * 1024)],
    ['long authority', `https://u:${'p@'.repeat(512 * 1024)}`],
    ['encoded keys', 'refresh_token%3D'.repeat(64 * 1024)],
    ['encoded pairs', '%26client_secret%3D%25'.repeat(48 * 1024)],
    ['encoded Basic', 'Authorization: Basic%20'.repeat(40 * 1024)],
    ['form Basic', 'authorization=Basic+%'.repeat(48 * 1024)],
    ['encoded separators', `authorization${'%20+'.repeat(256 * 1024)}`],
    ['XML keys', '<password>'.repeat(100 * 1024)],
    ['XML text', `<password>${' a\n'.repeat(64 * 1024)}</x>`.repeat(4)],
    ['CDATA', '<password><![CDATA['.repeat(52 * 1024)],
    ['end-tag near misses', '<password>a</passwordX>'.repeat(44 * 1024)],
    ['key attributes', '<a key="x" password=">'.repeat(46 * 1024)],
    ['name/value gaps', `password${' '.repeat(60)}value`.repeat(16 * 1024)],
    ['options', '--password '.repeat(96 * 1024)],
    ['prose passwords', 'the password is '.repeat(64 * 1024)],
    ['prose verbs', 'reset the the the password to '.repeat(32 * 1024)],
    ['a long prose value', `password is ${'a1'.repeat(512 * 1024)}`],
    ['-p options', '-u -p a '.repeat(128 * 1024)],
    ['glued -p options', `-u x ${'-pa1 '.repeat(200 * 1024)}`],
    ['header keys', '-H "X-Auth-Token: a '.repeat(48 * 1024)],
    ['bare Authorization', 'Authorization: a1\n'.repeat(64 * 1024)],
    ['X- header prefixes', '-H "X-a-b-c-d-e-f-Key: a '.repeat(40 * 1024)],
    ['X- header near misses', 'X-aaaa-aaaa-aaaa-aaaa-aaaa-'.repeat(40 * 1024)],
    ['Authorization schemes', 'Authorization: SSWS '.repeat(48 * 1024)],
    ['scheme runs', `Authorization: ${'Negotiate '.repeat(100 * 1024)}`],
    ['keytool options', '-storepass -keypass '.repeat(52 * 1024)],
    ['PowerShell options', '-ClientSecret -Password '.repeat(44 * 1024)],
    ['secure strings', 'ConvertTo-SecureString -AsPlainText -Force -String '.repeat(20 * 1024)],
    ['prose keys', 'the client secret is the api key is '.repeat(28 * 1024)],
    ['variable references', 'password=${'.repeat(96 * 1024)],
    ['template braces', 'client_secret: {{'.repeat(60 * 1024)],
    ['long references', `password=\${${'a'.repeat(1024 * 1024)}}`],
    ['mysql commands', 'mysql -u root -p db '.repeat(52 * 1024)],
    ['variables after a scheme', 'Authorization: Bearer ${{ '.repeat(40 * 1024)],
    ['long variables', `Authorization: Bearer \${${'a'.repeat(1024 * 1024)}}`],
    ['-p variables', `-u x ${'-p $(a '.repeat(160 * 1024)}`],
    ['line-start options', '-ClientSecret a\n'.repeat(64 * 1024)],
    ['blanks before an option', `\n${' '.repeat(1024 * 1024)}-Password a`],
    ['prose tokens', 'the refresh token is '.repeat(48 * 1024)],
    ['split headers', 'Authorization: Bearer\n'.repeat(48 * 1024)],
    ['split header blanks', `Authorization:${'\n '.repeat(512 * 1024)}`],
    ['netrc entries', 'machine a login b '.repeat(56 * 1024)],
    ['netrc blanks', `machine a${' '.repeat(1024 * 1024)}password`],
    ['dollar values', 'password=$a'.repeat(96 * 1024)],
    ['vendor prefixes', 'ghp_ sk- AKIA ntn_ '.repeat(56 * 1024)],
    ['vendor token runs', `sk-${'a-'.repeat(512 * 1024)} github_pat_${'a_'.repeat(512 * 1024)}`],
    ['dotted vendor tokens', `ya29.${'a.'.repeat(256 * 1024)} glpat-${'a.'.repeat(256 * 1024)}`],
    ['environment tokens', 'A_TOKEN='.repeat(128 * 1024)],
    ['secure-string helpers', 'SecureString "'.repeat(72 * 1024)],
  ])(
    'scans and masks a megabyte of %s in linear time (seconds at most, not the minutes backtracking takes)',
    (_, text) => {
      // An upper bound, not a timing target: the machines are shared, and a quadratic pattern
      // over a megabyte takes minutes, so 10 s still catches it without failing under load. The
      // stored-paste masks (maskUnkeyedValues) run after the detector, on its output.
      const started = performance.now();
      maskUnkeyedValues(maskSecrets(text));
      expect(performance.now() - started).toBeLessThan(10_000);
    },
    30_000,
  );
});

describe('shannonEntropy', () => {
  it('is 0 for one repeated symbol and log2(n) for n distinct symbols', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
  });
});
