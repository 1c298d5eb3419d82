import { anyOf, guarded, heldBy, rememberLast, type Tester } from './testers.js';
import type { TextGrams } from './text-grams.js';

/*
 * A report that the poster hit the failure ("I get", "we are seeing", "fails with", "since this
 * morning"), read in their prose outside the sentences that state a condition.
 */

/** A first-person or present-tense report that something fails for the poster. */
const FIRST_PERSON: readonly Tester[] = [
  // "Im" and "iam" are how some posters write "I'm" and "I am"; "I always get" is as much a report
  // as "I constantly get".
  /\b(?:I|we|Im|iam)(?:'m|'ve|’m|’ve| am| are| was| were| have| keep| still| now| just| also)?\s+(?:(?:\w+ly|always|often|sometimes|again|keep)\s+)?(?:get|getting|got|gotten|receiv\w*|see|seeing|saw|hit|hitting|encounter\w*|fac(?:e|ing)|run(?:ning)? into|ran into|end(?:ed)? up with|(?:hav(?:e|ing)|had) (?:an?|the|this|that|same|some)(?: [\w-]+)? (?:error|issue|problem|trouble)s?|(?:unable|not able) to)\b/i,
  // The failure told without "I get": what the thing would not let the poster do ("it wont allow
  // me to login"), the error received while trying ("without receiving the error:", "and still
  // receiving the same error"), and what it answered ("it still says invalid token", a line opening
  // "says …"). Not "keeps getting" (also "if you keep getting this error") nor "it says that" (a
  // spec or docs page quoted).
  heldBy(
    {
      words: [
        'let',
        'allow',
        'receiving',
        'getting',
        'hitting',
        'encountering',
        'running',
        'says',
        'said',
        'show',
        'display',
      ],
    },
    /\b(?:won['’]?t|will not|doesn['’]?t|does not|didn['’]?t|did not|can['’]?t|cannot|wouldn['’]?t) (?:let|allow) (?:me|us)\b|\b(?:without|after|upon|and|still) (?:receiving|getting|hitting|encountering|running into) (?:the |an? |this |that |these |following |same )+(?:[\w-]+ ){0,2}(?:errors?|exceptions?|messages?|responses?)\b|(?:\b(?:it|the (?:program|app|application|browser|console|site|website)) (?:still |just |now |then |only |always )?|^\s*)(?:says|said|shows|showed|displays|displayed)\b(?! that\b)/im,
  ),
  /\b(?:my|our)\s+(?:\w+\s+){0,3}(?:fails?|failed|failing|returns?|returned|throws?|threw|stopped|breaks?|broke|logs?|logged|shows?|showed|says|said|reports?|reported|gets?|got|is (?:failing|broken|getting))\b/i,
  // An issue template's heading: a Markdown heading, or a line of its own ("Error message:"). Not
  // "log" as the verb: "## Log in with Okta" is a how-to's heading.
  heldBy(
    {
      marks: ['#'],
      words: ['steps', 'reproduction', 'actual', 'current', 'log', 'output', 'message'],
    },
    /^\s*#+[^\n]*\b(?:steps to reproduce|reproduction steps|actual (?:result|behaviou?r)|current behaviou?r|error (?:log|output|message)|logs?(?![ \t]+(?:in|out|on|into)\b))\b|^\s*\**(?:steps to reproduce|reproduction steps|actual (?:result|behaviou?r)|current behaviou?r|error (?:log|output|message)s?|logs?)\**\s*:?\**\s*$/im,
  ),
  /\b(?:failed|failing|errored out|erroring|crashed|crashing)\s+(?:with|on|when|because|due)\b/i,
  // The same in the present tense, with what it fails with right after ("all tests fail with an
  // invalid client error", "the exchange fails on:"): not "to fail with" (what it is expected to)
  // nor "should/may/will fail with" (what would happen).
  /(?<!\b(?:to|should|would|could|may|might|will|can|must|it'll|then) )\bfail(?:e?s)?\s+(?:with (?:an?\b|the\b|[45]\d\d\b|error\b|["“'`])|on:)/i,
  // A report continued without its subject: "I am trying to add … and am getting the following
  // error", "## Got this error when used personal account to login".
  /\band (?:(?:am|are|was|were|I'm|I am|keep|still) (?:getting|receiving|seeing|hitting)\b|(?:then )?(?:got|received) (?:the|this|an?)(?: following)? (?:error|exception|response)\b)|^\s*(?:#{1,6}\s*)?(?:got|getting|receiving|received) (?:this|the following|the same|an?) (?:[\w-]+ )?(?:error|exception)\b/im,
  /\b(?:since|as of)\s+(?:this morning|yesterday|today|last (?:night|week)|the (?:update|upgrade)|\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\b/i,
  /\b(?:started|began|starts) (?:failing|to fail|returning|throwing|giving|receiving|getting|seeing|hitting)\b/i,
  // A report without its subject: "auth works fine but then get AADSTS50011", "but still getting 401".
  /\bbut (?:then |still |now |always |keep )?(?:get|getting|got|receive|receiving)\b/i,
  /\b(?:here is|here's|this is|below is) (?:the|my|our) (?:error|response|log|output|stack)\b/i,
  // A headline naming the error and who answered with it: "invalid scope from auth server when
  // requesting …", "invalid_grant from the token endpoint".
  /^\s*(?:invalid|insuff\w*|unauthori\w*|expired|forbidden|denied|\w+_\w+|[45]\d\d)\b[^\n=]{0,30}?\bfrom\s+(?:the\s+|our\s+|my\s+|an?\s+)?(?:[\w-]+\s+)?(?:server|gateway|endpoint|idp|provider|api)\b/im,
  // What the failing thing did to the poster: "is giving me Error invalid_grant", "causing me to
  // receive a 401", "it throws following error". Not "led me to" (what the poster found or believes).
  /\b(?:gives?|gave|giving|throws?|threw|throwing|returns?|returned|returning) (?:me|us)\b|\bcaus(?:es|ed|ing) (?:me|us) to\b|\b(?:it|this|that) (?:throws|threw|gives|gave) (?:the )?(?:following|this|an?|the same) (?:error|exception)\b/i,
];

/**
 * A cause stated as a condition: "if the token is expired", "when a Bearer token is invalid", "if
 * an invalid `client_id` is provided" (the quoted name is blanked from the prose), "when an invalid
 * refresh token is used", "if you provide an invalid refresh_token" (not "if we …": that is a poster
 * telling what they did), and an error received under a condition ("If we are getting
 * `invalid_client` on the token exchange, we can safely assume …"): what would follow, not what the
 * poster got. What is received must be an error (a code, a quoted name blanked from the prose, an
 * "error"): "if I get a new token …" is a step the poster took.
 */
const CONDITION_WORDS =
  /\b(?:when|if|whenever|once) (?:the |a |an |your |my |our )?(?:[\w-]+ ){0,3}(?:is|are|was|were|has been|have been|gets?|becomes?) (?:(?:made|sent|called|used) with (?:an? |the )?)?(?:not valid|invalid|expired|wrong|incorrect|missing|revoked|disabled|blocked|mistyped)\b|\bif (?:the |a |an |your |it |that |this )?(?:[\w-]+ ){0,3}(?:fails?|failed) (?:with|due to|because)\b|\bif (?:we|I)(?:['’]re| are| am|['’]m)? (?:ever )?(?:get|getting|receive|receiving|see|seeing) (?:an? |the |this |that )?(?: |[a-z]+_[a-z_]+\b|(?:[\w-]+ ){0,2}errors?\b)/i;
// A generic bad input as the condition: scanned only where one of its adjectives is.
const CONDITION_INPUT = guarded(
  ['nvalid', 'xpired', 'rong', 'ncorrect', 'evoked', 'bad', 'Bad', 'alformed'],
  /\b(?:when|if|whenever) (?:an? |the )?(?:invalid|expired|wrong|incorrect|revoked|bad|malformed)\s+(?:[\w`'-]+\s+){0,2}(?:is|are|was|were|gets?) (?:provided|used|sent|passed|supplied|given)\b|\b(?:if|when|whenever) (?:you|one|the client|a client|the user|a user) (?:provide|send|pass|use|supply|give|present)s? an? (?:invalid|expired|wrong|incorrect|revoked|bad|malformed)\b/i,
);
export const CONDITION = rememberLast(
  anyOf(
    heldBy(
      {
        words: [
          'valid',
          'expired',
          'wrong',
          'incorrect',
          'missing',
          'revoked',
          'disabled',
          'blocked',
          'mistyped',
          'fail',
          'get',
          'receiv',
          'see',
        ],
      },
      CONDITION_WORDS,
    ),
    CONDITION_INPUT,
  ),
);

/** Where a paste's prose is cut into sentences: after a sentence's end mark, and at a line break. */
export const SENTENCE_BREAK = /(?<=[.!?])\s+|\n/;
/**
 * The same breaks, each replaced by a line break: the end mark is matched and put back, not looked
 * behind for (a look-behind is tried at every position of the prose).
 */
const SENTENCE_BREAKS = /([.!?])\s+|\n/g;

/** The prose reports a failure in the first person (see FIRST_PERSON), outside stated conditions. */
export function reportsFirstPerson(prose: string, grams: TextGrams): boolean {
  // "When the credentials are invalid, we receive …" states what happens under a known cause: the
  // sentence describes behaviour, it does not report this failure.
  // A sentence holding a condition makes the whole prose hold one: most texts have none, and their
  // sentences are only set on lines of their own (as the filter would leave them).
  const reports = CONDITION.test(prose, grams)
    ? prose
        .split(SENTENCE_BREAK)
        .filter((sentence) => !CONDITION.test(sentence, grams))
        .join('\n')
    : prose.replace(SENTENCE_BREAKS, '$1\n');
  return FIRST_PERSON.some((p) => p.test(reports, grams));
}
