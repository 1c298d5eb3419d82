import type { Entry } from '../catalogue/catalogue.js';
import { quotedMessages } from './quotes.js';
import { wordsPattern, type Test } from './refine.js';

/** An entry's `counterSigns`, ready to be looked for in a paste's flat text. */
interface CounterTests {
  readonly signs: readonly Test[];
  readonly unless: readonly Test[];
}

/** Per entry, its compiled counter-signs: built once, when a paste first asks, not per paste. */
const compiled = new WeakMap<Entry, CounterTests>();

function testsOf(entry: Entry): CounterTests | undefined {
  const signs = entry.counterSigns;
  if (signs === undefined) return undefined;
  let tests = compiled.get(entry);
  if (tests === undefined) {
    tests = {
      // A pattern names a shape (`api_key=`), more telling than a word: looked for first.
      signs: [...signs.patterns.map((p) => new RegExp(p, 'i')), ...wordsPattern(signs.words)],
      unless: wordsPattern(signs.unless),
    };
    compiled.set(entry, tests);
  }
  return tests;
}

/**
 * What in the text shows a credential the entry's failure is not about (its `counterSigns`: "private
 * app", `hapikey=`, "personal access token" beside Shopify's "Invalid API key or access token"),
 * read outside the entry's own messages quoted whole (the message names both credentials), where
 * nothing shows the entry's own credential (`unless`: a bearer or access token, OAuth, a refresh).
 * Undefined when nothing does. `flat` is the text as `flatText` gives it.
 */
export function counterSignShown(entry: Entry | undefined, flat: string): string | undefined {
  const tests = entry === undefined ? undefined : testsOf(entry);
  if (entry === undefined || tests === undefined) return undefined;
  let own = flat;
  for (const q of quotedMessages(entry, flat)) own = own.split(q).join(' ');
  let sign: string | undefined;
  for (const t of tests.signs) {
    sign ??= t.exec(own)?.[0];
  }
  if (sign === undefined) return undefined;
  // A link's path names what its page is about, not the credential the poster holds: HubSpot's
  // refusal ends with `https://developers.hubspot.com/docs/methods/auth/oauth-overview`. A key in a
  // link's query (`?hapikey=`) is still the poster's: the signs above read links whole.
  const words = own.includes('://') ? own.replace(LINK, ' ') : own;
  return tests.unless.some((t) => t.exec(words) !== null) ? undefined : sign;
}

/** A link as the flat text holds it: a scheme, then everything up to the next blank. */
const LINK = /\b[a-z][a-z0-9+.-]*:\/\/\S+/g;
