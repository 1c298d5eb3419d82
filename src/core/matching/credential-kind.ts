/*
 * The kind of credential a paste presents, read from its structure rather than from its words: an
 * API answers a static key and an expired access token in the same words ("Invalid API key or
 * access token", "Bad credentials", "API token is invalid"), but the header scheme, the header or
 * query parameter the value travels in, the name of the variable it comes from and the prefix of
 * the value itself say which one the poster sent. Read on the flat text (lower case, one space
 * between words: see `flatText`).
 */

// The prefixes of well-known static tokens: GitHub's personal access tokens, GitLab's, Notion's
// integration tokens (old and new), API keys of OpenAI, Anthropic and Stripe. Not a Slack `xoxb-`
// bot token nor GitHub's `gho_`: those are OAuth tokens. Slack masks a paste before reading it, and
// the mask of such a token names its family (`[redacted api-token]`, secrets/rules/vendor-token.ts):
// the same sign.
const STATIC_PREFIX_SOURCE = String.raw`(?:ghp_|github_pat_|glpat-|ntn_)[a-z0-9*]{4,}|secret_[a-z0-9]{16,}|sk-(?:proj-|ant-)?[a-z0-9*]{8,}|sk_(?:live|test)_[a-z0-9*]{8,}|\[redacted api-token\]`;

/** Each shape of a static credential, as a name for `why` and a pattern over the flat text. */
const STATIC_SHAPES: readonly (readonly [string, RegExp])[] = [
  ['static token prefix', new RegExp(String.raw`(?<![\w-])(?:${STATIC_PREFIX_SOURCE})`)],
  // `Authorization: token …` (GitHub), `Bot …` (Discord), `SSWS …` (Okta's API token), `ApiKey`,
  // `Basic` (a user's password or an email and API token): a scheme other than Bearer.
  [
    'authorization scheme',
    /\bauthorization["']?\s?[:=,]\s?["']?(?:token|bot|ssws|api-?key|basic)\s[a-z0-9]/,
  ],
  [
    'api key header',
    /(?<![\w-])(?:x-api-?key|api-key|x-auth-key|private-token|(?:ocp-apim-|x-)?subscription-key)["']?\s?[:=]/,
  ],
  ['api key parameter', /[?&](?:api_?key|hapikey|key|private_token)=/],
  // A variable or setting named for a static token (`NOTION_API_TOKEN`, `GH_PAT`). Not one named
  // for an API key: Shopify's and many platforms' "API key" is the OAuth client's id
  // (`SHOPIFY_API_KEY` in an app's .env).
  [
    'token variable',
    /(?<![\w-])(?:[a-z0-9]+_)*(?:api_?token|integration_token)(?![\w-])|(?<![\w-])(?:[a-z0-9]+_)+pat(?![\w-])/,
  ],
];

// The access token's own structure: a Bearer token of no static prefix, a JWT, an access_token
// field or argument, a token request's grant_type, a Slack OAuth token, the mask of a vendor's
// OAuth token (Google's `ya29.`, GitHub's `gho_`). A JWT starts a run (not after `-`, which its
// parts hold) and its parts are bounded: `ey-ey-ey-…` is tried once, not once per `ey`.
const OAUTH_SHAPE = new RegExp(
  String.raw`\bbearer\s(?!["']?(?:${STATIC_PREFIX_SOURCE}))["']?[a-z0-9<{$]|(?<![\w-])ey[a-z0-9_-]{8,4096}\.ey[a-z0-9_-]{8,4096}\.|(?<![\w-])access_token["']?\s?[:=]|\bgrant_type\b|(?<![\w-])xox[abpe]-|\[redacted (?:access|refresh)-token\]`,
);

/**
 * The shape of a static credential the text presents (its name), where the text does not also
 * present an OAuth access token by its own structure; undefined otherwise. `flat` is flat text.
 */
export function staticCredentialShown(flat: string): string | undefined {
  const shape = STATIC_SHAPES.find(([, pattern]) => pattern.test(flat))?.[0];
  if (shape === undefined) return undefined;
  return OAUTH_SHAPE.test(flat) ? undefined : shape;
}
