import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { maskCredentials } from '../../../src/core/learning/mask-credentials.js';
import { CREDENTIAL_KEYS } from '../../../src/core/secrets/credential-keys.js';
import { detectSecrets } from '../../../src/core/secrets/detect.js';

/** A value a person typed: the detector leaves it (it does not look generated); the masker must not. */
const TYPED = 'hunter2';

/** A key in snake, SCREAMING, kebab, camel and "Title Case" spellings. */
function spellings(name: string): string[] {
  const words = name.split('_');
  const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  return [
    name,
    name.toUpperCase(),
    words.join('-'),
    words.map((w, i) => (i === 0 ? w : capital(w))).join(''),
    words.map(capital).join(' '),
  ];
}

/**
 * Masks each hostile paste well within a generous upper bound, not a timing: a quadratic scan of
 * 64 KB takes minutes.
 */
function expectLinear(texts: readonly string[]): void {
  for (const text of texts) {
    const started = performance.now();
    maskCredentials(text);
    expect(performance.now() - started).toBeLessThan(10_000);
  }
}

// A spelling the key's pattern leaves out (`auth token` with a space is prose) is not one of its.
const CASES = CREDENTIAL_KEYS.flatMap((k) =>
  spellings(k.name)
    .filter((key) => new RegExp(`^(?:${k.pattern})$`, 'i').test(key))
    .map((key) => [key, k.name]),
);

describe('maskCredentials: every key the detector knows', () => {
  it.each(CASES)('%s', (key, name) => {
    // A digit: a bare `secret`'s value is reported only with one.
    const generated = `${randomBytes(24).toString('base64url')}7`;
    expect(detectSecrets(`${key}=${generated}`).map((f) => f.name)).toEqual([name]);
    const lines = [`${key}=${TYPED}`, `"${key}": "${TYPED}"`];
    if (!key.includes(' ')) lines.push(`<${key}>${TYPED}</${key}>`); // element names have no spaces
    for (const line of lines) {
      expect(maskCredentials(`401 invalid_client\n${line}`).text).not.toContain(TYPED);
    }
  });
});

/**
 * A key the detector reads (see startsKey in src/core/secrets/keyed-values.ts) is a key for the
 * masker too: after a prefix, a camelCase hump, an encoded delimiter; with an encoded or a
 * JSON-escaped separator. The value is the one a person typed, which the detector leaves.
 */
const FORMS = [
  ['a camelCase prefix', `nsClientSecret=${TYPED}`],
  ['a camelCase prefix on a password', `myPassword=${TYPED}`],
  ['a snake_case prefix', `x_client_secret: ${TYPED}`],
  ['an environment variable', `NETSUITE_CLIENT_SECRET=${TYPED}`],
  ['a dotted property', `spring.datasource.password=${TYPED}`],
  ['a bare key after a camelCase hump', `appclientSecret=${TYPED}`],
  ['a URL-encoded separator', `client_secret%3D${TYPED}`],
  ['a URL-encoded separator and delimiter', `grant_type%3Dpassword%26password%3D${TYPED}%26`],
  ['URL-encoded JSON', `%7B%22client_secret%22%3A%22${TYPED}%22%7D`],
  ['an encoded query code', `next=%2Fcallback%3Fcode%3D${TYPED}%26state%3Dx`],
  ['JSON-escaped JSON', `"body": "{\\"client_secret\\":\\"${TYPED}\\"}"`],
  ['JSON-escaped JSON with spaces', `{\\"password\\": \\"${TYPED}\\", \\"x\\": 1}`],
  ['a lowercase prefix', `dbpassword=${TYPED}`],
  ['a lowercase prefix on a client secret', `apiclientsecret=${TYPED}`],
  ['an uppercase prefix', `DBPASSWORD=${TYPED}`],
  ['a lowercase prefix on a masked-only key', `appsecret: ${TYPED}`],
  ['a lowercase prefix on a private key', `jwtprivatekey=${TYPED}`],
  ['an element name with a prefix', `<dbPassword>${TYPED}</dbPassword>`],
  ['an element name with a snake_case prefix', `<ns:db_password>${TYPED}</ns:db_password>`],
  // A key named as the value of a name or key field, then its value (config files, Postman).
  ['an app setting', `<add key="ClientSecret" value="${TYPED}" />`],
  ['a bean property', `<property name="password" value="${TYPED}"/>`],
  ['a Postman variable', `{"key": "client_secret", "value": "${TYPED}", "type": "string"}`],
  ['a name and value on lines of their own', `env:\n  - name: CLIENT_SECRET\n    value: ${TYPED}`],
  ['a name and value in pretty JSON', `{\n  "Name": "Password",\n  "Value": "${TYPED}"\n}`],
  // NetSuite's NLAuth header carries the user's password as its signature.
  [
    'an NLAuth header',
    `Authorization: NLAuth nlauth_account=TSTDRV1234567, nlauth_email=jdoe@example.com, nlauth_signature=${TYPED}, nlauth_role=3`,
  ],
  // A command-line option, its value after a space.
  ['a command-line option', `cli login --client-secret ${TYPED}`],
  ['a quoted command-line option', `mysql --password '${TYPED}' -h db`],
];

describe('maskCredentials: every form the detector reads', () => {
  it.each(FORMS)('%s', (_form, line) => {
    const masked = maskCredentials(`401 invalid_client\n${line}`).text;
    expect(masked).not.toContain(TYPED);
    expect(masked).toContain('[redacted value]');
  });
});

describe('maskCredentials: prose and other keys stay', () => {
  it.each([
    'please help with the password reset flow',
    'the secret is out: we rotated it',
    'passwordPolicy: strict',
    'bypass=true, encode=base64, compass: north',
    'mypassword is not a key, nor is clientsecrets=3',
    'error_code=invalid_grant code: 400',
    // A short or common key is not read after letters: `id_token` in invalid_token, `pass` in bypass.
    'invalid_token: The access token expired',
    'validtoken=true, surpass=2, trespass: no',
    '<password />\n<user>bob</user>',
    // A tag written as a value, with no end tag, is a placeholder: the text after it stays.
    'client_secret=<CLIENT_SECRET>\n2. Send a POST to /oauth/token',
    'refresh_token: <VALID_REFRESH_TOKEN>, then 400 invalid_grant',
    'replace `<accesstoken>` with the token, then run it',
    // Not a credential's value: another field's, another option's, a reference.
    '{"key": "password_policy", "value": "strict"}, {"name": "client_id", "value": "abc"}',
    '- name: CLIENT_SECRET\n  valueFrom:\n    secretKeyRef: {name: app, key: secret}',
    'docker login --password-stdin < pw.txt; cli --password --user bob',
    'invalid token: the signature is invalid, token=expired, signature: none',
    '<label for="password">Password</label> <input name="password"> Remember me',
  ])('%s', (text) => {
    expect(maskCredentials(text).text).toBe(text);
  });
});

/** A quoted value whose closing quote the paste does not hold: a line copied or cut short. */
describe('maskCredentials: a quoted value left open at the end of its line', () => {
  it.each([
    ['at the end of the paste', `{"password": "${TYPED} horse`],
    ['before a line break', `password="${TYPED}\nthen 401`],
    ['single-quoted', `secret: '${TYPED} horse\r\n`],
  ])('%s', (_where, text) => {
    const masked = maskCredentials(text).text;
    expect(masked).not.toContain(TYPED);
    expect(masked).not.toContain('horse');
  });
});

describe('maskCredentials: a value the detector masked keeps its mask', () => {
  it('in quotes', () => {
    const generated = randomBytes(24).toString('base64url');
    const masked = maskCredentials(`{"client_secret": "${generated}"}`).text;
    expect(masked).toBe('{"client_secret": "[redacted assignment]"}');
  });

  it('bare, at the end of its field', () => {
    const generated = randomBytes(24).toString('base64url');
    expect(maskCredentials(`client_secret=${generated}&x=1`).text).toBe(
      'client_secret=[redacted assignment]&x=1',
    );
  });

  it('in an XML element across lines and in CDATA', () => {
    const generated = randomBytes(24).toString('base64url');
    const wrapped = `<wsse:Password>\n  ${generated}\n</wsse:Password>`;
    expect(maskCredentials(wrapped).text).toBe(
      '<wsse:Password>\n  [redacted assignment]\n</wsse:Password>',
    );
    const cdata = `<password><![CDATA[${generated}]]></password>`;
    expect(maskCredentials(cdata).text).toBe(
      '<password><![CDATA[[redacted assignment]]]></password>',
    );
  });

  it('unless words follow it: those are masked with it', () => {
    const generated = randomBytes(24).toString('base64url');
    const masked = maskCredentials(`password: ${generated} horse battery`).text;
    expect(masked).toBe('password: [redacted value]');
  });
});

/** An unquoted value read as a person reads it: to the end of its line, or a clear field delimiter. */
describe('maskCredentials: an unquoted value runs to the end of its field', () => {
  it.each([
    ['a passphrase', `password: correct horse battery`, 'password: [redacted value]'],
    ['before a line break', `secret=correct horse\nthen 401`, 'secret=[redacted value]\nthen 401'],
    ['trailing spaces kept', `password = correct horse  \r\n`, 'password = [redacted value]  \r\n'],
    ['an apostrophe', `password: it's my horse`, 'password: [redacted value]'],
    ['commas not before a key', `password=a, b, c`, 'password=[redacted value]'],
    ['before &', `password=correct horse&user=bob`, 'password=[redacted value]&user=bob'],
    ['before ;', `Password=correct horse;User Id=bob`, 'Password=[redacted value];User Id=bob'],
    ['before , key=', `password=correct horse, user=bob`, 'password=[redacted value], user=bob'],
    ['before }', `{password: correct horse}`, '{password: [redacted value]}'],
    ['before ]', `[password=correct horse] 401`, '[password=[redacted value]] 401'],
    ['before </', `<p>password: correct horse</p>`, '<p>password: [redacted value]</p>'],
    [
      'a command-line option: one shell word',
      `cli --password ${TYPED} --tenant acme`,
      'cli --password [redacted value] --tenant acme',
    ],
    [
      'before a closing quote',
      `"url": "/x?password=correct horse", "y": 1`,
      '"url": "/x?password=[redacted value]", "y": 1',
    ],
    [
      'URL-encoded spaces',
      `password%3Dcorrect%20horse%20battery%26x`,
      'password%3D[redacted value]%26x',
    ],
  ])('%s', (_form, text, expected) => {
    expect(maskCredentials(text).text).toBe(expected);
  });
});

/**
 * Credentials a header or an option carries without a credential key: an Authorization header's
 * value whatever it looks like, session cookies, a token in a query string.
 */
describe('maskCredentials: headers, cookies and query tokens', () => {
  it.each([
    [
      'a short Bearer token',
      `Authorization: Bearer abc123\nthen 401`,
      'Authorization: Bearer [redacted value]\nthen 401',
    ],
    [
      'a short Basic pair',
      `curl -H "Authorization: Basic dTpw" https://x`,
      'curl -H "Authorization: Basic [redacted value]" https://x',
    ],
    [
      'a header in JSON',
      `{"authorization": "Token ${TYPED}"}`,
      '{"authorization": "Token [redacted value]"}',
    ],
    [
      'a Cookie header',
      `Cookie: JSESSIONID=${TYPED}; NS_ROUTING_VERSION=LAGGING`,
      'Cookie: JSESSIONID=[redacted value]; NS_ROUTING_VERSION=[redacted value]',
    ],
    [
      'cookies in a copied curl command',
      `curl 'https://x/app' -H 'cookie: sid=${TYPED}; theme=dark' -b 'wd-browser-id=${TYPED}' --compressed`,
      "curl 'https://x/app' -H 'cookie: sid=[redacted value]; theme=[redacted value]' -b 'wd-browser-id=[redacted value]' --compressed",
    ],
    [
      'a Set-Cookie header: its cookie, not its attributes',
      `Set-Cookie: JSESSIONID=${TYPED}; Path=/; Secure; HttpOnly`,
      'Set-Cookie: JSESSIONID=[redacted value]; Path=/; Secure; HttpOnly',
    ],
    [
      'a token in a query string',
      `GET /reset?token=${TYPED}&lang=en`,
      'GET /reset?token=[redacted value]&lang=en',
    ],
  ])('%s', (_form, text, expected) => {
    expect(maskCredentials(text).text).toBe(expected);
  });

  it('keeps the detector masks in them', () => {
    const generated = randomBytes(24).toString('base64url');
    const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.${generated}`;
    const text = `Authorization: Bearer ${generated}\nCookie: id_token=${jwt}; a=b`;
    expect(maskCredentials(text).text).toBe(
      'Authorization: Bearer [redacted authorization-header]\nCookie: id_token=[redacted jwt]; a=[redacted value]',
    );
  });

  it.each([
    'the cookie: it expired, token=none, Authorization: missing',
    'curl -b cookies.txt https://x; Set-Cookie header absent',
  ])('leaves %s', (text) => {
    expect(maskCredentials(text).text).toBe(text);
  });
});

/** NetSuite's SOAP token-based authentication: the halves of a credential set, as in its header. */
describe('maskCredentials: a TBA token passport', () => {
  it('masks the consumer key, token id and signature, and keeps the account, nonce and time', () => {
    const passport = [
      '<platformMsgs:tokenPassport>',
      '  <platformCore:account>TSTDRV1234567</platformCore:account>',
      `  <platformCore:consumerKey>${TYPED}a</platformCore:consumerKey>`,
      `  <platformCore:token>${TYPED}b</platformCore:token>`,
      '  <platformCore:nonce>n0nce</platformCore:nonce>',
      '  <platformCore:timestamp>1700000000</platformCore:timestamp>',
      `  <platformCore:signature algorithm="HMAC_SHA256">${TYPED}c=</platformCore:signature>`,
      '</platformMsgs:tokenPassport>',
    ].join('\n');
    expect(maskCredentials(passport).text).toBe(
      [
        '<platformMsgs:tokenPassport>',
        '  <platformCore:account>TSTDRV1234567</platformCore:account>',
        '  <platformCore:consumerKey>[redacted value]</platformCore:consumerKey>',
        '  <platformCore:token>[redacted value]</platformCore:token>',
        '  <platformCore:nonce>n0nce</platformCore:nonce>',
        '  <platformCore:timestamp>1700000000</platformCore:timestamp>',
        '  <platformCore:signature algorithm="HMAC_SHA256">[redacted value]</platformCore:signature>',
        '</platformMsgs:tokenPassport>',
      ].join('\n'),
    );
  });
});

/** SOAP and XML config put an element's text on its own line. */
describe('maskCredentials: an XML credential element across lines', () => {
  it.each([
    ['password', `<password>\n  ${TYPED}\n</password>`, '<password>[redacted value]</password>'],
    [
      'ClientSecret',
      `<ClientSecret>\r\n\t${TYPED}\r\n</ClientSecret>`,
      '<ClientSecret>[redacted value]</ClientSecret>',
    ],
    [
      'a SOAP header',
      `<wsse:UsernameToken>\n  <wsse:Username>bob</wsse:Username>\n  <wsse:Password Type="x#PasswordText">\n    ${TYPED}\n  </wsse:Password>\n</wsse:UsernameToken>`,
      `<wsse:UsernameToken>\n  <wsse:Username>bob</wsse:Username>\n  <wsse:Password Type="x#PasswordText">[redacted value]</wsse:Password>\n</wsse:UsernameToken>`,
    ],
    [
      'a passphrase the detector finds (its mask, the layout kept)',
      `<wsse:Password Type="x#PasswordText">\n    correct horse\n  </wsse:Password>`,
      `<wsse:Password Type="x#PasswordText">\n    [redacted assignment]\n  </wsse:Password>`,
    ],
  ])('%s', (_form, text, expected) => {
    expect(maskCredentials(text).text).toBe(expected);
  });

  it.each([
    ['CDATA', `<password><![CDATA[${TYPED}]]></password>`, '<password>[redacted value]</password>'],
    [
      'CDATA holding markup',
      `<ClientSecret><![CDATA[a<b]c]]></ClientSecret>`,
      '<ClientSecret>[redacted value]</ClientSecret>',
    ],
    [
      'CDATA on its own line',
      `<wsse:Password Type="x#PasswordText">\n  <![CDATA[${TYPED}]]>\n</wsse:Password>`,
      '<wsse:Password Type="x#PasswordText">[redacted value]</wsse:Password>',
    ],
    [
      'a child element',
      `<password>\n  <value>${TYPED}</value>\n</password>`,
      '<password>[redacted value]</password>',
    ],
    [
      'an element named by a key attribute',
      `<entry key="password">${TYPED}</entry>`,
      '<entry key="password">[redacted value]</entry>',
    ],
    [
      'an element named by a name attribute, with a child',
      `<setting name="ClientSecret" serializeAs="String">\n  <value>${TYPED}</value>\n</setting>`,
      '<setting name="ClientSecret" serializeAs="String">[redacted value]</setting>',
    ],
    [
      'a dotted property name',
      `<property name="hibernate.connection.password">${TYPED}</property>`,
      '<property name="hibernate.connection.password">[redacted value]</property>',
    ],
    [
      'nested child elements',
      `<ns:ClientSecret><string><v>${TYPED}</v></string></ns:ClientSecret><next>kept</next>`,
      '<ns:ClientSecret>[redacted value]</ns:ClientSecret><next>kept</next>',
    ],
  ])('%s', (_form, text, expected) => {
    expect(maskCredentials(text).text).toBe(expected);
  });

  it.each([
    ['CDATA cut short', `<password><![CDATA[${TYPED}`],
    ['a child element cut short', `<password>\n  <value>${TYPED}`],
  ])('%s at the end of the paste', (_form, text) => {
    expect(maskCredentials(text).text).not.toContain(TYPED);
  });

  it('an unclosed element at the end of the paste', () => {
    expect(maskCredentials(`<password>\n  ${TYPED}`).text).not.toContain(TYPED);
  });

  it('stays linear on a 64 KB hostile paste', () => {
    const cases = [
      '<password>'.repeat(6500),
      `<password>\n${' \n'.repeat(32000)}`,
      `<password>${'a\n'.repeat(32000)}`,
      'password=a '.repeat(6000),
      'password: a,'.repeat(5400),
      `password=${'a b '.repeat(16000)}`,
      '<password><![CDATA['.repeat(3400),
      `<password><![CDATA[${']'.repeat(64000)}`,
      '<password><v>'.repeat(5000),
      '<password>a</passwordX>'.repeat(2800),
      'dbpassword=a '.repeat(5000),
      '<a key="x" password=">'.repeat(2900),
      '<entry key="password">a'.repeat(2800),
      `password${' '.repeat(60)}value`.repeat(900),
      '--password '.repeat(6000),
      '<a:token>'.repeat(7000),
      ('x'.repeat(100) + 'token').repeat(620),
      'Cookie: a=b; '.repeat(5000),
      `Cookie: ${'a=b;'.repeat(16000)}`,
      'Authorization: Bearer '.repeat(3000),
    ];
    expectLinear(cases);
  });
});

/**
 * Header credentials other than Authorization, an Authorization header with no scheme, and
 * passwords no key names (in a sentence, after a command's `-p` beside its user): stored pastes
 * mask what the detector lets pass, and keep a stand-in, a word, a port and prose.
 */
describe('maskCredentials: header keys, a schemeless Authorization and unkeyed passwords', () => {
  it.each([
    ['X-Auth-Token', `X-Auth-Token: ${TYPED}`, 'X-Auth-Token: [redacted value]'],
    [
      'a header in a curl command, whose URL stays',
      `curl -H "x-api-key: ${TYPED}" https://api.example.com/v1`,
      'curl -H "x-api-key: [redacted value]" https://api.example.com/v1',
    ],
    [
      'a single-quoted header',
      `curl 'https://x/api' -H 'Ocp-Apim-Subscription-Key: ${TYPED}' --compressed`,
      "curl 'https://x/api' -H 'Ocp-Apim-Subscription-Key: [redacted value]' --compressed",
    ],
    ['api-key', `api-key: ${TYPED}`, 'api-key: [redacted value]'],
    ['X-Api-Key', `X-Api-Key: ${TYPED}`, 'X-Api-Key: [redacted value]'],
    ['apikey', `apikey: ${TYPED}`, 'apikey: [redacted value]'],
    [
      'X-Shopify-Access-Token',
      `X-Shopify-Access-Token: ${TYPED}`,
      'X-Shopify-Access-Token: [redacted value]',
    ],
    ['X-Vault-Token', `X-Vault-Token: ${TYPED}`, 'X-Vault-Token: [redacted value]'],
    ['GitLab PRIVATE-TOKEN', `PRIVATE-TOKEN: ${TYPED}`, 'PRIVATE-TOKEN: [redacted value]'],
    [
      'an Authorization header with no scheme',
      `Authorization: ${TYPED}\nthen 401`,
      'Authorization: [redacted value]\nthen 401',
    ],
    ['in JSON', `{"Authorization": "${TYPED}"}`, '{"Authorization": "[redacted value]"}'],
    [
      'a password in a sentence',
      `the password is ${TYPED}, right?`,
      'the password is [redacted value], right?',
    ],
    [
      'a password stated as changed',
      `my password was changed to ${TYPED}.`,
      'my password was changed to [redacted value].',
    ],
    [
      'a password set by a verb',
      `I reset the user password to ${TYPED}, same 401`,
      'I reset the user password to [redacted value], same 401',
    ],
    ['a quoted password', `the password '${TYPED}' fails`, "the password '[redacted value]' fails"],
    ['mysql -p', `mysql -u root -p ${TYPED} mydb`, 'mysql -u root -p [redacted value] mydb'],
    ['mysql -p glued', `mysql -uroot -p${TYPED} mydb`, 'mysql -uroot -p[redacted value] mydb'],
    [
      'a word after -p beside a user',
      'docker login -u bob -p postgres',
      'docker login -u bob -p [redacted value]',
    ],
    ['sqlcmd -P', `sqlcmd -S db -U sa -P '${TYPED}'`, "sqlcmd -S db -U sa -P '[redacted value]'"],
    [
      '--password',
      `tool --password ${TYPED} --tenant acme`,
      'tool --password [redacted value] --tenant acme',
    ],
    ['pwd=', `pwd=${TYPED}`, 'pwd=[redacted value]'],
  ])('%s', (_form, text, expected) => {
    expect(maskCredentials(text).text).toBe(expected);
  });

  it.each([
    'the password is wrong; password is required; password expired',
    'my password is correct. The password is Base64-encoded and case-sensitive.',
    'password is 8 characters, send the password to bob@example.com, password is %s',
    'the password is <password>',
    'the password is ${PASSWORD}, the password is ****',
    'the password is YOUR_PASSWORD and the password is xxx',
    'mkdir -p build2 && cp -p a2 b2; ssh -p 2222 admin@host; git log -p',
    'docker run -u 1000 -p 8080:80 img; psql -U app -p 5432 -d app -h db',
    'az login -u $USER -p $PASSWORD; mysql -u root -p -h db',
    'Failed to check authorization: invalid_client; bad authorization: 400 Bad Request',
    'Authorization: <token>\nAuthorization: [PII_REDACTED]\nAuthorization: Bearer',
    'Invalid Auth Token, the auth token expired; OAuthToken expired',
  ])('leaves %s', (text) => {
    expect(maskCredentials(text).text).toBe(text);
  });

  it('stays linear on a 64 KB hostile paste', () => {
    expectLinear([
      'the password is '.repeat(4000),
      'reset the the the password to '.repeat(2000),
      '-u -p a '.repeat(8000),
      '-H "X-Auth-Token: a '.repeat(3000),
      'Authorization: a1\n'.repeat(3500),
      '-H "X-a-b-c-d-e-f-Key: a '.repeat(2600),
      'Authorization: SSWS '.repeat(3200),
      `Authorization: ${'Negotiate '.repeat(6500)}`,
      '-storepass -keypass '.repeat(3200),
      '-ClientSecret -Password '.repeat(2700),
      'ConvertTo-SecureString -AsPlainText -Force -String '.repeat(1300),
      'the client secret is the api key is '.repeat(1800),
      'password=${'.repeat(6000),
      'client_secret: {{'.repeat(3800),
      `password=\${${'a'.repeat(64000)}}`,
      'mysql -u root -p db '.repeat(3200),
    ]);
  });
});

/**
 * Credentials the detector and the masker once let pass: any X-…-Key/-Secret/-Token header, more
 * Authorization schemes, keytool and PowerShell options, secure strings, and a client secret, API
 * key or secret stated in a sentence.
 */
describe('maskCredentials: further headers, schemes, options and sentences', () => {
  it.each([
    ['X-Auth-Key', `X-Auth-Key: ${TYPED}`, 'X-Auth-Key: [redacted value]'],
    [
      'X-Auth-Key beside its e-mail',
      `curl -H "X-Auth-Email: bob@example.com" -H "X-Auth-Key: ${TYPED}" https://x`,
      'curl -H "X-Auth-Email: bob@example.com" -H "X-Auth-Key: [redacted value]" https://x',
    ],
    ['X-Token', `X-Token: ${TYPED}`, 'X-Token: [redacted value]'],
    ['X-CSRF-Token', `X-CSRF-Token: ${TYPED}`, 'X-CSRF-Token: [redacted value]'],
    [
      'X-Amz-Security-Token',
      `x-amz-security-token: ${TYPED}`,
      'x-amz-security-token: [redacted value]',
    ],
    ['X-Functions-Key', `x-functions-key: ${TYPED}`, 'x-functions-key: [redacted value]'],
    ['SSWS', `Authorization: SSWS ${TYPED}`, 'Authorization: SSWS [redacted value]'],
    [
      'SSWS in JSON',
      `{"Authorization": "SSWS ${TYPED}"}`,
      '{"Authorization": "SSWS [redacted value]"}',
    ],
    ['DPoP', `Authorization: DPoP ${TYPED}`, 'Authorization: DPoP [redacted value]'],
    ['Negotiate', `Authorization: Negotiate ${TYPED}`, 'Authorization: Negotiate [redacted value]'],
    ['Key', `authorization: Key ${TYPED}`, 'authorization: Key [redacted value]'],
    ['Token', `Authorization: Token ${TYPED}`, 'Authorization: Token [redacted value]'],
    ['ApiKey', `Authorization: ApiKey ${TYPED}`, 'Authorization: ApiKey [redacted value]'],
    [
      'keytool -storepass and -keypass',
      `keytool -importkeystore -srcstorepass ${TYPED} -deststorepass '${TYPED}' -keypass ${TYPED} -v`,
      'keytool -importkeystore -srcstorepass [redacted value] -deststorepass [redacted value] -keypass [redacted value] -v',
    ],
    [
      'PowerShell -Password and -ClientSecret',
      `Connect-X -UserName bob -Password ${TYPED} -ClientSecret "${TYPED}" -TenantId acme`,
      'Connect-X -UserName bob -Password [redacted value] -ClientSecret [redacted value] -TenantId acme',
    ],
    [
      'PowerShell parameters on continued lines',
      `Connect-X \`\n  -Password ${TYPED} \`\n  -ClientSecret ${TYPED}`,
      'Connect-X `\n  -Password [redacted value] `\n  -ClientSecret [redacted value]',
    ],
    [
      'ConvertTo-SecureString',
      `$p = ConvertTo-SecureString "${TYPED}" -AsPlainText -Force`,
      '$p = ConvertTo-SecureString "[redacted value]" -AsPlainText -Force',
    ],
    [
      'ConvertTo-SecureString -String, single-quoted',
      `ConvertTo-SecureString -String '${TYPED}' -AsPlainText -Force`,
      "ConvertTo-SecureString -String '[redacted value]' -AsPlainText -Force",
    ],
    [
      'ConvertTo-SecureString, a word',
      'ConvertTo-SecureString -AsPlainText -Force -String postgres',
      'ConvertTo-SecureString -AsPlainText -Force -String [redacted value]',
    ],
    [
      'a client secret in a sentence',
      `the client secret is ${TYPED}, right?`,
      'the client secret is [redacted value], right?',
    ],
    ['an API key in a sentence', `My api key is: ${TYPED}.`, 'My api key is: [redacted value].'],
    ['a secret in a sentence', `the secret: ${TYPED}`, 'the secret: [redacted value]'],
    [
      'a variable with a default value is a value',
      `password=\${DB_PASSWORD:-${TYPED}}`,
      'password=[redacted assignment]',
    ],
    ['a value after a variable', `password=\${PW}${TYPED}`, 'password=[redacted assignment]'],
    ['a password that starts with $', `password: $${TYPED}Ab`, 'password: [redacted assignment]'],
    ['mysql -p glued', `mysql -u root -p${TYPED} mydb`, 'mysql -u root -p[redacted value] mydb'],
    [
      'mysql --password=',
      `mysql -u root --password=${TYPED} mydb`,
      'mysql -u root --password=[redacted value] mydb',
    ],
  ])('%s', (_form, text, expected) => {
    expect(maskCredentials(text).text).toBe(expected);
  });

  /** A variable, an environment reference or a template stands in for the value: it stays. */
  it.each([
    'client_secret=${CLIENT_SECRET}',
    'password: $DB_PASSWORD\nthen 401',
    '{"password": "%DB_PASSWORD%", "user": "bob"}',
    'X-Api-Key: {{api_key}}',
    'X-Auth-Key: ${CF_API_KEY}',
    'client_secret: {{ .Values.clientSecret }}',
    'Authorization: Bearer ${{ secrets.TOKEN }}',
    'Authorization: Bearer $(System.AccessToken)',
    'Authorization: SSWS ${OKTA_API_TOKEN}',
    'cli login --client-secret ${env:CLIENT_SECRET} --tenant acme',
    '"client_secret": "${var.client_secret}"',
    'Connect-X -ClientSecret $clientSecret -Password $env:PW',
    'keytool -list -storepass $STOREPASS -keypass:env KEYPASS',
    'ConvertTo-SecureString $pw -AsPlainText -Force; ConvertTo-SecureString -String $env:PW',
    'the password is ${PASSWORD}, the client secret is $CLIENT_SECRET',
    // mysql takes `-p` alone as "ask for it": the word after it is the database.
    'mysql -u root -p mydb',
    'mysqldump -u root -p app_db > dump.sql',
    'the api key is invalid; the client secret is expired; X-Request-Id: 5c2a9e1b',
    'Authorization: Negotiate failed; WWW-Authenticate: Negotiate, NTLM',
    // A list item is no option.
    "Checked:\n-Password hasn't expired, and the licence is fine.\n  -Client secret rotated",
  ])('leaves %s', (text) => {
    expect(maskCredentials(text).text).toBe(text);
  });
});

/**
 * Leaks found in session 18: a password that starts with `$` but names no variable, a PowerShell
 * parameter at a line's start, a quoted option value masked as other quoted values are, a token
 * stated in a sentence, an Authorization header split across lines, a `.netrc` password and AWS
 * and Azure keys.
 */
describe('maskCredentials: values that read as credentials, not variables or words', () => {
  it.each([
    ['a $ password of letters', 'password=$hunter', 'password=[redacted value]'],
    [
      'a $ password, capitalised',
      'password: $Summer\nthen 401',
      'password: [redacted value]\nthen 401',
    ],
    ['a $ password in JSON', '{"password": "$hunter"}', '{"password": [redacted value]}'],
    [
      'a $ password after a scheme',
      'Authorization: Bearer $hunter',
      'Authorization: Bearer [redacted value]',
    ],
    [
      'a $ password after -p',
      'docker login -u bob -p $ecret',
      'docker login -u bob -p [redacted value]',
    ],
    ['a $ password with digits', 'password=$hunter2', 'password=[redacted assignment]'],
    [
      'a PowerShell parameter at the start of a line',
      `-ClientSecret ${TYPED}`,
      '-ClientSecret [redacted value]',
    ],
    [
      'PowerShell parameters at the start of lines',
      `Connect-X\n  -ClientSecret ${TYPED} -TenantId acme\n-Password 'horse'`,
      'Connect-X\n  -ClientSecret [redacted value] -TenantId acme\n-Password [redacted value]',
    ],
    [
      'a quoted PowerShell parameter: its quotes masked with it, as keyed values',
      `Connect-X -ClientSecret "${TYPED}" -TenantId acme`,
      'Connect-X -ClientSecret [redacted value] -TenantId acme',
    ],
    [
      'a quoted keyed value, for comparison',
      `client_secret="${TYPED}"`,
      'client_secret=[redacted value]',
    ],
    [
      'a token in a sentence',
      'the token is 8f3kQ9zLmP2vX7rT, is that right?',
      'the token is [redacted assignment], is that right?',
    ],
    [
      'a refresh token in a sentence',
      'the refresh token is 1//0gAbCdEf-ghIjKlMn93 and it fails',
      'the refresh token is [redacted assignment] and it fails',
    ],
    [
      'an access token, quoted',
      "my access token 'ya29a0AfH6SMB7x' fails",
      "my access token '[redacted value]' fails",
    ],
    ['a password in a sentence', `my password is ${TYPED}`, 'my password is [redacted value]'],
    ['a secret after a colon', 'the secret: aZ8kq0pW3x', 'the secret: [redacted assignment]'],
    [
      'a Bearer token on the next line',
      'Authorization: Bearer\n    abc123abc123\nthen 401',
      'Authorization: Bearer\n    [redacted value]\nthen 401',
    ],
    [
      'a scheme on the next line',
      'Authorization:\n  Bearer abc123abc123',
      'Authorization:\n  Bearer [redacted value]',
    ],
    [
      'a .netrc line',
      `machine api.example.com login bob password ${TYPED}`,
      'machine api.example.com login bob password [redacted value]',
    ],
    [
      'a .netrc entry over lines',
      `machine api.example.com\n  login bob\n  password ${TYPED}\n`,
      'machine api.example.com\n  login bob\n  password [redacted value]\n',
    ],
    [
      'an AWS credentials file',
      `[default]\naws_access_key_id = AKIAIOSFODNN7ABCDEFG\naws_secret_access_key = ${TYPED}\naws_session_token = ${TYPED}`,
      '[default]\naws_access_key_id = [redacted access-key-id]\naws_secret_access_key = [redacted value]\naws_session_token = [redacted value]',
    ],
    [
      'AWS STS output',
      `{"AccessKeyId": "ASIAXYZ", "SecretAccessKey": "${TYPED}", "SessionToken": "${TYPED}"}`,
      '{"AccessKeyId": "ASIAXYZ", "SecretAccessKey": [redacted value], "SessionToken": [redacted value]}',
    ],
    [
      'an Azure storage connection string',
      `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${TYPED}==;EndpointSuffix=core.windows.net`,
      'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=[redacted value];EndpointSuffix=core.windows.net',
    ],
    [
      'a Service Bus connection string',
      `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=${TYPED}=`,
      'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=[redacted value]',
    ],
    [
      'a token as a JSON key',
      `{"token": "${TYPED}", "user": "bob"}`,
      '{"token": [redacted value], "user": "bob"}',
    ],
    [
      'a token as an escaped JSON key',
      `"body": "{\\"token\\": \\"${TYPED}\\"}"`,
      '"body": "{\\"token\\": [redacted value]}"',
    ],
    [
      'an Azure SAS signature',
      `https://acct.blob.core.windows.net/c/f?sv=2022-11-02&sp=r&sig=${TYPED}%2Bx%3D`,
      'https://acct.blob.core.windows.net/c/f?sv=2022-11-02&sp=r&sig=[redacted value]',
    ],
    // Already masked: pinned so they stay.
    [
      'a URL password',
      `https://bob:${TYPED}@host.example.com/x`,
      'https://bob:[redacted basic-pair]@host.example.com/x',
    ],
    [
      'a query access_token',
      `GET /cb?access_token=${TYPED}&x=1`,
      'GET /cb?access_token=[redacted value]&x=1',
    ],
    ['curl -u', `curl -u bob:${TYPED} https://x`, 'curl -u bob:[redacted basic-pair] https://x'],
    ['curl -u, a word', 'curl -u bob:hunter https://x', 'curl -u bob:[redacted value] https://x'],
  ])('%s', (_form, text, expected) => {
    expect(maskCredentials(text).text).toBe(expected);
  });

  /** Variables and words stay. */
  it.each([
    'password=$PASSWORD; password=${DB_PASS}; password=$env:X; password=$DB_PASS2',
    'Connect-X -ClientSecret $clientSecret -Password $pw; $p = $dbPassword',
    'password: $db_pass\nAuthorization: Bearer $accessToken\nmysql -u bob -p $pass',
    'the token is expired; the password is wrong; the secret is rotated',
    'the refresh token is invalid, the access token is RS256-signed, my token is base64url',
    'the token is a JWT; the id token is SHA256withRSA; the token was issued at 10:00',
    "Checked:\n-Password expired\n-ClientSecret rotated last week\n-Password hasn't expired",
    'Authorization: Bearer\nThen I got 401 Unauthorized',
    'Authorization:\n  Bearer tokens expire after 3600 seconds',
    'the machine password expired; login failed; password reset',
    'aws_secret_access_key = $AWS_SECRET_ACCESS_KEY\nAccountKey=<key>',
    'POST "https://oauth2.googleapis.com/token": 400 Bad Request; invalid token: expired',
  ])('leaves %s', (text) => {
    expect(maskCredentials(text).text).toBe(text);
  });

  it('stays linear on a 64 KB hostile paste', () => {
    expectLinear([
      '-ClientSecret a\n'.repeat(4000),
      `-ClientSecret${' '.repeat(64000)}`,
      `\n${' '.repeat(64000)}-Password a`,
      'the refresh token is '.repeat(3000),
      'the token is a1 '.repeat(4000),
      'Authorization: Bearer\n'.repeat(3000),
      `Authorization:${'\n '.repeat(32000)}Bearer`,
      `Authorization: Bearer${' \n'.repeat(32000)}`,
      'machine a login b '.repeat(3500),
      `machine a${' login b'.repeat(8000)} password`,
      `machine${' '.repeat(64000)}`,
      'password=$a'.repeat(6000),
      `password=$${'a'.repeat(64000)}`,
      'aws_secret_access_key='.repeat(3000),
    ]);
  });
});
