import { ABOUT_A_CHANGE, DISCUSSION, DISCUSSION_ANYWHERE } from './discussion-rules.js';
import { reportsFirstPerson } from './first-person.js';
import { readablePaste } from './normalise.js';
import { OTHER_FAILURE } from './other-failure.js';
import { OUTPUT_TESTS } from './output-rules.js';
import { ownWords } from './own-words.js';
import { matching } from './testers.js';
import { textGrams, type TextGrams } from './text-grams.js';
import { TWO_LETTERS } from './unicode-pattern.js';

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
  /** The grams of the text read (text-grams.ts): they answer for its prose too. */
  readonly grams: TextGrams;
}

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
  const hasProse = TWO_LETTERS.for(prose).test(prose);
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
    grams,
  };
}
