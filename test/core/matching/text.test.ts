import { describe, expect, it } from '@jest/globals';
import {
  capInput,
  MAX_INPUT_CHARS,
  normalise,
  squeezeWhitespace,
} from '../../../src/core/matching/normalise.js';
import {
  extractCodeTokens,
  extractHosts,
  extractStatuses,
} from '../../../src/core/matching/signals.js';
import { rawTokens, splitIdentifier, stem, terms } from '../../../src/core/matching/tokens.js';
import { TypoIndex, typoBuckets, type TypoBuckets } from '../../../src/core/matching/typo-index.js';

describe('squeezeWhitespace', () => {
  it('cuts a run of blank lines to twenty and a run of spaces to two hundred', () => {
    const text = `error 401${'\n \t'.repeat(500)}\ninvalid_grant${' '.repeat(5_000)}end`;
    expect(squeezeWhitespace(text)).toBe(
      `error 401${'\n'.repeat(21)}invalid_grant${' '.repeat(200)}end`,
    );
  });

  it('leaves ordinary spacing as it is', () => {
    const text = 'HTTP/1.1 401\n\n\n{"error": "invalid_client"}\n    at Foo.bar(Foo.java:1)';
    expect(squeezeWhitespace(text)).toBe(text);
  });

  it.each([0, 1, 199, 200, 201, 399, 400])(
    'finds a run just over the cut wherever it starts (at %i)',
    (at) => {
      const head = 'x'.repeat(at);
      expect(squeezeWhitespace(`${head}${' \u3000\t'.repeat(67)}y`)).toBe(
        `${head}${' '.repeat(200)}y`,
      );
      expect(squeezeWhitespace(`${head}${'\n \t'.repeat(22)}y`)).toBe(
        `${head}${'\n'.repeat(21)} \ty`,
      );
    },
  );

  it.each([1, 20, 21, 22, 150, 199, 200])(
    'finds a run to cut right after a run of %i blanks it leaves',
    (n) => {
      const blanks = ' '.repeat(n);
      expect(squeezeWhitespace(`a${blanks}b${'\n'.repeat(22)}c`)).toBe(
        `a${blanks}b${'\n'.repeat(21)}c`,
      );
      expect(squeezeWhitespace(`a${blanks}b${' '.repeat(201)}c`)).toBe(
        `a${blanks}b${' '.repeat(200)}c`,
      );
    },
  );

  it('leaves a run at the cut as it is', () => {
    const text = `a${'\u00a0'.repeat(200)}b${'\n '.repeat(21)}c`;
    expect(squeezeWhitespace(text)).toBe(text);
  });
});

describe('capInput', () => {
  it('keeps text up to the cap as it is', () => {
    const text = 'x'.repeat(MAX_INPUT_CHARS);
    expect(capInput(text)).toEqual({ text, truncated: false });
    expect(capInput('')).toEqual({ text: '', truncated: false });
  });

  it('keeps the head and the tail of a longer paste and says it cut', () => {
    const text = `HEAD invalid_client ${'.'.repeat(100_000)} TokenRejected TAIL`;
    const capped = capInput(text);
    expect(capped.truncated).toBe(true);
    expect(capped.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS + 3);
    expect(capped.text.startsWith('HEAD invalid_client ')).toBe(true);
    expect(capped.text.endsWith(' TokenRejected TAIL')).toBe(true);
    expect(capped.text).toContain('\n…\n');
  });

  it('cuts 1 MB without scanning it for long (an upper bound for a shared machine)', () => {
    const started = performance.now();
    expect(capInput('a'.repeat(1024 * 1024)).truncated).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('normalise', () => {
  it.each([
    [
      'a Slack link keeps its URL and label',
      'see <https://wd2.workday.com/ccx/oauth2/acme/token|the token URL> now',
      'see https://wd2.workday.com/ccx/oauth2/acme/token the token URL now',
    ],
    [
      'a bare Slack link keeps its URL',
      '<https://x.example.com/a> here',
      'https://x.example.com/a here',
    ],
    [
      'a mailto link keeps its address',
      '<mailto:ops@acme.example|ops>',
      'mailto:ops@acme.example ops',
    ],
    [
      'HTML entities become characters',
      'a &gt; b &lt;c&gt; &amp; &quot;q&quot; &#39;s&#39;',
      `a > b <c> & "q" 's'`,
    ],
    ['CRLF and CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
    [
      'a code written against Chinese or Japanese stands on its own',
      'TBA认证报错INVALID_LOGIN_ATTEMPT咨询, RESTletで401',
      'TBA 认证报错 INVALID_LOGIN_ATTEMPT 咨询, RESTlet で 401',
    ],
    [
      'the French spelling "authentification" reads as authentication, in a code too',
      'SOAP-ENV:Client.authentificationError, AUTHENTIFICATION failed, Authentifizierung',
      'SOAP-ENV:Client.authenticationError, AUTHENTICATION failed, Authentifizierung',
    ],
  ])('%s', (_name, input, output) => {
    expect(normalise(input)).toBe(output);
  });

  it('drops user, channel and special mentions', () => {
    const out = normalise(
      'hey <@U123ABC> in <#C42|support> <!here> <!subteam^S1|@ops>: invalid_grant',
    );
    expect(out).not.toMatch(/[<>@#!]|U123ABC|C42|here|subteam/);
    expect(out).toContain('invalid_grant');
  });

  it('drops emoji names but keeps times', () => {
    const out = normalise(':fire: token failed at 10:00:00 :white_check_mark: :thinking_face:');
    expect(out).not.toMatch(/fire|white_check_mark|thinking/);
    expect(out).toContain('10:00:00');
    expect(out).toContain('token failed');
  });

  it('drops code fences and inline code marks, keeping the code', () => {
    const out = normalise('look:\n```\n{"error":"invalid_client"}\n```\nand `TokenRejected`');
    expect(out).not.toContain('`');
    expect(out).toContain('{"error":"invalid_client"}');
    expect(out).toContain('TokenRejected');
  });

  it('reads a form-encoded error in a redirect URL as the sentence it carries', () => {
    expect(
      normalise('GET /cb?error=invalid_client_id&error_description=client%20identifier%20invalid'),
    ).toBe('GET /cb?error=invalid_client_id&error_description=client identifier invalid');
    expect(normalise('error_description=The+user+denied+access')).toBe(
      'error_description=The user denied access',
    );
    // Not valid percent-encoding: kept as written.
    expect(normalise('error_description=100%+sure')).toBe('error_description=100%+sure');
  });

  it('drops quote marks at the start of lines, also when Slack sent them as &gt;', () => {
    expect(normalise('> quoted line\n>>> block quote\n  > indented')).toBe(
      'quoted line\nblock quote\nindented',
    );
    expect(normalise('&gt; Detail: TokenExpired')).toBe('Detail: TokenExpired');
  });

  it.each([
    [
      '.NET',
      'System.Net.WebException: The remote server returned an error: (401) Unauthorized.\n' +
        '   at System.Net.HttpWebRequest.GetResponse()\n' +
        '   at Acme.Sync.TokenClient.Get() in C:\\src\\Acme\\TokenClient.cs:line 64\n' +
        '   at Program.<Main>$(String[] args)',
      'System.Net.WebException: The remote server returned an error: (401) Unauthorized.',
    ],
    [
      'Java',
      'java.io.IOException: Server returned HTTP response code: 401 for URL: https://x.example.com/t\n' +
        '\tat sun.net.www.protocol.http.HttpURLConnection.getInputStream(HttpURLConnection.java:1900)\n' +
        '\tat com.acme.Main.main(Main.java:12)',
      'java.io.IOException: Server returned HTTP response code: 401 for URL: https://x.example.com/t',
    ],
    [
      'Node',
      'AxiosError: Request failed with status code 401\n' +
        '    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)\n' +
        '    at IncomingMessage.handleStreamEnd (/app/node_modules/axios/lib/adapters/http.js:599:11)\n' +
        '    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)',
      'AxiosError: Request failed with status code 401',
    ],
    [
      'Python',
      'Traceback (most recent call last):\n' +
        '  File "/app/sync.py", line 12, in <module>\n' +
        '  File "/usr/lib/python3/site-packages/requests/models.py", line 1021, in raise_for_status\n' +
        'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://x.example.com/t',
      'Traceback (most recent call last):\n' +
        'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://x.example.com/t',
    ],
    [
      'PHP',
      'PHP Fatal error:  Uncaught Exception: invalid_grant in /var/www/oauth.php:40\n' +
        '#0 /var/www/index.php(12): Oauth->refresh()\n' +
        '#1 /var/www/index.php(30): main()',
      'PHP Fatal error:  Uncaught Exception: invalid_grant in /var/www/oauth.php:40',
    ],
  ])('drops %s stack frames and keeps the exception line', (_lang, input, output) => {
    expect(normalise(input)).toBe(output);
  });

  it('keeps prose that merely starts with "at"', () => {
    expect(normalise('at the end of the day the token expired')).toBe(
      'at the end of the day the token expired',
    );
  });

  it('turns control bytes and replacement characters into spaces, keeping tabs and newlines', () => {
    expect(normalise('a\u0000b\u0007c\u001bd\ufffde\u007ff\tg\nh')).toBe('a b c d e f\tg\nh');
  });

  it('keeps the words of a realistic Slack paste', () => {
    const paste =
      '<@U0123> :sob: our sync broke:\n```POST <https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token>\n' +
      'HTTP/1.1 401 Unauthorized\n{&quot;error&quot;:&quot;invalid_client&quot;}```';
    expect(normalise(paste).replace(/\s+/g, ' ').trim()).toBe(
      'our sync broke: POST https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token ' +
        'HTTP/1.1 401 Unauthorized {"error":"invalid_client"}',
    );
  });
});

describe('extractStatuses', () => {
  it.each<[string, number[]]>([
    ['HTTP/1.1 401 Unauthorized', [401]],
    ['HTTP/2 403', [403]],
    ['The remote server returned an error: (404) Not Found.', [404]],
    ['{"status":401,"error":"invalid_token"}', [401]],
    ['{"statusCode": 400}', [400]],
    ['request failed code=404 path=/token', [404]],
    ['status=429;', [429]],
    ['POST /ccx/oauth2/acme/token -> 403', [403]],
    ['the token endpoint returned 404.', [404]],
    ['Status: 403 Forbidden', [403]],
    ['500 Internal Server Error', [500]],
    ['it returned 401, then 403 after the retry', [401, 403]],
    ['401', [401]],
  ])('reads %p', (text, statuses) => {
    expect([...extractStatuses(text)].sort()).toEqual(statuses);
  });

  it.each([
    ['a .NET line number', 'at Acme.TokenClient.Get() in C:\\src\\TokenClient.cs:line 401'],
    ['a ":line" suffix', 'TokenClient.cs:line 64 and :line 403'],
    ['a line number', 'syntax error on line 401'],
    ['a port', 'connect ECONNREFUSED 127.0.0.1:4010'],
    ['a port before a path', 'https://h.example.com:401/token'],
    ['the word port', 'listening on port 401'],
    ['a date', 'expires 2025-04-30 and was created 2024-05-01'],
    ['a page number', 'see page 412 of the guide'],
    ['a version', 'ts-jest version 4.0.1 and node 20.4.03'],
    ['memory sizes', 'heap 1031798784/984mb used'],
    ['a duration', 'took 401ms'],
    ['an id', 'ticket id 401 and #403'],
    ['part of a longer number', 'account 4013 and 14011'],
    ['a number glued to letters', 'v401 and 401abc'],
    ['a status outside the known set', 'error 499 and 418'],
  ])('reads nothing from %s', (_name, text) => {
    expect([...extractStatuses(text)]).toEqual([]);
  });

  // Words that merely end in "id", "line", "port" ("said", "invalid", "support") do not hide a
  // status, and neither does a colon after it ("HTTP 401: Unauthorized").
  it.each([
    ['it said 404.', 404],
    ['got an invalid 401 back', 401],
    ['support 403 from the gateway', 403],
    ['HTTP 401: Unauthorized', 401],
    ['Error 403: Forbidden', 403],
  ])('reads %p', (text, status) => {
    expect([...extractStatuses(text)]).toEqual([status]);
  });

  // HTTP's reason phrase printed alone as a server's whole message is the 401 without its number.
  it.each([
    "body: { message: 'Unauthorized', error: 'EAUTH' }",
    '<h1>Unauthorized</h1>',
    "whenever I post to get a token I get 'Unauthorized' as response",
    'HttpResponseException: Unauthorized at https://api.example.com/token?grant_type=refresh_token',
  ])('reads %p as 401', (text) => {
    expect([...extractStatuses(text)]).toEqual([401]);
  });

  it.each([
    'the client is unauthorized to use this grant',
    'Unauthorized client: not allowed for this grant type',
  ])('reads no status from %p', (text) => {
    expect([...extractStatuses(text)]).toEqual([]);
  });
});

describe('extractHosts', () => {
  it('reads hosts from URLs and Host headers, lower case, once each', () => {
    const text =
      'POST https://WD2-IMPL-Services1.workday.com/ccx/oauth2/acme/token\n' +
      'Host: 1234567-sb1.suitetalk.api.netsuite.com\n' +
      'retry https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token';
    expect(extractHosts(text)).toEqual([
      'wd2-impl-services1.workday.com',
      '1234567-sb1.suitetalk.api.netsuite.com',
    ]);
  });

  it('ignores file names', () => {
    expect(extractHosts('in TokenClient.cs, Main.java, sync.py, app.js, key.pem, out.log')).toEqual(
      [],
    );
  });

  it('keeps a .net or .io host with a hyphen and drops one that looks like a namespace', () => {
    expect(extractHosts('my-app.azurewebsites.net api-gw.example.io System.Net')).toEqual([
      'my-app.azurewebsites.net',
      'api-gw.example.io',
    ]);
  });

  it('finds nothing in plain words', () => {
    expect(extractHosts('the token expired for tenant acme_impl')).toEqual([]);
  });
});

describe('extractCodeTokens', () => {
  it('notes the tokens that sit where an error code is expected', () => {
    const tokens = extractCodeTokens(
      'error=invalid_grant, Detail: TokenRejected, o:errorCode "INVALID_LOGIN"',
    );
    const inField = tokens.filter((t) => t.inErrorField).map((t) => t.token);
    expect(inField).toEqual(expect.arrayContaining(['invalid_grant', 'TokenRejected']));
    expect(tokens.find((t) => t.token === 'Detail')?.inErrorField).toBe(false);
  });

  it('skips tokens shorter than 3 characters', () => {
    expect(extractCodeTokens('a ab abc').map((t) => t.token)).toEqual(['abc']);
  });

  it('notes a token written right after "not" as negated, and not one in an error field', () => {
    const tokens = extractCodeTokens(
      'MissingKey (not MissingKeyId), invalid_grant not invalid_client; error: not_found',
    );
    const negated = tokens.filter((t) => t.negated === true).map((t) => t.token);
    expect(negated).toEqual(['MissingKeyId', 'invalid_client']);
  });
});

describe('stem', () => {
  it.each([
    ['expired', 'expir'],
    ['expires', 'expir'],
    ['expiry', 'expir'],
    ['tokens', 'token'],
    ['rejected', 'reject'],
    ['rejects', 'reject'],
    ['policies', 'polic'],
    ['roles', 'role'],
    ['class', 'class'],
    ['status', 'status'],
    ['the', 'the'],
  ])('%s → %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });

  it('brings word families together', () => {
    expect(new Set(['expired', 'expires', 'expiry', 'expire'].map(stem)).size).toBe(1);
    expect(new Set(['revoked', 'revokes', 'revoke'].map(stem)).size).toBe(1);
  });
});

describe('splitIdentifier', () => {
  it.each<[string, string[]]>([
    ['TokenValidityTooBroad', ['Token', 'Validity', 'Too', 'Broad']],
    ['invalid_client', ['invalid', 'client']],
    ['client-id', ['client', 'id']],
    ['NetSuite', ['Net', 'Suite']],
    ['HTTPResponse', ['HTTP', 'Response']],
    ['o:errorCode', ['o', 'error', 'Code']],
    ['lowercase', ['lowercase']],
    ['PS256', ['PS256']],
    ['AADSTS7000215', ['AADSTS7000215']],
  ])('%s', (token, parts) => {
    expect(splitIdentifier(token)).toEqual(parts);
  });
});

describe('terms', () => {
  it('drops stop words and filler', () => {
    expect(terms("Hi, I don't think it's working, please help")).toEqual(['work', 'help']);
  });

  it('drops numbers, ids and hashes', () => {
    const out = terms(
      'request 3f2a9c1e deadbeefcafe0123 1234567 20250430 account 98765 token expired',
    );
    expect(out).toEqual(['request', 'account', 'token', 'expir']);
  });

  it('keeps short codes with digits such as algorithms and Workday error codes', () => {
    expect(terms('PS256 S22 RS256')).toEqual(['ps256', 's22', 'rs256']);
  });

  it('adds the parts of an identifier after the identifier', () => {
    expect(terms('invalid_client')).toEqual(['invalid_client', 'invalid', 'client']);
    expect(terms('TokenExpired')).toEqual(['tokenexpir', 'token', 'expir']);
  });

  it('reads OAuth 1.0 and OAuth 2.0 as two protocols, however they are written', () => {
    expect(terms('OAuth 1.0a header')).toEqual(['oauth1', 'head']);
    expect(terms('OAuth 2.0, OAuth2, oauth-2 and OAUTH 2')).toEqual([
      'oauth2',
      'oauth2',
      'oauth2',
      'oauth2',
    ]);
    expect(terms('OAuth consent')).toEqual(['oauth', 'auth', 'consent']);
  });

  it('reads the verb "log in" as the word login, however it is inflected', () => {
    expect(terms('cannot log in, logged in, logging into the Login page')).toEqual([
      'login',
      'login',
      'login',
      'login',
      'page',
    ]);
    expect(terms('catalog information')).toEqual(['catalog', 'inform']);
  });

  it('is empty for text with no content words', () => {
    expect(terms('')).toEqual([]);
    expect(terms('the and of to it 12345')).toEqual([]);
  });
});

describe('TypoIndex', () => {
  const index = new TypoIndex(['expired', 'tenant', 'client', 'invalid', 'token', 'role']);

  it.each([
    ['expird', 'expired', 'a deletion'],
    ['expiredd', 'expired', 'an insertion'],
    ['exrired', 'expired', 'a substitution'],
    ['expirde', 'expired', 'an adjacent swap'],
    ['clinet', 'client', 'an adjacent swap'],
    ['tenat', 'tenant', 'a deletion'],
    ['tokn', 'token', 'a deletion from a five-letter word'],
    ['xpired', 'expired', 'the first letter deleted'],
    ['wxpired', 'expired', 'the first letter substituted'],
    ['eexpired', 'expired', 'a letter inserted before the first'],
    ['xepired', 'expired', 'the first two letters swapped'],
    ['expire', 'expired', 'the last letter deleted'],
    ['expiref', 'expired', 'the last letter substituted'],
    ['client', 'client', 'no edit'],
  ])('corrects %s to %s (%s)', (typo, word) => {
    expect(index.correct(typo)).toBe(word);
  });

  it.each(['ekspired', 'exprd', 'tanent', 'cleitn', 'xyz'])(
    'does not correct %s (two edits or more)',
    (typo) => {
      expect(index.correct(typo)).toBeUndefined();
    },
  );

  it('offers a word shorter than the minimum length only as the typed word less one letter', () => {
    expect(index.correct('rol')).toBeUndefined();
    expect(index.correct('rolle')).toBe('role');
    expect(index.correct('rale')).toBeUndefined();
    expect(index.has('role')).toBe(true);
  });

  it('gives no correction when two words are one edit away', () => {
    const ambiguous = new TypoIndex(['sealed', 'sealer']);
    expect(ambiguous.candidates('sealex').sort()).toEqual(['sealed', 'sealer']);
    expect(ambiguous.correct('sealex')).toBeUndefined();
  });

  it('answers alike from buckets worked out ahead (as the knowledge snapshot carries them)', () => {
    const words = ['expired', 'tenant', 'client', 'invalid', 'token', 'role', 'sealed', 'sealer'];
    const built = new TypoIndex(words);
    const data = JSON.parse(JSON.stringify(typoBuckets(words))) as TypoBuckets;
    const stored = new TypoIndex(words, data);
    for (const typo of ['expird', 'clinet', 'tokn', 'rolle', 'sealex', 'xyzzy', 'tenat', 'role'])
      expect(stored.candidates(typo)).toEqual(built.candidates(typo));
  });
});

describe('extractCodeTokens: category fields', () => {
  it('marks a code given as the category of an error, not as the error', () => {
    const tokens = extractCodeTokens('error_category="invalid_grant" error="invalid_scope"');
    expect(tokens).toContainEqual({
      token: 'invalid_grant',
      inErrorField: false,
      inCategoryField: true,
    });
    expect(tokens).toContainEqual({ token: 'invalid_scope', inErrorField: true });
  });
});

describe('rawTokens', () => {
  // The scanner reads character codes; it must find exactly what the word pattern finds.
  const WORD = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)?/gu;
  it.each([
    "don't stop: user’s token_id=abc123 isn't 'quoted' l'été",
    'naïve café 日本語テキスト 😀x_y 𝒜𝒜 ٣٤٥ Ⅻ² ǅa ª ⁿ e\u0301 \ud800 lone \udc00',
    "it's2 o''k a' 'b _'x x'_ ’ab 1'2 ab'cd'ef",
    '',
  ])('splits %j as the word pattern does', (text) => {
    expect(rawTokens(text)).toEqual(text.match(WORD) ?? []);
  });
});
