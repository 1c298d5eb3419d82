/** Shannon entropy in bits per character of `value` (0 for the empty string). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A name that says it holds a credential (`clientSecret`, `db_pass`, `pw`, `accessToken`), any
 * case: the only lower- or camel-case `$name` read as a variable (see VARIABLE).
 */
const CREDENTIAL_NAME = String.raw`(?=[A-Za-z_]{0,64}?(?:[Pp]ass|[Pp]wd?|PW|[Ss]ecret|[Tt]oken|[Kk]ey|[Cc]red|[Aa]uth|[Cc]ert|[Jj]wt|[Bb]earer|[Ss]ession|[Cc]ookie|[Ss]ig|[Oo]tp))[A-Za-z_]{1,128}`;
/**
 * A variable written where a value goes: `${VAR}`, `${env:VAR}`, `${var.name}` (shell, PowerShell,
 * Terraform), `%VAR%` (Windows), `$(Var.Name)` (Azure Pipelines), `{{ var }}` and `${{ secrets.X }}`
 * (Postman, Jinja, Go templates, GitHub Actions); not `${VAR:-default}`: its default is a value.
 * Without brackets, a `$` word is a variable only where it reads as a name, since passwords start
 * with `$` too (`$ecret`, `$hunter2`, `$Summertime`): `$env:X` (PowerShell's environment drive);
 * an environment variable's SCREAMING_CASE (`$PASSWORD`, `$DB_PASS2`); or a lower- or camel-case
 * name of letters and underscores that says it holds a credential (`$clientSecret`, `$db_pass`,
 * `$pw`, `$accessToken`), as a script's variable does. Any other (`$hunter`, `$dbpass1`,
 * `$Summertime`) is a value. Bounded, so reading one is linear.
 */
const VARIABLE = String.raw`\$\{(?:env:)?[A-Za-z_][\w.]{0,127}\}|\$(?:env:[A-Za-z_][\w]{0,127}|[A-Z_][A-Z0-9_]{0,127}|${CREDENTIAL_NAME})|%[A-Za-z_][\w.-]{0,127}%|\$\([A-Za-z_][\w.]{0,127}\)|\$?\{\{[ \t]{0,8}[.$]?[A-Za-z_][\w.$-]{0,127}[ \t]{0,8}\}\}`;
const VARIABLE_REFERENCE = new RegExp(`^(?:${VARIABLE})$`);
/** A variable at a position, ending its value: before a blank, a quote, a delimiter or the end. */
const VARIABLE_AT = new RegExp(String.raw`(?:${VARIABLE})(?=[\s"'\x60,;&)\]}]|$)`, 'y');

/** Whether `value` is a variable that stands in for a value (`${VAR}`, `$VAR`, `%VAR%`, `{{var}}` …). */
export function isVariableReference(value: string): boolean {
  return VARIABLE_REFERENCE.test(value);
}

/**
 * Where the variable that is the whole value at `start` ends (`Bearer ${{ secrets.TOKEN }}`, which a
 * reader of token characters stops inside), or undefined when none is there.
 */
export function variableAt(text: string, start: number): number | undefined {
  VARIABLE_AT.lastIndex = start;
  return VARIABLE_AT.test(text) ? VARIABLE_AT.lastIndex : undefined;
}

/**
 * A variable written with brackets that a bare value's characters stop at (`${VAR}`, `{{ var }}`,
 * `$(Var)`), as a pattern source: a reader takes it as one unit, so a variable is one value (and
 * stays) and a value around it is masked whole. Each unit reads one way (a `$` before `{{` is a
 * character of its own), so no run is read twice.
 */
export const VARIABLE_UNIT = String.raw`\$\{[^\s{}]{1,128}\}|\{\{[^{}\r\n]{0,128}\}\}|\$\([^\s()]{1,128}\)`;

// Stand-ins people paste instead of a real value: masks, template variables, docs examples.
const PLACEHOLDERS: readonly RegExp[] = [
  /\*{3,}/, // ****, abc****xyz
  /•{3,}|\.{3}|…/, // ••••, truncated "abc..."
  // xxxx runs, or xxx as a whole segment; a lone "xxx" inside random base64 is chance, not a mask
  /x{4,}|X{4,}|(?:^|[^A-Za-z0-9])(?:xxx|XXX)(?:[^A-Za-z0-9]|$)/,
  /^<.*>$/s, // <client secret>
  /^\[.*\]$/s, // [redacted]
  VARIABLE_REFERENCE, // $VAR, ${VAR}, %VAR%, $(Var), {{ var }}
  /^\$\(.*\)$/s, // $(command)
  /\{\{.*\}\}/s, // {{var}} (Postman, Jinja, Handlebars)
  /^\{[A-Za-z_][A-Za-z0-9_]*\}$/, // {var}
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, // CLIENT_SECRET: an env var name, not a value
  /redacted|masked|hidden|removed|placeholder|example|changeme|your[_-]|secret[_-]?here/i,
  /^(?:null|undefined|none|nil|true|false|string|empty|required|optional)$/i,
];

/** True for values that only stand in for a credential (`****`, `<secret>`, `$VAR`, `{{var}}` …). */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDERS.some((re) => re.test(value));
}

/** A reference to a value in code (`config.clientSecret`, `os.environ`), not the value itself. */
function isCodeReference(value: string): boolean {
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value) && !/\d/.test(value);
}

export interface RandomnessBounds {
  readonly minLength: number;
  readonly maxLength: number;
  /** Bits per character the value must reach. */
  readonly minEntropy: number;
}

/**
 * Whether `value` looks like a generated credential rather than a word, a number or a stand-in.
 * Letter-only values shorter than 24 characters read as words or identifiers.
 */
export function looksRandom(value: string, bounds: RandomnessBounds): boolean {
  if (value.length < bounds.minLength || value.length > bounds.maxLength) return false;
  if (isPlaceholder(value) || isCodeReference(value)) return false;
  if (/^[A-Za-z_]+$/.test(value) && value.length < 24) return false;
  if (/^\d+$/.test(value)) return false;
  return shannonEntropy(value) >= bounds.minEntropy;
}

/**
 * `value` with its `%XX` escapes decoded, so an encoded value is judged as what it is (`%3Cyour%20
 * secret%3E` is a placeholder). Unchanged when it has none, is malformed, or is longer than `max`
 * (too long to pass anyway; not decoded, to keep the cost bounded).
 */
export function percentDecoded(value: string, max: number): string {
  if (!value.includes('%') || value.length > max * 3) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Encodings, hashes and signature algorithms a sentence about a password or a token names (`the
 * password is base64`, `SHA256`, `the id token is SHA256withRSA`).
 */
const FORMAT_NAME =
  /^(?:base(?:32|64)(?:url)?|sha-?\d+|md5|utf-?(?:8|16)|x\.?509|aes-?\d+|rsa-?\d+|oauth2|pbkdf2|argon2(?:id)?|hmac-?sha-?\d+|(?:sha-?\d+|md5)with(?:rsa|ecdsa|dsa)(?:andmgf1)?)$/i;

/**
 * A version (`v1.2.3-beta`, `2.0.1`, `10.4`, `1.2.3-rc.1+build.5`): what a sentence says it is.
 * Semantic versioning's pre-release (`-…`) then build metadata (`+…`), each optional.
 */
const VERSION = /^v?\d{1,8}(?:\.\d{1,8}){1,3}(?:-[0-9A-Za-z.-]{1,64})?(?:\+[0-9A-Za-z.-]{1,64})?$/i;

/**
 * Whether a value written in a sentence (`the password is …`, `the token is …`) can be a credential
 * at all: one word of at most `maxLength` characters, with a letter, not a stand-in, a reference,
 * an address, a path, a format name or a hyphenated phrase (`Base64-encoded`, `case-sensitive`).
 */
function readsAsCredential(v: string, maxLength: number): boolean {
  if (v.length < 6 || v.length > maxLength || /\s/.test(v) || !/[A-Za-z]/.test(v)) return false;
  if (isPlaceholder(v) || isCodeReference(v) || FORMAT_NAME.test(v) || VERSION.test(v))
    return false;
  if (/:\/\/|^[/~\\]|^\.\.?\/|^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(v)) return false;
  return !(/^[\w]+(?:-[\w]+)+$/.test(v) && v.split('-').some((part) => /^[a-z]{4,}$/.test(part)));
}

/**
 * Whether a value written where a password goes but no key names it (`the password is …`) reads as
 * one: letters with a digit or a symbol, not a word (`wrong!`), a number or what readsAsCredential
 * leaves out.
 */
export function looksLikePassword(value: string): boolean {
  const v = value.replace(/!+$/, '');
  return readsAsCredential(v, 128) && /[\d!#$%&*+=?@^~|]/.test(v);
}

/** A token stated in a sentence is generated: it holds a digit and reads as random. */
const TOKEN_BOUNDS: RandomnessBounds = { minLength: 8, maxLength: 4096, minEntropy: 3 };

/**
 * Whether a value written where a token goes but no key names it (`the refresh token is …`) reads
 * as one: letters and digits that look generated, not a word (`expired`), a version, a time or what
 * readsAsCredential leaves out. Stricter than a password: sentences say more about tokens than
 * about passwords (`the token is RS256`, `the token is v2`).
 */
export function looksLikeToken(value: string): boolean {
  return (
    readsAsCredential(value, TOKEN_BOUNDS.maxLength) &&
    /\d/.test(value) &&
    looksRandom(value, TOKEN_BOUNDS)
  );
}
