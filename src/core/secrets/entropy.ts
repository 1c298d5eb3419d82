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
 * A variable written where a value goes: `${VAR}`, `${env:VAR}`, `${var.name}` (shell, PowerShell,
 * Terraform), `$VAR` and `$env:VAR` (a bare name: letters and underscores, or upper case and
 * digits, so `$ecretPa55` is a value), `%VAR%` (Windows), `$(Var.Name)` (Azure Pipelines),
 * `{{ var }}` and `${{ secrets.X }}` (Postman, Jinja, Go templates, GitHub Actions). Not
 * `${VAR:-default}`: its default is a value. Bounded, so reading one is linear.
 */
const VARIABLE = String.raw`\$\{(?:env:)?[A-Za-z_][\w.]{0,127}\}|\$(?:env:)?(?:[A-Za-z_]{1,128}|[A-Z_][A-Z0-9_]{0,127})|%[A-Za-z_][\w.-]{0,127}%|\$\([A-Za-z_][\w.]{0,127}\)|\$?\{\{[ \t]{0,8}[.$]?[A-Za-z_][\w.$-]{0,127}[ \t]{0,8}\}\}`;
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

/** Encodings and hashes a sentence about a password names (`the password is base64`, `SHA256`). */
const FORMAT_NAME =
  /^(?:base(?:32|64)(?:url)?|sha-?\d+|md5|utf-?(?:8|16)|x\.?509|aes-?\d+|rsa-?\d+|oauth2|pbkdf2|argon2(?:id)?|hmac-?sha-?\d+)$/i;

/**
 * Whether a value written where a password goes but no key names it (`the password is …`) reads as
 * one: letters with a digit or a symbol, not a word (`wrong!`), a number, a stand-in, a reference, an
 * address, a path, a format name or a hyphenated phrase (`Base64-encoded`, `case-sensitive`).
 */
export function looksLikePassword(value: string): boolean {
  const v = value.replace(/!+$/, '');
  if (v.length < 6 || v.length > 128 || /\s/.test(v)) return false;
  if (isPlaceholder(v) || isCodeReference(v) || FORMAT_NAME.test(v)) return false;
  if (!/[A-Za-z]/.test(v) || !/[\d!#$%&*+=?@^~|]/.test(v)) return false;
  if (/:\/\/|^[/~\\]|^\.\.?\/|^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(v)) return false;
  return !(/^[\w]+(?:-[\w]+)+$/.test(v) && v.split('-').some((part) => /^[a-z]{4,}$/.test(part)));
}
