import { readablePaste } from './normalise.js';
import { literalGrams, mayHold, textGrams, type TextGrams } from './text-grams.js';
/**
 * How a text is written, apart from what it is about: does it show that its poster hit a failure
 * (error output, a first-person report), is it written about errors (a PR, docs, a spec, a how-to),
 * and does it show a failure that is not authentication (TLS, DNS, network, rate limit, 5xx)?
 * A support channel gets an unasked answer only for the first kind. The patterns are general
 * features of these registers, not phrases of particular texts.
 */
export interface Register {
  /** Error output as a program prints it: status line, error body, header, stack trace, log line. */
  readonly output: readonly string[];
  /** The poster says they hit it: "I get", "we are seeing", "fails with", "since this morning". */
  readonly firstPerson: boolean;
  /** Written about errors rather than from one: PR/commit, docs or KB, a spec, a hypothetical. */
  readonly discussion: readonly string[];
  /** A failure that is not authentication: TLS, DNS, network, rate limit, server error, cloud IAM. */
  readonly otherFailure: readonly string[];
  /** The poster's own words: the text without code blocks, quoted strings and output lines. */
  readonly prose: string;
}

type Rule = readonly [name: string, pattern: RegExp];
/**
 * Tests a text, given the grams of the paste it was read from (the paste itself, its prose, a
 * sentence of it): see text-grams.ts.
 */
interface Tester {
  test(text: string, grams: TextGrams): boolean;
}

/** A rule read by `test` alone: a pattern, or patterns each run only where it can match. */
type TestRule = readonly [name: string, pattern: Tester];

const OUTPUT: readonly Rule[] = [
  ['status line', /\bHTTP\/\d(?:\.\d)?"?\s+[1-5]\d\d\b/],
  [
    'status',
    /\b(?:status(?:[ _]?code)?|response code|http)\s*[:=]?\s*[45]\d\d\b|"status(?:_?code)?"\s*:\s*"?[45]\d\d|\(\s*[45]\d\d\s*\)\s*[A-Z]|\b[45]\d\d\s*[-:]?\s*(?:Unauthori[sz]ed|Forbidden|Bad Request|Not Found)\b/i,
  ],
  [
    'error body',
    /["']?(?:error|error_?code|errorCode|o:errorCode|code)["']?\s*[:=]\s*["']?[A-Za-z][\w.-]{2,}|\berror_description\b|<(?:\w+:)?(?:faultcode|faultstring|code)>\s*[A-Za-z]|\b(?:SOAP-ENV|soap|soapenv|env):(?:Client|Server|Fault)\b/,
  ],
  ['WWW-Authenticate', /\bwww-authenticate\s*:/i],
  // A request and the status it got, as clients and proxies log it: "POST /oauth2/token -> 401".
  [
    'request and status',
    /\b(?:GET|POST|PUT|PATCH|DELETE)\s+\S+\s*(?:->|→|=>|-|:|returns?|returned|gives?|gave)\s*(?:HTTP\s*)?[45]\d\d\b/,
  ],
  [
    'stack trace',
    /^\s+at\s+[\w$.<>]+[.(]|Traceback \(most recent call last\)|^\s*Caused by:|Exception in thread|^\s*#\d+\s+\S+\(\d+\)|^[^\n]*#\d+\s+[\w$.<> ]+\((?:package|dart|file):[^\s)]+:\d+|\bStack trace:/m,
  ],
  // Also a kind of error written as words opening a line, as libraries and logs print it ("Client
  // error: `POST …` resulted in a `400 Bad Request`", "Authentication error: Refresh Token has
  // expired"); capitalised and not after a determiner, so a sentence's "This error: …" is not one.
  // Not source code that names the class (`throw new OAuth2AuthenticationException(…)`, `raise
  // TokenExpired(`, `except InvalidGrantError:`): a program that would raise it, not one that did.
  [
    'exception',
    /\b[A-Z]\w*(?:Exception|Error|Fault)\b(?<!\b(?:new|raise|throw|throws|except|instanceof|extends|class)\s+(?:[\w$]+[.:\\]+)*\w+)\s*[:(]\s*\S|^[ \t]*(?!(?:The|This|That|Same|Another|Any|Each|Which|What|My|Our|Your|Its)\b)[A-Z][a-z]+ error[ \t]*:[ \t]*\S/m,
  ],
  [
    'log line',
    /^\s*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*\b(?:ERROR|ERR|WARN(?:ING)?|WRN|FATAL|FTL|SEVERE|error|fail)/im,
  ],
  // "Error: …", "Error Message: …", and Google's sign-in page: "Error 400: redirect_uri_mismatch".
  // Mid-line only before a code ("… Please check your Access Token. Error Message: invalid_grant"):
  // a library's sentence, then the code the server sent.
  [
    'error line',
    /^\s*(?:\*{3}\s*)?(?:error|fatal|failed|failure)\b(?:\s+[45]\d\d)?\s*(?:\*{3})?\s*[:!\]-]|^\s*error\s+(?:message|msg|details?|description|type)\s*[:=][ \t]*\S|\berror[ _]?(?:message|msg|description)\s*[:=]\s*[`"']?[a-z]+(?:_[a-z]+)+\b/im,
  ],
  [
    'audit trail row',
    // A Login Audit Trail row, its Detail quoted ('Detail "IntegrationBlocked"') or before its Status.
    /\bDetail\s*[:|]?\s*[`"'“]?[A-Z][a-z]+[A-Z]\w+|\bStatus\s*[:|]?\s*Failure\b|\bFailure\s*\|?\s*[A-Z][a-z]+[A-Z]\w+|\b[A-Z][a-z]+[A-Z]\w+[ \t]*\|?[ \t]*Failure\b/,
  ],
  // Also inside Markdown emphasis: "_AADSTS50173: The provided grant has expired …_".
  ['coded message', /(?<![A-Za-z0-9])(?:AADSTS\d{4,}|[A-Z]{2,}(?:_[A-Z]+)+)\s*:\s+[A-Z]/],
  ['command output', /^\s*(?:\$|>|PS [A-Z]:\\.*>|[A-Z]:\\\S*>)\s*\S/m],
];

/** A first-person or present-tense report that something fails for the poster. */
const FIRST_PERSON: readonly Tester[] = [
  /\b(?:I|we)(?:'m|'ve|’m|’ve| am| are| have| keep| still| now| just| also)?\s+(?:\w+ly\s+)?(?:get|getting|got|gotten|receiv\w*|see|seeing|saw|hit|hitting|encounter\w*|fac(?:e|ing)|run(?:ning)? into|ran into|end(?:ed)? up with|(?:hav(?:e|ing)|had) (?:an?|the|this|that|same|some)(?: [\w-]+)? (?:error|issue|problem|trouble)s?|(?:unable|not able) to)\b/i,
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
    /\b(?:won['’]?t|will not|doesn['’]?t|does not|didn['’]?t|did not|can['’]?t|cannot|wouldn['’]?t) (?:let|allow) (?:me|us)\b|\b(?:without|after|upon|and|still) (?:receiving|getting|hitting|encountering|running into) (?:the |an? |this |that |these |following |same )+(?:[\w-]+ ){0,2}(?:errors?|exceptions?|messages?|responses?)\b|(?:\bit (?:still |just |now |then |only |always )?|^\s*)(?:says|said|shows|showed|displays|displayed)\b(?! that\b)/im,
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
  /\b(?:since|as of)\s+(?:this morning|yesterday|today|last (?:night|week)|the (?:update|upgrade)|\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\b/i,
  /\b(?:started|began|starts) (?:failing|to fail|returning|throwing|giving)\b/i,
  // A report without its subject: "auth works fine but then get AADSTS50011", "but still getting 401".
  /\bbut (?:then |still |now |always )?(?:get|getting|got|receive|receiving)\b/i,
  /\b(?:here is|here's|this is|below is) (?:the|my|our) (?:error|response|log|output|stack)\b/i,
  // A headline naming the error and who answered with it: "invalid scope from auth server when
  // requesting …", "invalid_grant from the token endpoint".
  /^\s*(?:invalid|insuff\w*|unauthori\w*|expired|forbidden|denied|\w+_\w+|[45]\d\d)\b[^\n=]{0,30}?\bfrom\s+(?:the\s+|our\s+|my\s+|an?\s+)?(?:[\w-]+\s+)?(?:server|gateway|endpoint|idp|provider|api)\b/im,
  // What the failing thing did to the poster: "is giving me Error invalid_grant", "causing me to receive a 401".
  /\b(?:gives?|gave|giving|throws?|threw|throwing|returns?|returned|returning) (?:me|us)\b|\b(?:caus(?:es|ed|ing)|leads?|leading|led) (?:me|us) to\b/i,
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
const CONDITION = rememberLast(
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

/** Read in the whole text: a vendor's message never looks like these. */
const DISCUSSION_ANYWHERE = new Set([
  'commit or PR',
  'diff',
  'specification',
  'template',
  'code handling an error',
  'docs table',
  'glossary',
  'code comment',
  'error choice',
]);

/** Written about a change or in a template: quiet even when the author also hit the error once. */
const ABOUT_A_CHANGE = new Set(['commit or PR', 'template', 'docs table', 'code comment']);

/** Any of the patterns: each scans the text on its own (one pattern's flags differ from another's). */
function anyOf(...patterns: readonly Tester[]): Tester {
  return { test: (text, grams) => patterns.some((p) => p.test(text, grams)) };
}

/**
 * `pattern`, scanned only in a text holding one of `literals` (in any case where the pattern reads
 * any case, so "BREAKING CHANGE" is found by "reaking"; a match always holds one): most texts have
 * none, and one scan for plain words (read as one pattern: a search per word scanned the text once
 * per word) costs half of trying the pattern at every position. Before that scan, the paste's grams
 * rule out the literals it cannot hold (most pastes hold none: no scan at all).
 */
function guarded(literals: readonly string[], pattern: RegExp): Tester {
  const words = new RegExp(
    literals.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    pattern.ignoreCase ? 'i' : '',
  );
  const grams = literals.map(literalGrams);
  return {
    test: (text, held) =>
      grams.some((g) => mayHold(held, g)) && words.test(text) && pattern.test(text),
  };
}

/**
 * What every match of a pattern holds: one of `marks` as written, or one of `words` in any case.
 * Stated per pattern from its alternatives (each names one of them), so a paste that holds none is
 * passed over without a scan: `marks` are looked for as plain strings, `words` in the paste's grams.
 */
interface Held {
  readonly marks?: readonly string[];
  readonly words?: readonly string[];
}

function heldBy(held: Held, pattern: Tester): Tester {
  const marks = held.marks ?? [];
  const words = (held.words ?? []).map(literalGrams);
  return {
    test: (text, grams) =>
      (marks.some((m) => text.includes(m)) || words.some((w) => mayHold(grams, w))) &&
      pattern.test(text, grams),
  };
}

/**
 * The tester, remembering its answer for the last text: the condition rule and the first-person
 * report read the same prose.
 */
function rememberLast(tester: Tester): Tester {
  let last: string | undefined;
  let answer = false;
  return {
    test: (text, grams) => {
      if (text !== last) {
        answer = tester.test(text, grams);
        last = text;
      }
      return answer;
    },
  };
}

/**
 * A docs page's title in Title Case over its list of codes ("Refresh Token Error Responses",
 * "TBA-Related Error Messages in the Login Audit Trail"): case-sensitive, so a sentence's "no error
 * messages at all" is not one; a report names one error, a page its several.
 */
const DOCS_TITLE =
  /^(?:[A-Z0-9][\w-]*[ \t]+){0,6}Error (?:Codes|Messages|Responses)(?:[ \t]+(?:in|for|of|on|and|the|[A-Z][\w-]*))*[ \t]*$/m;

/** What every match of the docs-or-KB pattern below holds: a heading's word or a sentence's. */
const DOCS_WORDS = [
  'means',
  'reason',
  'caus',
  'solution',
  'how',
  'workaround',
  'symptom',
  'troubleshooting',
  'description',
  'summary',
  'motivation',
  'changes',
  '原因',
  '解决',
  '处理',
  '対処法',
  '解決策',
  '원인',
  '해결',
  'ursache',
  'lösung',
  'solución',
  'solução',
  'because',
  'returned',
  'thrown',
  'raised',
  'due',
  'indicates',
  'occurs',
  'happens',
  'typically',
  'usually',
  'generally',
  'common',
  'when',
  'often',
];

const DISCUSSION: readonly TestRule[] = [
  [
    'commit or PR',
    // "The change" only with what a change under review does: a poster's own change to a setting
    // "makes no difference" or "will take effect" in a report.
    /^\s*(?:fix|feat|chore|docs|refactor|perf|test|build|ci)(?:\([^)\n]*\))?!?:\s|\b(?:this|the) (?:PR|pull request|patch|commit|change ?set)\b|\bthis change (?:will|would|should|makes?|adds?|fixes|updates?|improves?|allows?)\b|\bthe change (?:adds|fixes|updates|improves)\b|\bI(?:'ve| have)? (?:updated|changed|modified|extended) the (?:repo|code|library|package|docs|documentation|README|module)\b|\b(?:fix(?:es|ed)?|clos(?:es|ed)|resolv(?:es|ed)|address(?:es|ed))\s+(?:#\d+|https?:\/\/\S+\/(?:issues|pull)\/\d+)/im,
  ],
  [
    // A change's verb opening a line ("Handles …", "Adds …"), the change named ("a small behavior
    // change", "breaking change"), or a release note's item: a bold name, a dash, then what it does
    // ("**Token refresh for extracted tokens** — When … it attempts a refresh").
    'change description',
    anyOf(
      heldBy(
        { marks: ['—', '–'] },
        /^[ \t]*(?:[-*][ \t]+)?(?:\*\*|__)[^*_\n]{3,80}(?:\*\*|__)[ \t]*[—–][ \t]+[A-Za-z`]/m,
      ),
      heldBy(
        {
          words: [
            'made',
            'fix',
            'add',
            'handl',
            'updat',
            'implement',
            'introduc',
            'remov',
            'support',
            'renam',
            'refactor',
            'ensur',
            'allow',
            'prevent',
            'improv',
            'make',
            'chang',
            'bump',
            'catch',
            'retr',
            'document',
            'clarif',
          ],
        },
        /^\s*[-*]?\s*(?:made (?:a )?changes? to|fix(?:es|ed|ing)?|adds?|added|adding|handles?|handled|handling|updates?|updated|implements?|implemented|introduces?|introduced|removes?|removed|supports?|renames?|refactors?|ensures?|allows?|prevents?|improves?|improved|makes?|changes?|changed|bumps?|catches?|retries|retry|documents?|documented|clarif(?:y|ies|ied))\s+(?:the\s+|a\s+|an\s+|new\s+|support\s+|handling\s+|error\s+|retry\s+)*[\w`'"(]/im,
      ),
      guarded(['ehavio', 'reaking'], /\b(?:behaviou?r(?:al)?|breaking) change\b/i),
    ),
  ],
  [
    // A KB article's sections ("Cause", "Solution"; also in Chinese, Japanese, Korean, German,
    // Spanish, Portuguese), its sentences about what an error means or when it comes ("is
    // responded when the request contains …", "an invalid error code returned when …", "This
    // occurs when:"), its "most common cause" (also in Chinese), a cause said to be the usual one
    // ("is usually the callback being consumed twice") and a docs page's title over its list of
    // codes ("Refresh Token Error Responses").
    'docs or KB',
    anyOf(
      heldBy(
        { words: DOCS_WORDS },
        /^\s*#*\s*\**(?:what it means|what this means|reason|causes?|possible causes?|solution|resolution|how to (?:fix|resolve)|workaround|symptoms?|troubleshooting|description|summary|motivation|changes|(?:报错|錯誤|错误)?原因|解决(?:方法|方案|办法)|处理(?:方式|方法)|対処法|解決策|원인|해결 ?방법|ursache|lösung|causa|solución|solução)\**\s*[:：]?\**\s*$|\b(?:this|the|that) (?:error|code|response|message) (?:is (?:because|caused|returned|thrown|raised|due)|means|indicates|occurs|happens|typically|usually|generally)\b|\b(?:typically|usually|generally|commonly) (?:occurs|happens|means|indicates|caused)\b|\bmost common (?:cause|reason)\b|\b(?:an?|the)\s+(?:[\w`'"-]+\s+)?(?:error|code|response|exception) is (?:returned|thrown|raised)\b|\breturns? (?:the |an? )?(?:error|code|status)\b[^.\n]{0,60}\bwhen\b|\bindicates (?:that|a|an)\b|^\s*\**(?:reason|cause|solution|resolution|workaround)\**\s*:\s*\**\s+\S|\b(?:typically|usually|generally|commonly|often) (?:stems?|arises?|results?) from\b|\byou(?:['’]re| are) (?:getting|seeing|receiving) (?:this|the|that) (?:error|message|response) because\b/im,
      ),
      guarded(['Error '], DOCS_TITLE),
      guarded(
        [
          'returned',
          'responded',
          'raised',
          'thrown',
          'sent',
          'issued',
          'ccurs when',
          'appens when',
          'sually',
          'ypically',
          'enerally',
          'ommonly',
          'lmost always',
          '最常',
        ],
        /\b(?:is|are) (?:returned|responded|raised|thrown|sent|issued) (?:when|if|whenever)\b|\b(?:error|code|status|response)s? (?:returned|sent|raised|thrown) (?:when|if|whenever)\b|\b(?:this|it) (?:typically |usually |often |generally |commonly )?(?:occurs|happens) when\b|\bis (?:usually|typically|generally|commonly|almost always) (?:the|a|an|caused|due|because)\b|最常见|最常見/i,
      ),
    ),
  ],
  [
    // What would happen, to someone in general: "if you get …", "you might see …", "in case a user
    // aborts the login".
    'hypothetical',
    anyOf(
      heldBy(
        {
          words: [
            'you',
            'will',
            'would',
            'should',
            'could',
            'caus',
            'happen',
            'returns',
            'responds',
            'answers',
            'case',
          ],
        },
        /\bif you(?: ever)? (?:get|see|receive|encounter|are getting|face|run into|hit)\b|\byou (?:might|may|can|could|would)(?: also)? (?:be )?(?:get(?:ting)?|see(?:ing)?|receiv(?:e|ing)|encounter(?:ing)?|hit(?:ting)?|run(?:ning)? into)\b|\b(?:will|would|should) (?:return|respond|reply|answer|fail|throw|result in|lead to|produce)\b|\bcould (?:also )?be (?:getting|due)\b|(?<!\bwhat )\b(?:can|could|may|might|will) (?:also )?cause\b|\bthis (?:can|could|may|might|will) (?:also )?happen\b|\bif you (?:\w+ )?(?:leave|use|send|pass|omit|forget|provide|set|call|don['’]t|do not)\b|\bif (?:the|a|an|your) (?:[\w-]+ ){1,3}(?:returns|responds|answers)\b|\bin (?:the )?case (?:that |when |where )?(?:the |a |an )?(?:[\w-]+ ){1,2}(?:returns|responds|answers|fails|throws)\b/i,
      ),
      guarded(
        ['avoid', 'case'],
        /\bto avoid (?:the |this |that |an? )?(?:error|issue|problem)\b|\bin case (?:a|the) (?:user|client|caller|customer)\b/i,
      ),
    ),
  ],
  [
    'specification',
    heldBy(
      {
        marks: [
          'RFC',
          '§',
          'ection ',
          'ec. ',
          'pec',
          'SHOULD',
          'MUST',
          'OAuth Parameters Registry',
        ],
      },
      /\bRFC\s?-?\d{4}\b|§\s?\d|\b[Ss]ection \d+(?:\.\d+)+|\b[Ss]ec\. \d|\b[Ss]pec(?:ification|s)?\b|\b(?:SHOULD|MUST)(?: NOT)? (?:respond|return|include|be)\b|\bOAuth Parameters Registry\b/,
    ),
  ],
  [
    // The poster links a specification in their own words ("Taken from
    // https://tools.ietf.org/html/rfc6749#section-4.1.2.1"): read in the prose, as an error body's
    // error_uri or a stack frame's oauthlib/oauth2/rfc6749/ path is the program's.
    'spec linked',
    guarded(['rfc', 'RFC'], /\bhttps?:\/\/\S*\/(?:html\/|rfc\/)?rfc-?\d{4}\b/i),
  ],
  [
    // An issue or PR template, or a message template with its placeholders ('<tenantName>').
    'template',
    // Case-sensitive: a placeholder is camelCase ('<tenantName>'), a masked value is not ('<elided>').
    heldBy(
      { marks: ['<', 'eedback', '#'] },
      /['"]<[a-z]+[A-Z][A-Za-z]*>['"]|\[[Ee]nter [Ff]eedback [Hh]ere\]|^\s*#{1,3}\s*(?:[Pp]roposed [Cc]hanges|[Ww]hat [Dd]oes [Tt]his PR [Dd]o|[Rr]elated [Ii]ssues?|[Cc]hecklist|[Tt]ype [Oo]f [Cc]hange)\b/m,
    ),
  ],
  [
    'code handling an error',
    heldBy(
      { marks: ['-match', 'catch', 'except', '==', '.includes(', '-eq'] },
      /-match\s+["']|\bcatch\s*\(|\bexcept\s+\w*(?:Error|Exception)\b|\b(?:if|elif|case|when)\b[^\n]{0,40}(?:===?|\.includes\(|-eq|-match)\s*["']|\berror\s*===?\s*["']/,
    ),
  ],
  ['condition', CONDITION],
  [
    // A unified diff or its hunk header: a change under review, not output.
    'diff',
    /^[-+](?![-+\s])\S[^\n]*\n(?:[^\n]*\n)*?[-+](?![-+\s])\S|^\+(?: {2,}|\t)\S[^\n]*\n(?:[^\n]*\n)*?\+(?: {2,}|\t)\S|^@@ -\d+(?:,\d+)? \+\d+|^diff --git |^```diff\b/m,
  ],
  [
    // A feature request or a complaint about wording asks for a change; it reports no failure. A
    // page said to miss something is the subject of "is missing" itself: after a comma or a
    // conjunction another subject lacks it ("I followed the guide and the refresh token is missing").
    'proposal',
    heldBy(
      {
        words: [
          'should',
          'could',
          'must',
          'need',
          'would',
          'suggest',
          'feature',
          'misleading',
          'confusing',
          'nothing',
          'missing',
          'does',
          'doc',
        ],
      },
      /\b(?:should|could|must|needs? to) be (?:reworded|renamed|rephrased|changed|improved|updated|clarified|documented|handled|surfaced|mapped|removed|added|fixed)\b|\bit would be (?:(?:much|a lot|far|even|really|so) )?(?:more )?(?:nice|great|good|helpful|better|useful|easier|clearer|ideal)\b|\bsuggest(?:ed|ion)?:? (?:improvement|change|fix|wording|message)\b|\bfeature request\b|\b(?:is|are|seems?) (?:misleading|confusing)\b|\b(?:responses?|errors?|messages?|it|they|this|which) should (?:include|contain|provide|expose|indicate|tell|say)\b|\bshould include (?:information|details|a hint|the reason)\b|\b(?:has|have) nothing to do with (?:auth\w*|the credentials|the tokens?)\b|\b(?:this|the) (?:[\w-]+ ){0,2}(?:page|docs?|documentation|article|section|table|list|reference|readme|guide|tutorial|quickstart)\b(?:(?!\b(?:and|but|so|then|when|because|while|though|although|yet|however|after|since|if|where)\b)[^.,;!?\n]){0,40}\b(?:is missing|does(?: not|n['’]t) (?:list|mention|include|contain|document))\b|\b(?:is|are) not documented\b|\bthe (?:documentation|docs)(?: \S+){0,2} (?:states?|stated|says|said)\b/i,
    ),
  ],
  [
    // About how a program treats an error ("this was not handled", "client fails to report other
    // errors", "to handle this, we need to …", "make sure we handle a failure", an "error handler"),
    // not about hitting it.
    'error handling',
    anyOf(
      heldBy(
        { words: ['handled', 'caught', 'surfaced', 'propagated'] },
        /\b(?:is|was|are|were|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)(?: not)? (?:properly |correctly |explicitly |gracefully )?(?:handled|caught|surfaced|propagated)\b/i,
      ),
      guarded(
        ['andl', 'to report', 't report', 'urface', 'ropagat', 'to catch'],
        /\berror[ -]handl(?:er|ing)\b|\b(?:fails?|failed|failing) to (?:report|handle|surface|propagate|catch)\b|\bdo(?:es)?(?:n['’]t| not) (?:handle|report|surface|propagate)\b|\bto handle (?:this|that|these|such)\b|\b(?:need|needs|should|must|make sure (?:that )?(?:we|to|it)|ensure (?:that )?(?:we|it)) (?:to )?(?:properly |gracefully |correctly )?handles? (?:that|this|it|these|such|an?|the)\b/i,
      ),
    ),
  ],
  [
    // A docs table of error strings and what they mean.
    'docs table',
    heldBy(
      { marks: ['---'] },
      /^\s*\|[^\n]*\b(?:error|code|message|status)\b[^\n]*\|[^\n]*\b(?:cause|fix|resolution|meaning|description|solution|remediation|explanation|what to check)\b[^\n]*\|\s*\n\s*\|\s*:?-{3}/im,
    ),
  ],
  [
    // Codes defined one per line ("invalid_scope - The requested scope is …"): a glossary or a
    // quoted specification, not output.
    'glossary',
    /^\s*`?[\w.]{4,}`?\s+(?:=|-|–)\s+(?:A|An|The)\s[^\n]*\n(?:[^\n]*\n)*?\s*`?[\w.]{4,}`?\s+(?:=|-|–)\s+(?:A|An|The)\s/m,
  ],
  [
    // Lines of source comments quoting an error (a probe's match list, a handler's note).
    'code comment',
    /^[ \t]*(?:#|\/\/)[ \t]+\S[^\n]*\n[ \t]*(?:#|\/\/)[ \t]+\S[^\n]*\n[ \t]*(?:#|\/\/)[ \t]+\S/m,
  ],
  [
    // A maintainer or reviewer answering: asking for a repro, weighing a design, approving a change
    // ("Looks good.", "LGTM"), or tracing a user's failure for them ("I looked up your request id
    // …", "Traced. This fails at …", "Would you mind trying …", and in Korean "the screen you
    // attached"). "I looked into" or "I traced" is a reply only with the reader's failure named
    // ("your …" on that line): a poster tells the same way how they looked at their own ("I looked
    // into the sign-in logs and found …").
    'reply',
    anyOf(
      heldBy(
        { words: ['provide', 'share', 'attach', 'post', 'personally', 'discuss', 'fine'] },
        /\b(?:if you (?:can|could)|can you|could you) (?:please )?(?:provide|share|attach|post) (?:a|an|the|your|some|more)\b|\bpersonally\b|\bwanted to discuss\b|\bI(?:'m| am) fine with\b/im,
      ),
      guarded(
        ['ooks good', 'LGTM', '첨부해', 'ould you mind', 'looked', 'raced'],
        /^\s*(?:looks good|LGTM)\b|\blooks good to me\b|첨부해 주신|\bwould you mind\b|\bI (?:looked (?:up|into)|traced)\b(?=[^\n]{0,160}?\byour\b)|^\s*traced\b/im,
      ),
    ),
  ],
  [
    // Which error a server ought to send ("returns invalid_request instead of invalid_grant", "the
    // correct error code is", "please return a 401", "reached the consent page rather than receiving
    // an early invalid_scope response", "When … an expired refresh token, return invalid_grant", a
    // 400 "indistinguishable from" another): an implementer's bug report, a spec or a review.
    'error choice',
    anyOf(
      heldBy(
        {
          words: [
            'correct',
            'right',
            'proper',
            'appropriate',
            'wrong',
            'misleading',
            'meaningful',
            'descriptive',
            'better',
            'more',
            'not',
            'please',
            'clear',
            'helpful',
          ],
        },
        /\b(?:correct|right|proper|appropriate|wrong|incorrect|misleading|meaningful|descriptive|better|more (?:useful|helpful|specific|descriptive|meaningful))\s+(?:error|status|http|exception)(?:[ _](?:code|status|message|response))?\b|(?:,|\band|\bbut) not (?:an? |the )?[`'"]?(?:[a-z]+_[a-z_]+|[45]\d\d)\b|\bplease (?:return|respond with|add support|support|handle|expose|document|consider)\b|\b(?:better|clearer|more \w+|meaningful|descriptive|helpful)\s+[\w-]+\s+error\s+(?:message|code|status|response)|\b(?:is|are|was) not (?:very |really |particularly )?(?:helpful|useful|descriptive|clear)\b|\bunhelpful\b/im,
      ),
      // Each of these names what is sent "instead of" another: run only where those words are.
      guarded(
        ['instead of'],
        /\b(?:[a-z]+_[a-z_]+|[45]\d\d)\s+instead of\b|\binstead of\s*(?::\s*)?$|\binstead of (?:an? |the )?[`'"]?(?:[a-z]+_[a-z_]+|[45]\d\d|invalid \w+)\b/im,
      ),
      // "rather than" an error: a status, or a code the server would answer with; not any
      // snake_case value the poster sends ("in the body rather than the client_secret_basic header").
      guarded(
        ['ather than'],
        /\brather than (?:(?:receiving|returning|sending(?: back)?|responding with|answering with|raising|throwing|failing with) (?:an? |the )?(?:[\w-]+ ){0,2}[`'"]?[a-z]+_[a-z_]+|(?:an? |the )?(?:[\w-]+ ){0,2}[`'"]?[45]\d\d)\b/i,
      ),
      guarded(['ndistinguishable'], /\bindistinguishable from\b/i),
      // "return <code>" in prose: at the start of a line or after a comma, not indented as code is
      // ("    return access_token" in a snippet pasted without a fence).
      guarded(
        ['eturn'],
        /(?:^|[,;][ \t]*)return\s+(?:an? |the )?[`'"]?(?:[a-z]+_[a-z_]+|[45]\d\d)\b/im,
      ),
    ),
  ],
  [
    'works for me',
    /\b(?:it|this|that) (?:worked|works|is working) (?:for me|fine|now)\b|\bworked for me\b/i,
  ],
  [
    'how-to',
    /\bhow (?:do|should|can|would) (?:I|we|you|one) (?:handle|catch|deal with|detect|distinguish)\b|\bis there (?:a|any) way to (?:handle|catch|deal with|detect|distinguish|know|tell|get (?:notified|an? (?:alert|notification)))\b|\bwhat(?:'s| is) the difference between\b/i,
  ],
];

/** The register's rule names, in order: the gate model reads one feature per rule. */
export const OUTPUT_RULES: readonly string[] = OUTPUT.map(([name]) => name);
export const DISCUSSION_RULES: readonly string[] = DISCUSSION.map(([name]) => name);

// Each pattern is scanned only in a text holding one of its literals (see `guarded`): most pastes
// show none of these failures, and a 40 KB log was scanned whole by each pattern.
const OTHER_FAILURE: readonly TestRule[] = [
  [
    // Library wordings besides the protocol names: Go crypto/x509 ("x509: certificate signed by
    // unknown authority"), OpenSSL ("unable to get local issuer certificate"), .NET ("The remote
    // certificate is invalid"), Node (ERR_TLS_CERT_ALTNAME_INVALID), Java ValidatorException.
    'TLS',
    guarded(
      [
        'ssl',
        'tls',
        'handshake',
        'certificat',
        'self',
        'leaf_signature',
        'cert_',
        'pkix',
        'x509',
        'validatorexception',
      ],
      /\bSSL\b|\bTLS\b|handshake|certificate (?:verify|has expired|is not trusted|unknown|chain|signed by unknown authority|is (?:not )?valid for)|self[- ]signed|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_\w+|PKIX path|unable to find valid certification path|\bx509: |unable to get local issuer certificate|remote certificate is invalid|\bERR_TLS_|ValidatorException/i,
    ),
  ],
  [
    'DNS',
    guarded(
      ['enotfound', 'getaddrinfo', 'name or service', 'resolve host', 'nxdomain', 'unknownhost'],
      /\bENOTFOUND\b|getaddrinfo|Name or service not known|could not resolve host|NXDOMAIN|UnknownHostException/i,
    ),
  ],
  [
    // Also node-fetch's FetchError for a system error: "request to https://… failed, reason: …"
    // (a terminal UI may draw its box border inside the line).
    'network',
    guarded(
      [
        'econn',
        'etimedout',
        'ehostunreach',
        'connection',
        'socket',
        'time',
        'unable to read',
        'request to',
      ],
      /\bECONNREFUSED\b|\bECONNRESET\b|\bETIMEDOUT\b|\bEHOSTUNREACH\b|connection (?:refused|reset|timed out|was (?:forcibly )?closed)|socket hang up|\btimed? ?out\b|\btimeout\b|SocketException|unable to read data from the transport|\brequest to\s+(?:[│┃|]\s*)*https?:\/\/\S+ failed, reason:/i,
    ),
  ],
  [
    'rate limit',
    guarded(
      ['429', 'too many', 'limit', 'throttl'],
      /\b429\b|too many requests|rate[- ]?limit|throttl/i,
    ),
  ],
  [
    'server error',
    guarded(
      [
        '50',
        'internal server',
        'bad gateway',
        'service unavailable',
        'gateway time',
        'unknown_error',
      ],
      /\b50[0234]\b|internal server error|bad gateway|service unavailable|gateway time-?out|\bunknown_error\b/i,
    ),
  ],
  ['CORS', /\bCORS\b|Access-Control-Allow-Origin/i],
  // The client could not read what it got ("Could not decode access_token: InvalidToken", "failed
  // to parse the response"): its own parsing, not a server refusing the credentials. Also a
  // response that was not JSON at all (an HTML page), as Go ("invalid character '<' looking for
  // beginning of value"), Node ("Unexpected token < in JSON") and Python (JSONDecodeError) print it.
  [
    'parse',
    guarded(
      ['decode', 'parse', 'deseriali', 'beginning of value', 'unexpected token', 'json'],
      /\b(?:could not|couldn['’]t|can['’]t|cannot|failed to|unable to) (?:decode|parse|deseriali[sz]e)\b|\blooking for beginning of value\b|\bUnexpected token '?<'?,? (?:in JSON|"<)|\bJSONDecodeError\b|\bis not valid JSON\b/i,
    ),
  ],
  [
    // A cloud provider's permission check (IAM, RBAC): the caller is known, its policy says no.
    'cloud permission',
    guarded(
      ['arn:aws', 'to perform', 'identity-based'],
      /\barn:aws[\w-]*:|\bis not authorized to perform:|\bno identity-based policy allows\b|\bdoes not have authorization to perform action\b/i,
    ),
  ],
];

/** A PR, commit, template, docs table or source comments: quiet even beside a first-person line. */
export function aboutAChange(register: Register): boolean {
  return register.discussion.some((d) => ABOUT_A_CHANGE.has(d));
}

/**
 * Error output or a first-person report of a failure, in a paste read as diagnose reads it (see
 * readablePaste): raw, a message of 40,000 newlines (Slack's most) took 35 s to read.
 */
export function showsFailure(paste: string): boolean {
  const register = readRegister(readablePaste(paste));
  return register.output.length > 0 || register.firstPerson;
}

/**
 * Reads the register of a (capped, not yet normalised) paste. `blankedFrom`, when given, is the
 * register of the paste this text was blanked from: its output is kept, not read again, and so is
 * what it read in the prose where the two prose texts are the same (the readings of the prose are a
 * function of it alone). The gate's blanked text reads no `otherFailure`: it is read when asked for.
 */
export function readRegister(text: string, blankedFrom?: Register): Register {
  const prose = ownWords(text);
  const same = blankedFrom?.prose === prose ? blankedFrom : undefined;
  // A paste that is all output has no words of the poster's to read (and most pastes are short):
  // the rules over prose are not run at all.
  const hasProse = /\p{L}{2}/u.test(prose);
  const grams = textGrams(text);
  // The prose's own grams, where its rules are read: the paste's output lines hold words (a
  // stack frame's "Caused by", a status line's "returned") the prose does not.
  const proseGrams = hasProse && same === undefined ? textGrams(prose) : grams;
  let otherFailure: string[] | undefined;
  return {
    output: blankedFrom?.output ?? matching(OUTPUT_TESTS, text, grams),
    firstPerson: same?.firstPerson ?? (hasProse && reportsFirstPerson(prose, proseGrams)),
    discussion: DISCUSSION.flatMap(([name, pattern]) => {
      const anywhere = DISCUSSION_ANYWHERE.has(name);
      if (!anywhere && !hasProse) return [];
      if (!anywhere && same !== undefined) return same.discussion.includes(name) ? [name] : [];
      return pattern.test(anywhere ? text : prose, anywhere ? grams : proseGrams) ? [name] : [];
    }),
    get otherFailure() {
      return (otherFailure ??= matching(OTHER_FAILURE, text, grams));
    },
    prose,
  };
}

/** The prose reports a failure in the first person (see FIRST_PERSON), outside stated conditions. */
function reportsFirstPerson(prose: string, grams: TextGrams): boolean {
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

/**
 * The poster's own words: without code blocks, quoted strings and lines of error output, so a
 * vendor's message ("This may happen if …") or a quoted error is not read as the poster writing
 * about errors.
 */
function ownWords(text: string): string {
  const lines = text
    .replace(/```[\s\S]*?(?:```|$)/g, '\n')
    // A field's quoted value (exceptionMessage='…') may run over lines: it is the program's text.
    .replace(/[=:]\s*'[^'\n]{12,}(?:\n[^'\n]*){1,8}'/g, ' ')
    // An apostrophe inside a word (don't, user's) opens no quote.
    .replace(/`[^`\n]*`|"[^"\n]{6,}"|“[^”\n]{6,}”|(?<!\w)'[^'\n]{12,}'(?!\w)/g, ' ')
    // Inline code that runs over lines (`errors: [ … ]`) is the program's text too.
    .replace(/`[^`]{1,2000}`/g, ' ')
    // A field's quoted value the paste cut off before it closed, a line or three from the end.
    .replace(/[=:]\s*'[^'\n]{12,}(?:\n[^'\n]*){1,3}$/, ' ')
    // A quote a paste cut off before it closed runs to the end of its line.
    .replace(/(?<![\w=:])["“][^"”\n]{30,}$/gm, ' ')
    .split('\n');
  // Each line is tested once: a line's neighbours are read again below.
  const read = lines.map(readLine);
  const output = read.map((r) => r !== null);
  // Not error output, and not a line sandwiched between lines of output (a program's explanation
  // printed between an exception and its stack frames).
  return lines
    .flatMap((line, i) => {
      const before = read[i];
      if (before !== null && before !== undefined) return [before];
      return output[i - 1] === true && output[i + 1] === true ? [] : [line];
    })
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * The poster's few words in front of output on the same line ("This page is missing AADSTS7000215:
 * …", "we keep getting error: invalid_grant"): a line of output is the program's only from where
 * the output starts.
 */
function wordsBeforeOutput(line: string): string {
  let start = line.length;
  for (const pattern of OUTPUT_LINE) {
    const at = pattern.exec(line)?.index;
    if (at !== undefined && at < start) start = at;
  }
  const before = line.slice(0, start);
  // A long lead-in is more likely a library's own sentence printed before its cause.
  const words = before.split(/\s+/).filter((w) => w !== '').length;
  return words <= 10 && /\p{L}{2}/u.test(before) ? before : '';
}

/** A line of error output: a status line, an error body, a frame, a log line, a fault. */
export function isOutputLine(line: string): boolean {
  return readLine(line) !== null;
}

/**
 * A line read once: null when it is not output, else the poster's words in front of the output.
 * The register, the gate's shares and its paragraphs each read every line of a paste, and a log
 * repeats its lines; remembered lines are bounded and emptied when full, as read-token.ts's tokens.
 */
function readLine(line: string): string | null {
  let read = linesRead.get(line);
  if (read === undefined) {
    read = OUTPUT_LINE.some((p) => p.test(line)) ? wordsBeforeOutput(line) : null;
    if (line.length <= MAX_REMEMBERED_LINE) {
      if (linesRead.size >= MAX_REMEMBERED_LINES) linesRead.clear();
      linesRead.set(line, read);
    }
  }
  return read;
}

const linesRead = new Map<string, string | null>();
const MAX_REMEMBERED_LINES = 4_096;
const MAX_REMEMBERED_LINE = 1_000;

/**
 * The output rules as the whole paste is read: the costlier ones each passed over in a paste
 * without what every match of theirs holds (see `heldBy`).
 */
const OUTPUT_HELD: Readonly<Record<string, Held>> = {
  'error body': { marks: ['error', 'code', 'faultstring', 'ENV', 'env', 'soap'] },
  'log line': { words: ['err', 'warn', 'wrn', 'fatal', 'ftl', 'severe', 'fail'] },
  'error line': { words: ['error', 'fatal', 'fail'] },
  'audit trail row': { marks: ['Detail', 'Failure'] },
  'command output': { marks: ['$', '>'] },
};

const OUTPUT_TESTS: readonly TestRule[] = OUTPUT.map(([name, pattern]) => {
  const held = OUTPUT_HELD[name];
  return [name, held === undefined ? pattern : heldBy(held, pattern)];
});

const OUTPUT_LINE: readonly RegExp[] = OUTPUT.filter(
  ([name]) => name !== 'command output' && name !== 'status',
).map(([, pattern]) => pattern);

function matching(rules: readonly (Rule | TestRule)[], text: string, grams: TextGrams): string[] {
  return rules.flatMap(([name, pattern]) => (pattern.test(text, grams) ? [name] : []));
}
