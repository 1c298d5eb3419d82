import { isPlaceholder, looksRandom, type RandomnessBounds } from '../entropy.js';
import type { SecretFinding } from '../types.js';

/**
 * Tokens whose vendors give them a fixed prefix so that scanners can find them anywhere, with or
 * without a key before them: GitHub's (`ghp_`, `github_pat_`, OAuth `gho_` …), GitLab's `glpat-`,
 * OpenAI's and Anthropic's `sk-…`, Stripe's secret and restricted keys, AWS access key ids, Google
 * OAuth access tokens (`ya29.`) and API keys (`AIza`), Notion's integration tokens (`ntn_`, and the
 * older `secret_` and its 43 characters). Slack's have their own rule. Case-sensitive, as the
 * vendors write them, and not inside a longer word (`task-`, `client_secret_`). Each body is one
 * run of its characters, so a prefix is read once. Each vendor names the family of its token (see
 * TokenFamily).
 */
const VENDORS = [
  [
    'github',
    'a GitHub token',
    String.raw`ghp_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{30,255}`,
    'api-token',
  ],
  // GitHub's OAuth (`gho_`), user-to-server (`ghu_`) and installation (`ghs_`) tokens are access
  // tokens an OAuth flow or an app issued, `ghr_` the refresh token beside `ghu_`.
  ['github_oauth', 'a GitHub OAuth token', String.raw`gh[ous]_[A-Za-z0-9]{30,255}`, 'access-token'],
  [
    'github_refresh',
    'a GitHub refresh token',
    String.raw`ghr_[A-Za-z0-9]{30,255}`,
    'refresh-token',
  ],
  [
    'gitlab',
    'a GitLab token',
    String.raw`glpat-[A-Za-z0-9_-]{20,255}(?:\.[A-Za-z0-9_-]{1,255}){0,4}`,
    'api-token',
  ],
  [
    'openai',
    'an API key (sk-)',
    String.raw`sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d\d-)?[A-Za-z0-9_-]{20,512}`,
    'api-token',
  ],
  [
    'stripe',
    'a Stripe secret key',
    String.raw`[rs]k_(?:live|test)_[A-Za-z0-9]{16,255}`,
    'api-token',
  ],
  [
    'aws',
    'an AWS access key ID',
    String.raw`(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])`,
    'access-key-id',
  ],
  ['google', 'a Google access token', String.raw`ya29\.[A-Za-z0-9_-]{20,4096}`, 'access-token'],
  [
    'google_api_key',
    'a Google API key',
    String.raw`AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])`,
    'api-token',
  ],
  [
    'notion',
    'a Notion integration token',
    String.raw`ntn_[A-Za-z0-9]{30,255}|secret_[A-Za-z0-9]{43}(?![A-Za-z0-9])`,
    'api-token',
  ],
] as const;

/**
 * What a vendor token is, as its mask names it (`[redacted api-token]`) and the rotation advice
 * reads it: a static API token or key, an OAuth access or refresh token, or an AWS key pair's id.
 * The mask keeps this much of what the prefix said, so a masked paste is read as its raw text
 * (credential-kind reads `[redacted api-token]` as a static token's prefix), and no more.
 */
export type TokenFamily = (typeof VENDORS)[number][3];

/** The family of the vendor token a finding names (its `name`); a static API token when unknown. */
export function vendorTokenFamily(name: string | undefined): TokenFamily {
  return VENDORS.find(([vendor]) => vendor === name)?.[3] ?? 'api-token';
}

const TOKEN = new RegExp(
  String.raw`(?<![A-Za-z0-9_-])(?:${VENDORS.map(([, , source]) => `(${source})`).join('|')})`,
  'g',
);
/** Where the random part starts: after the last `_`, `-` or `.` of the prefix. */
const PREFIX =
  /^(?:gh[pousr]_|github_pat_|glpat-|sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d\d-)?|[rs]k_(?:live|test)_|AKIA|ASIA|ya29\.|AIza|ntn_|secret_)/;
/**
 * The rest of the token's run after what its vendor's pattern read: a body longer than the
 * pattern's bound (`sk-proj-` and 600 characters) or a sixth dotted part is the same token, masked
 * whole. Dots only between parts, so a sentence's full stop stays; one pass, no backtracking.
 */
const REST_OF_RUN = /[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*/y;
/**
 * A name, not a token: lower-case words and numbers joined by `-` or `_` (`sk-learn-compatible-
 * wheel-build-2024`, `sk-20240105-checkout-service-1234`, a date). A generated body mixes cases or
 * letters and digits within its parts.
 */
const WORDS_AND_NUMBERS = /^(?:[a-z]+|\d+)(?:[-_](?:[a-z]+|\d+))+$/;
/** The random part is generated: it has a digit and reads as random, not as a stand-in. */
const BODY_BOUNDS: RandomnessBounds = { minLength: 16, maxLength: 4096, minEntropy: 3 };

/** Finds tokens with a vendor's prefix anywhere in text (see VENDORS). */
export function findVendorTokens(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const body = token.replace(PREFIX, '');
    if (!/\d/.test(body) || isPlaceholder(token) || WORDS_AND_NUMBERS.test(body)) continue;
    if (!looksRandom(body, BODY_BOUNDS)) continue;
    const groups: readonly (string | undefined)[] = m.slice(1); // unmatched groups are undefined
    const vendor = VENDORS[groups.findIndex((g) => g !== undefined)];
    if (vendor === undefined) continue;
    REST_OF_RUN.lastIndex = m.index + token.length;
    REST_OF_RUN.test(text);
    found.push({
      kind: 'vendor-token',
      start: m.index,
      end: REST_OF_RUN.lastIndex,
      label: vendor[1],
      name: vendor[0],
    });
  }
  return found;
}
