import {
  BUG_REPORT_NAMES,
  DISCUSSION_RULES,
  section,
  tellsWhatHappened,
} from './discussion-rules.js';
import { SENTENCE_BREAK } from './first-person.js';
import { isOutputLine, OUTPUT_RULES } from './output-rules.js';
import { aboutAChange, type Register } from './register.js';
import { foldGuarded, guarded, holdingFolded } from './testers.js';
import { isSpace } from './tokens.js';
import { UnicodePattern } from './unicode-pattern.js';
import { WRITTEN_ABOUT_RULES, writtenAbout } from './written-about.js';

/**
 * The channel gate: did the poster hit a failure, or is the text written about one (a PR, docs, a
 * how-to, a proposal)? A logistic model over features of how the text is written, never of what it
 * is about: the register's rules (error output, a first-person report, discussion) and the shape of
 * the document (share of output lines, headings, bullets, links, second person, modal verbs, a
 * title that starts with an imperative verb). The weights are fitted offline on the labelled sets
 * (`npm run train:gate`, which also reports cross-validation grouped by source) and live in
 * gate-weights.ts; no feature names a code, a vendor or a phrase of one text.
 */
export interface GateModel {
  /** Feature names, in the order of `weights` (GATE_FEATURES when the model was fitted). */
  readonly features: readonly string[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** Probability at or above which the text counts as a report of a failure. */
  readonly threshold: number;
}

const SHAPE_FEATURES = [
  'reports failure',
  'hand rule',
  'output first',
  'introduces output',
  'output line share',
  'prose share',
  'code fence',
  'heading',
  'bullet share',
  'links',
  'question',
  'second person',
  'first-person words',
  'modal verbs',
  'doc register',
  'imperative title',
  'help request',
  'attempt narrative',
  'length',
  'quoted lines',
  'output only in quotes',
  'generic agent',
  'intent',
  'bad input',
  'several statuses',
  'report sections',
  'document sections',
  'cause stated',
  'failure shown',
  'reproduction steps',
] as const;

/** The sections of a fix written up and a pull request's template: fitted after the rest. */
const TEMPLATE_FEATURES = ['resolution sections', 'pull request template'] as const;

/** A knowledge-base or help article's sections and wording: fitted after the rest. */
const ARTICLE_FEATURES = ['kb sections', 'article wording'] as const;

export const GATE_FEATURES: readonly string[] = [
  ...OUTPUT_RULES.map((r) => `output: ${r}`),
  'first person',
  ...DISCUSSION_RULES.map((r) => `discussion: ${r}`),
  ...SHAPE_FEATURES,
  // Last, so a weights file fitted before them still lines up (they read 0 until fitted again).
  ...WRITTEN_ABOUT_RULES.map((r) => `written about: ${r}`),
  ...TEMPLATE_FEATURES,
  ...ARTICLE_FEATURES,
];

const SECOND_PERSON = /\byou(?:r|rs|'re|'ll|'ve)?\b/gi;
// Case-sensitive so "US" and "IT" are not read as pronouns; a sentence may still open with "We",
// "Our" or "My". Pastes come in several languages: their first-person pronouns and possessives
// count too (French, Spanish, Portuguese, Italian, German, Dutch, Polish, Swedish, Japanese,
// Chinese, Korean).
const FIRST_PERSON_WORDS = new UnicodePattern(
  String.raw`\b(?:I|I'm|I've|[Ww]e|[Ww]e're|[Ww]e've|[Mm]y|[Oo]ur|me|us)\b|(?<![\p{L}\p{N}_])(?:(?:[Jj]e|[Nn]ous|[Nn]otre|[Nn]os|[Nn]uestr[oa]s?|[Mm]i|[Nn]oss[oa]s?|[Mm]eu|[Mm]inha|[Nn]ostr[oaie]|[Mm]i[oae]|[Ii]ch|[Ww]ir|[Uu]ns(?:er\p{L}*)?|[Mm]ein\p{L}*|[Oo]nze|[Mm]ijn|[Ii]k|[Nn]asz\p{L}*|[Mm]amy|[Vv]år\p{L}*|[Jj]ag)(?![\p{L}\p{N}_])|[Jj]['’](?=\p{L}))|我|私[はのた]|弊社|当社|우리|저희|제가`,
  'gu',
);
const REQUEST = /\b(?:can|could|would|will) you\b/i;
// "can't" is a failure told ("Can't load token"), not a modal of a how-to.
const MODAL = /\b(?:should|could|would|may|might|must|can(?!['’]t))\b/gi;
const DOC_REGISTER =
  /\b(?:make sure|ensure(?: that)?|note that|for example|e\.g\.|you can|you need to|you must|to (?:resolve|fix|avoid|prevent) (?:this|the|it)|in order to|we recommend|it is recommended|refer to|see (?:the|our) (?:docs|documentation|article)|this (?:article|guide|page|section|topic)|walk you through|common (?:causes?|issues|errors|problems)|step[- ]by[- ]step|let['’]s|(?:may|might) be worth|typically|generally|commonly|in most cases)\b/gi;
// Every wording of DOC_REGISTER holds one of these (lower case; the pattern reads ASCII letters in
// any case): prose without them counts none, without compiling the pattern.
const DOC_REGISTER_HELD = holdingFolded([
  'make sure',
  'ensure',
  'note that',
  'for example',
  'e.g.',
  'you',
  'resolve',
  'fix',
  'avoid',
  'prevent',
  'in order to',
  'recommend',
  'refer to',
  'see ',
  'this ',
  'common',
  'step',
  'let',
  'worth',
  'typically',
  'generally',
  'in most cases',
]);
// A docs page's admonition ("> **Note:** …", "Important:", "> [!TIP]").
const ADMONITION =
  /^\s*(?:>\s*)?(?:\*\*|__)?(?:Note|Tip|Important|Caution|Warning)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+\S|^\s*>\s*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/m;
// Someone in general hits the error ("developers often encounter", "users get", "one gets"):
// written about the error, not from it.
const GENERIC_AGENT =
  /\b(?:developers|users|customers|clients|people|someone|anyone|one|a user|a client|the user|the client|callers?)\s+(?:(?:\w+ly|often|sometimes)\s+)?(?:gets?|encounters?|sees?|receives?|hits?|runs? into|tries|try|may|might|will|can|could|would|need)\b/i;
// Every subject of GENERIC_AGENT holds one of these (any case, as the pattern reads them).
const GENERIC_AGENT_HELD = foldGuarded(
  ['developer', 'user', 'customer', 'client', 'people', 'one', 'caller'],
  GENERIC_AGENT,
);
// What the poster wants to build or change, not what failed: also a feature request's asks ("Could
// we support this too?", "The goal would be to …", "I need the option of …") and the headings of
// its template ("Is your feature request related to a problem?", "Describe the solution you'd
// like"). Not a plea for help ("How can we make it work again?", "What can we have missed?"), nor
// the goal a report sets out from ("The goal is to call the API nightly. The token call fails …").
const INTENT =
  /\b(?:I|we) (?:want|would like|wish|plan|intend|need) to\b|\b(?:I|we) need (?:to )?(?:handle|support|catch|implement)\b|\bwe should\b|\bshould (?:we|I)\b|\bwould (?:it|this) (?:be|make)\b|(?<!\b(?:how|what|why|where|which|when|who) )\b(?:could|can|shall) we (?:add|support|handle|expose|return|surface|make|have (?:an?|the|some|support|more|better)\b)\b|\bthe goal would be to\b|\b(?:I|we) need the (?:option|ability|possibility)\b|\bis your (?:feature request|suggestion|proposal|improvement)\b|\bdescribe the solution you\b|\balternatives you(?:['’]ve| have) considered\b/i;
// Every wording of INTENT holds one of these (any case, as the pattern reads them).
const INTENT_HELD = foldGuarded(
  [
    'want',
    'would',
    'wish',
    'plan',
    'intend',
    'need',
    'should',
    'could',
    'can',
    'shall',
    'your',
    'describe',
    'alternatives',
  ],
  INTENT,
);
// A title in the imperative mood is how commits, PRs and docs tasks are named; reports are titled
// with what happens ("invalid_grant when refreshing"). A general list of change verbs, with those of
// a message reworded or a state handled ("Refine …", "Emit auth_required after …", "Detects the
// access_denied callback …"). Not a line indented as code ("    raise RefreshError(") nor a verb as
// a label ("Update: in fact …").
const IMPERATIVE_TITLE =
  /^[ \t]{0,3}(?:#{1,6}\s+)?(?:\[[^\]\n]*\]\s*)?(?:(?!(?:error|fatal|warning|exception|caused by|details?)\b)[\w./-]{2,30}(?:\([^)\n]*\))?:\s+)?(?:fix|add|update|improve|tweak|handle|support|remove|raise|return|make|use|allow|document|clarify|expose|map|surface|implement|introduce|refactor|rename|bump|catch|retry|propagate|throw|show|translate|correct|change|replace|avoid|prevent|ensure|extend|enable|disable|revert|stop|mark|trigger|skip|treat|drop|respect|honou?r|let|wrap|refine|reword|rephrase|simplify|clean ?up|tidy|unify|normali[sz]e|standardi[sz]e|migrate|deprecate|emit|detect|classify|invalidate|rework|convert|persist|clear|restore|validate|(?:add|fix|handl|support|improv|updat|remov|implement|introduc|allow|ensur|prevent|stop|mark|bump|rais|document|expos|propagat|surfac|clarifi|map|refin|reword|simplifi|emit|detect|classifi|invalidat|persist|clear|convert|validat|restor)e?s)\b(?![:(])/i;
// Every verb of IMPERATIVE_TITLE holds one of these (lower case; the pattern reads ASCII letters in
// any case): a first line without them skips the pattern, whose bounded prefix and verb list cost
// milliseconds to compile at first use.
const IMPERATIVE_TITLE_WORDS = [
  'fix',
  'add',
  'updat',
  'improv',
  'tweak',
  'handl',
  'support',
  'remov',
  'rais',
  'return',
  'make',
  'use',
  'allow',
  'document',
  'clarif',
  'expos',
  'map',
  'surfac',
  'implement',
  'introduc',
  'refactor',
  'rename',
  'bump',
  'catch',
  'retry',
  'propagat',
  'throw',
  'show',
  'translate',
  'correct',
  'change',
  'replace',
  'avoid',
  'prevent',
  'ensur',
  'extend',
  'enable',
  'disable',
  'revert',
  'stop',
  'mark',
  'trigger',
  'skip',
  'treat',
  'drop',
  'respect',
  'hono',
  'let',
  'wrap',
  'refin',
  'reword',
  'rephrase',
  'simplif',
  'clean',
  'tidy',
  'unify',
  'normali',
  'standardi',
  'migrate',
  'deprecate',
  'emit',
  'detect',
  'classif',
  'validat',
  'rework',
  'convert',
  'persist',
  'clear',
  'restor',
];
const IMPERATIVE_TITLE_HELD = foldGuarded(IMPERATIVE_TITLE_WORDS, IMPERATIVE_TITLE);
// A ticket key opening a title ("KEYCLOAK-8490: …", "[ABC-12] …") names a change in a tracker; an
// error code is zero-padded (ORA-00942).
const TICKET_TITLE = /^\s*(?:#{1,6}\s+)?\[?[A-Z][A-Z0-9]+-[1-9]\d*\b/;
// What a system does with a bad input in general ("returns 400 for an invalid token", "if an
// expired code is sent"): behaviour described, where a report names the poster's own token.
const BAD_INPUT =
  /\b(?:with|on|for|using|use|pass(?:ing)?|provid\w*|send(?:ing)?|given|if|when|whenever)\s+an?\s+(?:invalid|expired|revoked|wrong|incorrect|bad|malformed|unknown|non-?existent|bogus)(?:\s+or\s+[\w-]+)?\s+(?!(?:error|response|message|exception|status)\b)[\w`'-]+(?![\w`'-])(?!\s+(?:error|response|message|exception|status)\b)/i;
// Every match of BAD_INPUT names the input as one of these (any case, as the pattern reads them).
const BAD_INPUT_HELD = foldGuarded(
  [
    'invalid',
    'expired',
    'revoked',
    'wrong',
    'incorrect',
    'bad',
    'malformed',
    'unknown',
    'existent',
    'bogus',
  ],
  BAD_INPUT,
);
// A cause traced to code or a change ("the scopes in the driver is what is causing the issue", "This
// error is caused by code in get_token", "This is due to Atlassian deprecating …"): an analysis
// written about a failure, where a report says what failed. Not the poster asking for the cause
// ("Any idea what is causing this?", "not sure what was causing it").
const CAUSE_STATED =
  /(?<!\bwhat )\b(?:is|are|was|were) (?:what(?:['’]s| is) )?caus(?:ing|ed by)\b|\b(?:this|that|it) is due to\b|\bthe (?:root )?cause (?:is|was)\b/i;
// Every wording above holds "caus" or "due to": a text without them skips the longer pattern,
// which is tried at every position.
const CAUSE_STATED_HELD = guarded(['caus', 'due to'], CAUSE_STATED);
// The failure told as it happened, the error itself right after ("the following error occurs:",
// "an error is returned: `AADSTS…`", "this Error comes out \"Error:invalid_client …\"", "a message
// that says: Invalid parameter", "You will be presented with a 401 Invalid Client error", "an error
// message stating that …"): a report shows what it got. Docs state when an error occurs ("This
// error occurs when …") and go on in words; measured on the tune and written sets, 33 reports
// against one discussion text.
const FAILURE_SHOWN =
  /\b(?:error|exception|message|response|following|it|this|that)\b[^.\n]{0,30}?\b(?:occurs|occurred|is returned|was returned|gets returned|got returned|is thrown|was thrown|comes out|came out|appears|appeared|is shown|is being shown|was shown|is displayed|was displayed|pops up|popped up|shows up|showed up|says|said|reads|stating|states)\s*(?::|["'`“*_])|\b(?:presented|greeted|met|prompted)\s+(?:with|by)\s+(?:an?|the)\b[^.\n]{0,40}?\b(?:error|message|exception|page|screen)\b|\b(?:error|message)s?\s+(?:stating|saying)\s+that\b/i;
// Every wording of FAILURE_SHOWN holds one of these (lower case; the pattern reads ASCII letters
// in any case, and only ASCII letters as those): a text without them skips the pattern, which is
// tried at every position.
const FAILURE_SHOWN_WORDS = [
  'occur',
  'return',
  'thrown',
  ' out',
  'appear',
  'show',
  'display',
  'pop',
  'says',
  'said',
  'reads',
  'stat',
  'presented',
  'greeted',
  'met',
  'prompted',
  'saying',
];

// FAILURE_SHOWN read only where the paste may hold one of its words (testers.ts).
const FAILURE_SHOWN_HELD = guarded(FAILURE_SHOWN_WORDS, FAILURE_SHOWN);
// An error status standing alone: not a port (`localhost:443`), nor part of a path or a version.
const ERROR_STATUS_SOURCE = String.raw`(?<![\w.:/-])[45](?:0\d|1\d|2\d|3[01])(?![\w.:/-])`;
// A step of a reproduction: a list item that opens with what the poster did ("1. Go to …", "-
// login", "3. Refresh token with 'r' key"). Steps of use, not of a change: a PR's list opens with
// "Add", "Fix", "Use" (the change description rule), so those verbs are not steps here.
const STEP =
  /^\s*(?:[-*•]|\d+[.)]|step \d+:?)\s+(?:\*\*|__)?(?:go|click|open|navigate|select|log ?in|login|sign ?in|enter|install|start|run|call|create|try|attempt|wait|refresh|reopen|revoke|authori[sz]e|connect|visit|launch|type|press|configure|generate|feed|restart|choose|fill|submit|deploy|follow|copy|paste|request|send|get|set ?up|setup|execute|trigger|access|upgrade|clone|download|edit|log ?out|logout|sign ?out|exchange|save|approve|consent|accept)\b/i;
// What a step led to: an error, a failure, a refusal or an error status (standing alone, as
// ERROR_STATUS reads it: not a port as in `localhost:443`, nor part of a path or a version).
const FAILED_STEP = new RegExp(
  `\\b(?:error|errors|fail\\w*|invalid|denied|unauthori[sz]ed|forbidden|rejected|expired|exception)\\b|${ERROR_STATUS_SOURCE}`,
  'i',
);
const HELP =
  /\b(?:help|any (?:idea|ideas|clue|suggestion|suggestions|pointers)|anyone|stuck|please|what am I|why am I|why (?:do|does|is) (?:I|it|this|my)|how (?:can|do) I (?:fix|solve|resolve|get rid)|what (?:am I|could be) (?:doing )?wrong)\b/i;
// Every wording of HELP holds one of these (any case, as the pattern reads them).
const HELP_HELD = foldGuarded(['help', 'any', 'stuck', 'please', 'what', 'why', 'how'], HELP);
const ATTEMPT =
  /\b(?:I|we) (?:tried|have tried|also tried|followed|configured|set up|created|registered|added|checked|verified|double[- ]checked|regenerated|reset)\b|\b(?:trying|tried|attempting) to\b|\bwhen (?:I|we) (?:try|tried|run|ran|call|called|attempt|click)\b/i;
// Every wording of ATTEMPT holds one of these (any case, as the pattern reads them).
const ATTEMPT_HELD = foldGuarded(
  [
    'tried',
    'followed',
    'configured',
    'set',
    'created',
    'registered',
    'added',
    'checked',
    'verified',
    'regenerated',
    'trying',
    'attempting',
    'when',
  ],
  ATTEMPT,
);
// A line that opens with an error code or a quoted error: a paste that starts with what was printed.
const CODE_FIRST =
  /^\s*(?:[>*_`"]\s*)?(?:[A-Z]{2,}\d{3,}|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z]+(?:_[a-z]+)+)\b/;
// "… the following error:", "Here are the logs:", a line ending in a colon and then a block or output.
const INTRODUCES_OUTPUT =
  /\b(?:following|below|this|these|the|an?) (?:error|errors|exception|response|message|output|logs?|trace)\b[^\n]{0,40}:\s*$|:\s*\n\s*(?:```|\{|<\?xml|<soap|HTTP\/)/im;
// An HTTP error status standing alone ("returns 400 and not 401"), not part of a number, a version
// or a path.
const ERROR_STATUS = new RegExp(ERROR_STATUS_SOURCE, 'g');
// The sections of an issue tracker's bug report template (GitHub's default "Describe the bug", "To
// reproduce", "Expected behavior", and the forms' "Actual behaviour", "Logs", "Environment"): what
// the poster hit. "Log" is no logs section where it is the verb ("## Log in with Okta").
const REPORT_SECTIONS = section(
  `${BUG_REPORT_NAMES}|environment|error(?: message| log| output| details)?s?|logs?(?![ \\t]+(?:in|out|on|into)\\b)|stack ?trace|traceback|symptoms?|screenshots?|versions?`,
  true,
);
// The same sections as a plain label on a line of its own ("Stack trace:", "Logs:", "Observed
// behavior:"), the error below it: only those naming what was hit, not "Environment:" or "Version:".
const REPORT_LABEL =
  /^[ \t]*(?:steps to reproduce|actual (?:result|behaviou?r|outcome|output)|current behaviou?r|observed (?:result|behaviou?r|outcome)|error(?: message| log| output| details)?s?|logs?|stack ?trace|traceback|symptoms?)[ \t]*:[ \t]*$/im;
// The sections of a fix written up (a KB article's cause and resolution, a PR's changes and tests):
// a bug report asks for these, it does not hold them.
const RESOLUTION_SECTIONS = section(
  'causes?|possible causes?|root cause|resolution|solution|workaround|how to (?:fix|resolve)|fix|changes|what changed|testing|test plan|how (?:has|was) this (?:been )?tested',
);
// A pull request's template and references ("## Summary of changes", "Type of change", "This PR",
// "Fixes #12"): a change, where an issue template reports what was hit.
const PULL_REQUEST =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(?:summary of (?:the )?changes|what does this (?:PR|pull request) do|type of change|checklist)\b|\bthis (?:PR|pull request)\b|\b(?:fixes|closes|resolves) #\d+/im;
// The sections of a pull request, a design note or a post-mortem (Problem, Summary, Motivation,
// Root cause, Changes, Solution, Testing): written about a failure and its change.
const DOCUMENT_SECTIONS = section(
  'problem|issue|context|background|motivation|root cause|changes?|what changed|solution|fix|resolution|testing|test plan|overview|proposal|approach|implementation|rationale',
);
// A Summary or Description heading opens these too, and a bug report's template: beside the
// sections telling what happened, it is the report's (see `tellsWhatHappened`).
const SUMMARY_SECTIONS = section('summary|description');
// The sections of a knowledge-base or help article ("Applies to", "Environment", "Symptoms",
// "Cause", "Resolution"), headed or on a line of their own: read by name, one heading a line.
const KB_SECTION =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:(?:\*\*|__)[ \t]*)?(applies to|environment|symptoms?|causes?|root cause|resolution|solution|workaround|more information|additional information|related articles?|products?|issue|problem(?: statement)?|overview|troubleshooting)[ \t]*(?:(?:\*\*|__)[ \t]*)?(?::[ \t]*)?(?:(?:\*\*|__)[ \t]*)?$|^[ \t]*(?:#{1,6}[ \t]*)?(?:(?:\*\*|__)[ \t]*)?(applies to)\b/gim;
// The sections that say what to do about the error: an article holds one, beside another.
const KB_FIX_SECTIONS = new Set([
  'applies to',
  'cause',
  'causes',
  'root cause',
  'resolution',
  'solution',
  'workaround',
]);
// A help article's own wording and its site's boilerplate ("This article explains …", "In this
// guide", "Was this article helpful?", "Last updated", "Related articles").
const ARTICLE_WORDING =
  /\b(?:this|the following) (?:article|guide|page|document|KB) (?:describes|explains|covers|provides|applies|will|shows|outlines|discusses|helps|walks)\b|\bin this (?:article|guide)\b|\bwas this (?:article|page|answer|information) helpful\b|\barticle (?:number|id)\b|\blast (?:modified|updated|reviewed)\b|\bupdated on\b|\bknowledge ?base\b|\bKB\d{4,}\b|\bsign in to (?:comment|follow|leave)\b|\brelated (?:articles|posts|topics)\b/i;
// Every wording of ARTICLE_WORDING holds one of these (the pattern reads ASCII letters in any case).
const ARTICLE_WORDING_HELD = foldGuarded(
  [
    'article',
    'guide',
    'page',
    'document',
    'kb',
    'helpful',
    'last',
    'updated',
    'knowledge',
    'sign in',
    'related',
  ],
  ARTICLE_WORDING,
);
// An article's title: "Troubleshooting …", "How to resolve …", not a question ("How to fix this?").
const ARTICLE_TITLE =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:troubleshoot(?:ing)?|how to (?:fix|resolve|solve|avoid|handle))\b[^?\n]*$/i;
const URL = /\bhttps?:\/\/\S+/g;
// A numbered item has one or two digits: "400. That’s an error." opens with a status.
const BULLET = /^\s*(?:[-*•]|\d{1,2}[.)])\s+\S/;
const HEADING = /^\s*#{1,6}\s+\S/m;
const QUESTION = /\?(?:\s|$)/;
// An apostrophe inside a word (night's, can't) opens no quote.
const QUOTED_CODE = /`[^`\n]+`|"[^"\n]{3,}"|(?<!\w)'[^'\n]{3,}'(?!\w)/;

/** The features of one text, in GATE_FEATURES order (each in [0, 1]). */
export function gateFeatures(
  text: string,
  register: Register,
  reportsFailure: boolean,
  printed: string = text,
): Float64Array {
  const x = new Float64Array(GATE_FEATURES.length);
  let i = 0;
  for (const rule of OUTPUT_RULES) x[i++] = register.output.includes(rule) ? 1 : 0;
  x[i++] = register.firstPerson ? 1 : 0;
  for (const rule of DISCUSSION_RULES) x[i++] = register.discussion.includes(rule) ? 1 : 0;
  const textLines = text.split('\n');
  const lines = textLines.filter((l) => l.trim() !== '');
  const lineCount = Math.max(1, lines.length);
  // Output lines are read in the paste as given (a vendor message quoted whole and blanked in
  // `text` is still a line of output).
  const printedLines =
    printed === text ? lines : printed.split('\n').filter((l) => l.trim() !== '');
  const prose = register.prose;
  // One lower-cased copy for the prose's pre-checks below, not one per pattern.
  const proseLower = prose.toLowerCase();
  const proseWords = Math.max(1, wordCount(prose));
  const firstLine = lines[0] ?? '';
  // A request to a colleague ("<@U1> can you re-tick it in prod?") is not a how-to's "you can".
  // Without a question mark no sentence is a request, and the counts below read the same words
  // whether or not the sentences are split apart.
  const away = awayFromOutput(prose, text, textLines, printed);
  const ownParagraphs = away.includes('?')
    ? away
        .split(SENTENCE_BREAK)
        .filter((sentence) => !(sentence.trimEnd().endsWith('?') && REQUEST.test(sentence)))
        .join('\n')
    : away;
  const changeTitle = IMPERATIVE_TITLE_HELD.test(firstLine) || TICKET_TITLE.test(firstLine);
  const shown = FAILURE_SHOWN_HELD.test(text, register.grams);
  const about = writtenAbout(text, prose);
  // Every section heading (see `section`) holds a `#` or an emphasis mark: most pastes have none.
  const marked = text.includes('#') || text.includes('**') || text.includes('__');
  const kbArticle = kbSections(text);
  const articleWording =
    ARTICLE_WORDING_HELD.test(prose, proseLower) || ARTICLE_TITLE.test(firstLine);
  const anArticle = kbArticle || articleWording;
  const shape: Record<(typeof SHAPE_FEATURES)[number], number> = {
    'reports failure': reportsFailure ? 1 : 0,
    'hand rule': handRule(
      register,
      reportsFailure,
      changeTitle || about.length > 0 || anArticle,
      shown,
    )
      ? 1
      : 0,
    'output first':
      isOutputLine(printedLines[0] ?? '') || CODE_FIRST.test(printedLines[0] ?? '') ? 1 : 0,
    'introduces output': INTRODUCES_OUTPUT.test(text) ? 1 : 0,
    'output line share': printedLines.filter(isOutputLine).length / lineCount,
    'prose share': Math.min(1, nonSpace(prose) / Math.max(1, nonSpace(text))),
    'code fence': text.includes('```') ? 1 : 0,
    // A bug template's headings ("### Steps to reproduce") are a report's: they count as report
    // sections, not as the headings of a PR, a docs page or a design note.
    heading:
      text.includes('#') && lines.some((l) => HEADING.test(l) && !REPORT_SECTIONS.test(l)) ? 1 : 0,
    'bullet share': lines.filter((l) => BULLET.test(l)).length / lineCount,
    links: Math.min(1, count(URL, text) / 3),
    question: QUESTION.test(prose) ? 1 : 0,
    'second person': Math.min(1, (count(SECOND_PERSON, ownParagraphs) * 20) / proseWords),
    'first-person words': Math.min(
      1,
      (count(FIRST_PERSON_WORDS.for(prose), prose) * 20) / proseWords,
    ),
    'modal verbs': Math.min(1, (count(MODAL, ownParagraphs) * 20) / proseWords),
    'doc register': Math.min(
      1,
      ((DOC_REGISTER_HELD.test(prose, proseLower) ? count(DOC_REGISTER, prose) : 0) +
        (admonished(text) ? 1 : 0)) /
        2,
    ),
    'imperative title': changeTitle ? 1 : 0,
    'help request': HELP_HELD.test(prose, proseLower) ? 1 : 0,
    'attempt narrative': ATTEMPT_HELD.test(prose, proseLower) ? 1 : 0,
    length: Math.min(1, Math.log10(1 + text.length) / 4),
    'quoted lines': text.includes('>')
      ? lines.filter((l) => QUOTE_LINE.test(l)).length / lineCount
      : 0,
    'output only in quotes': register.output.length === 0 && QUOTED_CODE.test(text) ? 1 : 0,
    'generic agent': GENERIC_AGENT_HELD.test(prose, proseLower) ? 1 : 0,
    intent: INTENT_HELD.test(prose, proseLower) ? 1 : 0,
    'bad input': BAD_INPUT_HELD.test(prose, proseLower) ? 1 : 0,
    // A failure answers with one status; two or more are compared (a bug about which status to
    // send, a table of codes, a changelog).
    'several statuses': new Set(printed.match(ERROR_STATUS)).size >= 2 ? 1 : 0,
    'report sections':
      (marked && REPORT_SECTIONS.test(text)) || (text.includes(':') && REPORT_LABEL.test(text))
        ? 1
        : 0,
    'document sections':
      marked &&
      (DOCUMENT_SECTIONS.test(text) || (SUMMARY_SECTIONS.test(text) && !tellsWhatHappened(text)))
        ? 1
        : 0,
    'cause stated': CAUSE_STATED_HELD.test(prose, register.grams) ? 1 : 0,
    'failure shown': shown ? 1 : 0,
    'reproduction steps': reproduces(lines) ? 1 : 0,
  };
  for (const name of SHAPE_FEATURES) x[i++] = shape[name];
  for (const rule of WRITTEN_ABOUT_RULES) x[i++] = about.includes(rule) ? 1 : 0;
  const template: Record<(typeof TEMPLATE_FEATURES)[number], number> = {
    'resolution sections': marked && RESOLUTION_SECTIONS.test(text) ? 1 : 0,
    'pull request template': PULL_REQUEST.test(text) ? 1 : 0,
  };
  for (const name of TEMPLATE_FEATURES) x[i++] = template[name];
  const article: Record<(typeof ARTICLE_FEATURES)[number], number> = {
    'kb sections': kbArticle ? 1 : 0,
    'article wording': articleWording ? 1 : 0,
  };
  for (const name of ARTICLE_FEATURES) x[i++] = article[name];
  return x;
}

/**
 * The hand-written rule the model refines: quiet for a change (a PR, a template, a docs table,
 * source comments); written about errors, titled as a change ("Fix …", "KEYCLOAK-8490: …"),
 * worded as writing about errors (written-about.ts: "This adds …", "I propose …") or as a help
 * article (its sections or wording: "Cause", "Resolution", "This article explains …"), a report
 * needs the first person or the failure shown as it happened (`FAILURE_SHOWN`: "if you try … an
 * error is returned: `AADSTS…`" is a report in the second person); otherwise error output, a
 * first-person report or words reporting a failure.
 */
function handRule(
  register: Register,
  reportsFailure: boolean,
  writtenAboutErrors: boolean,
  shown: boolean,
): boolean {
  if (aboutAChange(register)) return false;
  if (writtenAboutErrors || register.discussion.length > 0) return register.firstPerson || shown;
  return register.firstPerson || register.output.length > 0 || reportsFailure;
}

/**
 * Steps of use that end in a failure: two or more list items that say what the poster did, then an
 * error in a later line ("1. Start client … 3. Refresh token with 'r' key. You should notice the
 * reported 'invalid_grant' error"). A bug report's steps to reproduce, whatever its headings; a
 * how-to's steps end in a result, not an error.
 */
function reproduces(lines: readonly string[]): boolean {
  let first = -1;
  let steps = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!STEP.test(lines[i] ?? '')) continue;
    if (first < 0) first = i;
    steps++;
  }
  return steps >= 2 && lines.slice(first + 1).some((line) => FAILED_STEP.test(line));
}

/**
 * A knowledge-base article's sections: two or more of them, one saying what to do about the error
 * (cause, resolution, workaround, "Applies to"). Beside a bug report's sections telling what
 * happened (its "Environment" and "Workaround" are the report's), two of those: a support article
 * tells its steps to reproduce too, then the cause and the solution.
 */
function kbSections(text: string): boolean {
  const names = new Set<string>();
  KB_SECTION.lastIndex = 0;
  for (let m = KB_SECTION.exec(text); m !== null; m = KB_SECTION.exec(text))
    names.add((m[1] ?? m[2] ?? '').toLowerCase());
  const fixes = [...names].filter((n) => KB_FIX_SECTIONS.has(n)).length;
  return names.size >= 2 && fixes >= (tellsWhatHappened(text) ? 2 : 1);
}

/** The model's probability that the text reports a failure its poster hit. */
export function gateProbability(model: GateModel, x: Float64Array): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * (x[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The poster's words outside paragraphs that hold error output: a vendor's page pasted around its
 * error line ("You can't sign in because this app sent an invalid request … Error 400:
 * redirect_uri_mismatch") speaks to the reader in the second person and with modal verbs, but
 * they are the vendor's words, not a how-to of the poster's.
 */
function awayFromOutput(
  prose: string,
  text: string,
  textLines: readonly string[],
  printed: string,
): string {
  // `text` and `printed` have the same lines (blanking keeps a paste's shape): paragraphs holding
  // output are found in `printed`, their lines taken from `text` (its lines `textLines`), which
  // the prose was read from.
  const printedLines = printed === text ? textLines : printed.split('\n');
  // Output the poster fenced as code is set apart from their words: the lines around it are theirs
  // ("Because otherwise you have to edit the file to see the error, for example: ```…```").
  const fenced = inFences(printedLines);
  const near = new Set<string>();
  let start = 0;
  // A paste without a blank line is one paragraph (the split's look-behind is tried at every
  // position), whose lines are the lines of the paste.
  const paragraphs = BLANK_LINE.test(printed) ? printed.split(/(?<=\n)[ \t]*\n/) : undefined;
  for (const paragraph of paragraphs ?? [printed]) {
    const lines = paragraphs === undefined ? printedLines : paragraph.split('\n');
    const from = start;
    if (lines.some((line, k) => isOutputLine(line) && fenced[from + k] !== true))
      for (let i = 0; i < lines.length; i++) near.add((textLines[start + i] ?? '').trim());
    start += lines.length;
  }
  const shown = new Set(text.includes(':') || text.includes('#') ? shownBelow(textLines) : []);
  if (near.size === 0 && shown.size === 0) return prose;
  return prose
    .split('\n')
    .filter((line) => !near.has(line.trim()) && !within(line, shown))
    .join('\n');
}

/**
 * Whether a line of the prose is one of `lines` of the paste: the prose drops a line's code spans
 * and quoted strings, so its words are looked for in each line (two or more, or the line itself).
 */
function within(line: string, lines: ReadonlySet<string>): boolean {
  if (lines.size === 0) return false;
  const trimmed = line.trim();
  if (lines.has(trimmed)) return true;
  // Word by word only under a few lines shown: a long paste's every line is not tried against
  // every other.
  if (lines.size > SHOWN_WORDS_MAX) return false;
  const words = trimmed.split(/\s+/);
  if (words.length < 2) return false;
  for (const l of lines) if (words.every((w) => l.includes(w))) return true;
  return false;
}

const SHOWN_WORDS_MAX = 40;

/**
 * The lines a poster shows as what they got, not as their words: the paragraph
 * after a line introducing it ("GitHub returns the following error:", "The page says:") and the
 * lines under an error section's heading ("### Errors", "**Error message**"). A vendor's page
 * speaks to its reader ("You cannot access this right now … you might be signing in from …"); a
 * bug report's expected behaviour is what "should" happen, not a how-to's modal verbs.
 */
function shownBelow(lines: readonly string[]): string[] {
  const shown: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // Each pattern is tried only on a line of its shape: a heading opens with a mark (`#`, `**`,
    // `__`), a line introducing what was shown ends in a colon.
    const heading =
      opensWithMark(line) && (ERROR_HEADING.test(line) || EXPECTED_HEADING.test(line));
    if (!heading && !(endsWithColon(line) && INTRODUCES_SHOWN.test(line))) continue;
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
    for (; j < lines.length; j++) {
      const next = lines[j] ?? '';
      if (heading ? SECTION_LINE.test(next) : next.trim() === '') break;
      shown.push(next.trim());
    }
    i = j - 1;
  }
  return shown;
}

/** The first character after the line's blanks and tabs is `#`, `*` or `_`. */
function opensWithMark(line: string): boolean {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  const c = line.charCodeAt(i);
  return c === 35 || c === 42 || c === 95;
}

/** The last character before the line's trailing blanks and tabs is a colon. */
function endsWithColon(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i--;
  return line.charCodeAt(i) === 58;
}

// A line ending in a colon that introduces what was shown or said: an error, a message, a page.
const INTRODUCES_SHOWN =
  /\b(?:error|errors|exception|message|response|output|screen|page|popup|prompt|dialog|says|said|saying|reads|stating|returns|returned|shows|showed|displays|displayed)\b[^\n]{0,40}:[ \t]*$/i;
// The heading of an error report's section: what was printed is below it, up to the next heading.
const ERROR_HEADING =
  /^[ \t]*(?:#{1,6}[ \t]*(?:(?:\*\*|__)[ \t]*)?|\*\*|__)(?:errors?|error messages?|error output|logs?|output|response|stack ?trace)[ \t]*(?:(?:\*\*|__)[ \t]*)?(?::[ \t]*)?(?:(?:\*\*|__)[ \t]*)?$/i;
// A bug report's section of what should have happened: its "should" and "you" are the report's.
const EXPECTED_HEADING =
  /^[ \t]*(?:#{1,6}[ \t]*(?:(?:\*\*|__)[ \t]*)?|\*\*|__)expected (?:result|behaviou?r|outcome)s?[ \t]*(?:(?:\*\*|__)[ \t]*)?(?::[ \t]*)?(?:(?:\*\*|__)[ \t]*)?$/i;
const SECTION_LINE = /^[ \t]*(?:#{1,6}[ \t]|(?:\*\*|__)[^*_\n]{1,60}(?:\*\*|__)[ \t]*:?[ \t]*$)/;

const BLANK_LINE = /\n[ \t]*\n/;
const FENCE_LINE = /^\s*```/;
const QUOTE_LINE = /^\s*>/;

/** Per line, whether it lies inside a Markdown code fence (its fence lines included). */
function inFences(lines: readonly string[]): boolean[] {
  let open = false;
  return lines.map((line) => {
    const fence = FENCE_LINE.test(line);
    const inside = open || fence;
    if (fence) open = !open;
    return inside;
  });
}

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}

/** The words of a text: its runs of characters other than blanks (what a split at `\s+` leaves). */
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const blank = isSpace(text.charCodeAt(i));
    if (!blank && !inWord) n++;
    inWord = !blank;
  }
  return n;
}

/**
 * ADMONITION, scanned only in a text holding one of its words as written (case-sensitive, as the
 * pattern is): few pastes do, and the pattern is tried at every position of a long one.
 */
function admonished(text: string): boolean {
  return ADMONITION_WORDS.some((w) => text.includes(w)) && ADMONITION.test(text);
}

const ADMONITION_WORDS = ['Note', 'Tip', 'Important', 'Caution', 'Warning', '[!'];

function nonSpace(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) n++;
  return n;
}
