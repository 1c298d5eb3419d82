/** HTTP's reason phrases whose words an entry's phrase or code could share, by status. */
const REASONS: readonly (readonly [string, readonly string[]])[] = [
  ['401', ['unauthorized']],
  ['403', ['forbidden']],
  ['500', ['internal', 'server', 'error']],
];

/**
 * "Unauthorized" after 401, "Forbidden" after 403 and "Internal Server Error" after 500 are the
 * status's name (`401 Unauthorized`), not the poster's words: read like a field name, they do not
 * say what failed, and they write no code (`server_error` is OAuth's code, not HTTP's 500).
 */
export function reasonPhrase(
  tokens: readonly string[],
  apart: readonly boolean[],
  n: number,
): boolean {
  // A status stands at most three tokens before (most words of a paste have none there); read
  // from the first token only, as an index before an array's start is a slow lookup.
  if (
    !(n >= 1 && isReasonStatus(tokens[n - 1])) &&
    !(n >= 2 && isReasonStatus(tokens[n - 2])) &&
    !(n >= 3 && isReasonStatus(tokens[n - 3]))
  )
    return false;
  const word = (tokens[n] ?? '').toLowerCase();
  for (const [status, words] of REASONS) {
    const k = words.indexOf(word);
    if (k < 0 || n - k < 1) continue;
    let said = tokens[n - k - 1] === status;
    for (let j = 0; said && j <= k; j++)
      said = apart[n - k + j] !== true && tokens[n - k + j]?.toLowerCase() === words[j];
    if (said) return true;
  }
  return false;
}

/**
 * "Unauthorized" after 401 (`401 Unauthorized`, `HTTP 401 Unauthorized`) is HTTP's name for the
 * status, as when printed alone (`aloneReason`): no word of the paste at all, not even a field's,
 * as it is also the first word of the OAuth code `unauthorized_client` (the client not allowed its
 * grant type), which a 401 from an API called with a token never is. The other reason phrases
 * stay read like field names.
 */
export function unauthorizedReason(
  tokens: readonly string[],
  apart: readonly boolean[],
  n: number,
): boolean {
  const token = tokens[n];
  return (
    token?.length === UNAUTHORIZED.length &&
    token.toLowerCase() === UNAUTHORIZED &&
    reasonPhrase(tokens, apart, n)
  );
}

const UNAUTHORIZED = 'unauthorized';

const REASON_STATUSES: ReadonlySet<string> = new Set(REASONS.map(([status]) => status));

function isReasonStatus(token: string | undefined): boolean {
  return token?.length === 3 && REASON_STATUSES.has(token);
}

/**
 * "Unauthorized" printed alone, between punctuation (`{ message: 'Unauthorized' }`,
 * `<h1>Unauthorized</h1>`, "got 'Unauthorized' as response", `Exception: Unauthorized at https://…`),
 * is HTTP's name for the 401 a server answered with, not the poster's word for what failed: no word
 * of the paste, it writes no `unauthorized_client` (its title's words, its code as words).
 */
export function aloneReason(
  tokens: readonly string[],
  apart: readonly boolean[],
  n: number,
): boolean {
  return (
    tokens[n] === 'Unauthorized' &&
    (n === 0 || apart[n] === true) &&
    (n + 1 >= tokens.length || apart[n + 1] === true || tokens[n + 1] === 'at')
  );
}
