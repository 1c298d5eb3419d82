import { CONDITION } from './first-person.js';
import { anyOf, guarded, heldBy, type Tester, type TestRule } from './testers.js';
import { UnicodePattern } from './unicode-pattern.js';

/*
 * Written about errors rather than from one: a PR or commit, docs or a KB article, a spec, a
 * hypothetical, a proposal, a reply, code handling an error. Most rules read the poster's prose;
 * those in DISCUSSION_ANYWHERE read the whole paste.
 */

/** Read in the whole text: a vendor's message never looks like these. */
export const DISCUSSION_ANYWHERE = new Set([
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
export const ABOUT_A_CHANGE = new Set(['commit or PR', 'template', 'docs table', 'code comment']);

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

// A section heading of its own line: "## Steps to reproduce", "**Actual behaviour:**". Each
// optional mark takes the blanks after it, so a run of blanks has one way to be read: with four
// `[ \t]*` side by side, "**summary" and 200 spaces took 2 s to reject.
const BLANKS = '[ \\t]*';
const EMPHASIS = '(?:\\*\\*|__)';

/**
 * A section heading naming one of `names` (alternatives of a pattern): after `#` marks, or
 * emphasised on a line of its own. With `trailing`, an emphasised heading may go on after its name
 * ("**Steps to reproduce the bug with the console client**"): each further word follows blanks and
 * holds none, so again a run of blanks is read one way.
 */
export const section = (names: string, trailing = false): RegExp =>
  new RegExp(
    `^${BLANKS}(?:#{1,6}${BLANKS}(?:${EMPHASIS}${BLANKS})?(?:${names})\\b|${EMPHASIS}(?:${names})${trailing ? '\\b(?:[ \\t]+[^\\s*_]+){0,10}' : ''}${BLANKS}(?:${EMPHASIS}${BLANKS})?(?::${BLANKS})?(?:${EMPHASIS}${BLANKS})?$)`,
    'im',
  );

/**
 * The sections of a bug report that tell what happened (GitHub's "Describe the bug", "Steps to
 * reproduce", "Expected behavior", "Observed behavior"): the alternatives of a pattern.
 */
export const BUG_REPORT_NAMES =
  'describe the (?:bug|error|issue|problem)|bug description|steps to reproduce|to reproduce|reproduction(?: steps)?|actual (?:result|behaviou?r|outcome|output)|current behaviou?r|observed (?:result|behaviou?r|outcome)|expected (?:result|behaviou?r|outcome)|what happened';
const BUG_REPORT_SECTIONS = section(BUG_REPORT_NAMES, true);
// The same as a plain label on a line of its own ("Steps to reproduce:").
const BUG_REPORT_LABEL = new RegExp(`^[ \\t]*(?:${BUG_REPORT_NAMES})[ \\t]*:[ \\t]*$`, 'im');

/** A bug report's sections telling what happened, headed or labelled: see BUG_REPORT_NAMES. */
export function tellsWhatHappened(text: string): boolean {
  return BUG_REPORT_SECTIONS.test(text) || BUG_REPORT_LABEL.test(text);
}

/**
 * A "Summary" or "Description" heading opens a PR, a design note or a KB article; a bug report's
 * template opens with one too, beside the sections telling what happened: not docs there.
 */
const SUMMARY_HEADING: Tester = heldBy(
  { words: ['description', 'summary'] },
  {
    test: (text) =>
      /^\s*#*\s*\**(?:description|summary)\**\s*[:：]?\**\s*$/im.test(text) &&
      !tellsWhatHappened(text),
  },
);

// A code as systems print them: snake_case, UPPER_SNAKE, letters then digits (AADSTS50058,
// E0000011) or CamelCase; not an exception's class (`TokenExpiredError: jwt expired` in a trace).
const CODE_SHAPE = String.raw`(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{1,8}\d{2,}|[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+)(?<!Error|Exception)`;
// Its description: a word, then three more (not a value: a GUID, an id, a URL, a number).
const DESCRIPTION = String.raw`(?:\*\*|__)?\p{L}[\p{L}'’-]*(?:[ \t,]+[\p{L}\p{N}'’()/-]+){3}`;
const CODE_MARK = '(?:\\*\\*|__|`)?';
/**
 * A code opening a line (after a bullet, a table's bar or a number; in backticks or bold), then a
 * separator and its description; or a heading that is a code, its description on the next line.
 */
const DESCRIBED_CODE = new UnicodePattern(
  String.raw`^[ \t]*(?:[-*•][ \t]+|\|[ \t]*|\d{1,2}[.)][ \t]+)?${CODE_MARK}(${CODE_SHAPE})${CODE_MARK}[ \t]*(?:->|[:=|–—→-])[ \t]*${DESCRIPTION}|^[ \t]*#{1,6}[ \t]+${CODE_MARK}(${CODE_SHAPE})${CODE_MARK}[ \t]*\n[ \t]*${DESCRIPTION}`,
  'gmu',
);
/** A reference lists this many different codes; a report shows one, or compares two. */
const REFERENCE_CODES = 3;

/** Three or more different codes, each with its own description: a reference, not output. */
function describesCodes(text: string): boolean {
  const codes = new Set<string>();
  const described = DESCRIBED_CODE.for(text);
  described.lastIndex = 0;
  for (let m = described.exec(text); m !== null; m = described.exec(text)) {
    codes.add((m[1] ?? m[2] ?? '').toLowerCase());
    if (codes.size >= REFERENCE_CODES) return true;
  }
  return false;
}

export const DISCUSSION: readonly TestRule[] = [
  [
    'commit or PR',
    // "The change" only with what a change under review does: a poster's own change to a setting
    // "makes no difference" or "will take effect" in a report.
    // Each alternative names one of these words: a paste holding none is passed over unscanned.
    heldBy(
      {
        words: [
          'fix',
          'feat',
          'chore',
          'docs',
          'refactor',
          'perf',
          'test',
          'build',
          'ci',
          'pr',
          'pull',
          'patch',
          'commit',
          'change',
          'updated',
          'modified',
          'extended',
          'clos',
          'resolv',
          'address',
        ],
      },
      /^\s*(?:fix|feat|chore|docs|refactor|perf|test|build|ci)(?:\([^)\n]*\))?!?:\s|\b(?:this|the) (?:PR|pull request|patch|commit|change ?set)\b|\bthis change (?:will|would|should|makes?|adds?|fixes|updates?|improves?|allows?)\b|\bthe change (?:adds|fixes|updates|improves)\b|\bI(?:'ve| have)? (?:updated|changed|modified|extended) the (?:repo|code|library|package|docs|documentation|README|module)\b|\b(?:fix(?:es|ed)?|clos(?:es|ed)|resolv(?:es|ed)|address(?:es|ed))\s+(?:#\d+|https?:\/\/\S+\/(?:issues|pull)\/\d+)/im,
    ),
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
        /^\s*#*\s*\**(?:what it means|what this means|reason|causes?|possible causes?|solution|resolution|how to (?:fix|resolve)|workaround|symptoms?|troubleshooting|motivation|changes|(?:报错|錯誤|错误)?原因|解决(?:方法|方案|办法)|处理(?:方式|方法)|対処法|解決策|원인|해결 ?방법|ursache|lösung|causa|solución|solução)\**\s*[:：]?\**\s*$|\b(?:this|the|that) (?:error|code|response|message) (?:is (?:because|caused|returned|thrown|raised|due)|means|indicates|occurs|happens|typically|usually|generally)\b|\b(?:typically|usually|generally|commonly) (?:occurs|happens|means|indicates|caused)\b|\bmost common (?:cause|reason)\b|\b(?:an?|the)\s+(?:[\w`'"-]+\s+)?(?:error|code|response|exception) is (?:returned|thrown|raised)\b|\breturns? (?:the |an? )?(?:error|code|status)\b[^.\n]{0,60}\bwhen\b|\bindicates (?:that|a|an)\b|^\s*\**(?:reason|cause|solution|resolution|workaround)\**\s*:\s*\**\s+\S|\b(?:typically|usually|generally|commonly|often) (?:stems?|arises?|results?) from\b|\byou(?:['’]re| are) (?:getting|seeing|receiving) (?:this|the|that) (?:error|message|response) because\b/im,
      ),
      SUMMARY_HEADING,
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
    // quoted specification, not output. Also any reference of codes: three or more, each with its
    // own description (a list, a table's rows, a heading each).
    'glossary',
    anyOf(
      /^\s*`?[\w.]{4,}`?\s+(?:=|-|–)\s+(?:A|An|The)\s[^\n]*\n(?:[^\n]*\n)*?\s*`?[\w.]{4,}`?\s+(?:=|-|–)\s+(?:A|An|The)\s/m,
      { test: describesCodes },
    ),
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

/** The discussion rules' names, in order: the gate model reads one feature per rule. */
export const DISCUSSION_RULES: readonly string[] = DISCUSSION.map(([name]) => name);
