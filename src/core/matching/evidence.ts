import type { Entry } from '../catalogue/catalogue.js';
import { quotedMessages } from './quotes.js';
import type { Register } from './register.js';
import type { Scored } from './score.js';

/**
 * The text quotes one of the entry's messages whole: what the system printed, copied. That decides
 * between sibling readings as surely as a code does, unless the sibling's message is quoted too.
 */
export function quotesMessage(entry: Entry | undefined, flat: string): boolean {
  return quotedMessages(entry, flat).length > 0;
}

/**
 * Words of authentication: a token, a login, a client's credentials, a grant, a scope, consent. A
 * text with none of them ("Access Denied" from a storage API) is not an authentication failure,
 * whatever loose words it shares with an entry.
 */
const AUTH_WORDS =
  /\b(?:o?auth\w*|authori[sz]\w*|authenticat\w*|tokens?|bearer|jwts?|jwks|oidc|openid|saml|sso|log ?in|logon|sign(?:ed|ing)?[- ]?(?:in|on)|credentials?|client[_ ](?:id|secret|credentials|assertion)|grant(?:_type)?|scopes?|consent|redirect_uri|passwords?|api[_ ]?keys?|tenant|audit trail|sessions?|unauthori[sz]ed|kid)\b/i;

export function aboutAuthentication(flat: string): boolean {
  // The words of a code count too: `BAD_REFRESH_TOKEN` speaks of a token.
  return AUTH_WORDS.test(flat) || (flat.includes('_') && AUTH_WORDS.test(flat.replace(/_/g, ' ')));
}

/**
 * A phrase of the entry covered this well (a message or phrase nearly whole, or one well covered and
 * another beside it) says what failed in the entry's own terms, as its code would.
 */
const DESCRIBED = 0.9;

/**
 * Error output that shows the best entry's failure carries its code, its message (nearly whole, or a
 * message only its vendor prints quoted whole however few words it has: "Ambiguous authentication"),
 * a status it documents, or its failure described in its own terms (`DESCRIBED`: "Grant type '…' not
 * allowed for the client", "refresh_token is not supported in this application"). Output that carries
 * none of them (a KeyError, "Unable to parse URL") is another failure, however loosely the poster's
 * prose matches the entry's phrases. A quoted line (`> …`) is not read as output here: people quote
 * their own words that way too.
 */
export function outputShowsEntry(top: Scored, register: Register): boolean {
  const output = register.output.filter((o) => o !== 'command output');
  return (
    output.length === 0 ||
    top.code >= 0.4 ||
    top.verbatim ||
    top.ownMessage ||
    top.status > 0 ||
    top.phrase >= DESCRIBED
  );
}

/**
 * Entries that are not authentication failures (a provider's 5xx or `server_error`, a rate or
 * concurrency limit) answer unasked only when the provider said so in its own terms: the entry's
 * code, or a message only its vendor prints. A bare 500 page, a 429 or the words "rate limit" are
 * printed by every web server; an auth helper guessing at them is noise in a channel.
 */
export function kindAllowsUnasked(
  entry: Entry | undefined,
  top: Scored,
  literal: boolean,
): boolean {
  if (entry === undefined || entry.failure === 'auth') return true;
  return literal || (top.ownMessage && top.vendorSpecific);
}

/** How far before a failure's words a report frame ("says", "error:", an opening quote) is looked for. */
const FRAME_BEFORE = 60;
/**
 * A verb of a system answering ("it still says invalid token", "returns `invalid client`"; not
 * "get", which is also the HTTP method), or what a call failed with ("refresh fails with
 * BAD_REFRESH_TOKEN"; not "to fail with", what it is expected to), with the words that may follow.
 */
const ANSWER_VERB = String.raw`(?:\b(?:says|said|saying|shows|showed|showing|displays|displayed|returns|returned|returning|responds|responded|receiving|received)\b|(?<!\bto )\bfail(?:s|ed|ing)?\s+with\b)(?:\s+(?:with|me|us|an?|the|this|error|message|response))*`;
/**
 * An error line's label and colon: "Connection failed:", "Error #01:", an exception's class
 * ("TokenError:", "…ApiConnectionError:"), or the head of the line such a label opens (`HTTP 400:
 * Error in call to API function "files/list_folder":`), up to the colon before the failure's words.
 */
const ERROR_LABEL = String.raw`(?:\w*(?:error|exception)|\bfailed|\bfailure)\b[^.!?:]{0,50}:`;
/**
 * An error body's message field (`"message":"OAuth token has expired. …"`, `error_description=`)
 * or the label of an error page's message (Tomcat's `<b>Message</b> OAuthToken is invalid`).
 */
const MESSAGE_FIELD = String.raw`["']?\b(?:message|error_description|error_message|errormessage|errmsg|detail|description|reason)(?:["']?\s*[:=]|\s*<\/\w+>)\s*`;
/**
 * What hands on a system's answer just before the failure's words: a verb of the system answering,
 * an error line's label, or an error body's message field, then perhaps an opening quote. A quote
 * alone is no frame: release notes and issue lists quote errors too.
 */
const REPORT_FRAME = new RegExp(
  `(?:${ANSWER_VERB}|${ERROR_LABEL}|${MESSAGE_FIELD})\\s*["“‘'\`*_]*\\s*$`,
);

/**
 * The failure's words stand where a system's answer is handed on (see `REPORT_FRAME`), not in the
 * poster's own account of what they tried: "it still says invalid token", "Connection failed:
 * Invalid access token", `an "invalid client credentials" error`.
 */
export function reportedWords(flat: string, words: string): boolean {
  if (words.length === 0) return false;
  for (let at = flat.indexOf(words); at >= 0; at = flat.indexOf(words, at + 1)) {
    const before = flat.slice(Math.max(0, at - FRAME_BEFORE), at);
    if (REPORT_FRAME.test(before)) return true;
  }
  return false;
}
