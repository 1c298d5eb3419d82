/**
 * Wordings of a text written about errors that the channel gate reads beside the register's
 * discussion rules (discussion-rules.ts): a change described by what it does, a docs page's wording, a
 * proposal, a judgement of which error is right. Each is a general feature of its register, never
 * a phrase of one text; a report of a failure the poster hit reads none of them.
 */
import { foldGuarded } from './testers.js';

export const WRITTEN_ABOUT_RULES = [
  'change described',
  'docs wording',
  'proposal',
  'error judged',
] as const;

export type WrittenAbout = (typeof WRITTEN_ABOUT_RULES)[number];

// What a change does, said of the change ("This adds debug logs …", "This prevents that from
// happening", "we now invalidate stored credentials"): a pull request's or a commit's body. A
// sentence opening with "This" (case-sensitive) and a verb of change, not of "it" ("I cleared the
// cache. This fixes it" is a poster's workaround), or "we now" and not a verb of a failure met ("we
// now get a 401" is a report).
const CHANGE_DESCRIBED =
  /(?:^|[.!?]\s+)This (?:PR |change |commit |patch |update )?(?:adds|fixes|introduces|implements|removes|ensures|prevents|allows|improves|avoids|resolves|addresses|replaces|refactors|moves|makes sure)\b(?! it\b)|\b[Ww]e now (?!(?:get|getting|see|seeing|have|receive|receiving|hit|face|keep)\b)[a-z]/m;

// A docs page's wording: what an error "likely means", a cause it "primarily stems from", steps to
// take when it comes (", do the following:", "follow these steps"), how a system "is reported"
// to answer. Reports say what happened.
const DOCS_WORDING =
  /\bwhat (?:it|this) (?:likely |probably |usually |typically )?means\b|\b(?:primarily|mainly|mostly|largely) (?:stems?|arises?|results?|comes?) from\b|,\s*(?:then\s+)?do the following\b|\bfollow these steps\b|\bis reported (?:by|as|with|using)\b/i;
// Every wording of DOCS_WORDING holds one of these (any case, as the pattern reads them): most
// prose holds none, and the pattern is then never compiled.
const DOCS_WORDING_HELD = foldGuarded(['means', 'from', 'follow', 'reported'], DOCS_WORDING);
// A heading or a label over sample output ("### Error Example", "Example run with good
// credentials:"): output shown to illustrate, not output the poster got. Case-sensitive and without
// a number, so a report's "example error 1:" is not one.
const EXAMPLE_HEADING =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(?:(?:Error|Response|Sample|Output|Request) )?Examples?\b(?![^\n]*\d)[^\n]{0,40}?:?(?:\*\*|__)?[ \t]*$/m;

// A proposal: the poster proposes or suggests ("I propose here to retry"), says what to do when
// the error comes ("When this happens just ask the user to re-authorize"), or writes what code or a
// message should be ("should be like this:", "you can replace like this", "something like this:").
const PROPOSED =
  /\b(?:I|we)(?:['’]d| would)? (?:propose|suggest)\b|\b(?:when|if|whenever) (?:this|that|it) happens\b/i;
// Every wording of PROPOSED holds one of these (any case, as the pattern reads them).
const PROPOSED_HELD = foldGuarded(['propose', 'suggest', 'happens'], PROPOSED);
const SUGGESTED_CODE =
  /\b(?:replace|change|rewrite|modify|update) (?:it |this |that |the code |the line )?(?:like this|as follows|to something like)\b|\bsomething like (?:this|that)\s*:|\bshould (?:be|look) like (?:this|that|the following)\b|\bshould (?:read|say)\s*:/i;
// Every wording of SUGGESTED_CODE holds one of these (any case, as the pattern reads them).
const SUGGESTED_CODE_HELD = foldGuarded(['like', 'follows', 'should'], SUGGESTED_CODE);

// Which error is the right one, judged ("the error raised is actually wrong", "I don't think an
// invalid_grant error is correct"): an implementer's bug about an error, not a failure met.
const ERROR_JUDGED =
  /\b(?:error|exception|code|status|response)s? (?:raised |returned |thrown |sent )?(?:is|was|are) (?:actually |really |not |also )?(?:wrong|incorrect|correct|right|appropriate|misleading)\b/i;
// Every judgement of ERROR_JUDGED holds one of these (any case, as the pattern reads them).
const ERROR_JUDGED_HELD = foldGuarded(
  ['wrong', 'correct', 'right', 'appropriate', 'misleading'],
  ERROR_JUDGED,
);

/**
 * The wordings of writing about errors a text shows, in WRITTEN_ABOUT_RULES order: `prose` is the
 * poster's own words (own-words.ts), `text` the paste, where headings and code are read.
 */
export function writtenAbout(text: string, prose: string): WrittenAbout[] {
  const found: WrittenAbout[] = [];
  // Case-sensitive: every match holds "This" or "[Ww]e now"; most prose holds neither.
  if ((prose.includes('This') || prose.includes('e now')) && CHANGE_DESCRIBED.test(prose))
    found.push('change described');
  const lower = prose.toLowerCase();
  if (
    DOCS_WORDING_HELD.test(prose, lower) ||
    (text.includes('Example') && EXAMPLE_HEADING.test(text))
  )
    found.push('docs wording');
  if (PROPOSED_HELD.test(prose, lower) || SUGGESTED_CODE_HELD.test(text)) found.push('proposal');
  if (ERROR_JUDGED_HELD.test(prose, lower)) found.push('error judged');
  return found;
}
