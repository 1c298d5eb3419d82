import type { Entry } from '../catalogue/catalogue.js';
import { staticCredentialShown } from './credential-kind.js';
import { flatText, quotedMessages } from './quotes.js';
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
 * nothing shows the entry's own credential (`unless`: a bearer or access token, OAuth, a refresh);
 * with `staticCredentials`, also a static credential shown by the paste's structure
 * (credential-kind.ts), set aside only by the access token's own structure. Undefined when nothing
 * does. `flat` is the text as `flatText` gives it; `prose`, the poster's own words (a register's
 * prose), where a sign the system's answer would set aside is read again.
 */
export function counterSignShown(
  entry: Entry | undefined,
  flat: string,
  prose?: string,
): string | undefined {
  const tests = entry === undefined ? undefined : testsOf(entry);
  if (entry === undefined || tests === undefined) return undefined;
  let own = flat;
  for (const q of quotedMessages(entry, flat)) own = own.split(q).join(' ');
  // The credential's structure (a scheme, a header, a prefix) outweighs the words around it: an
  // API's message says "access token" to a static key as well.
  const shape =
    entry.counterSigns?.staticCredentials === true ? staticCredentialShown(own) : undefined;
  if (shape !== undefined) return shape;
  const sign = firstSign(tests.signs, own);
  if (sign === undefined) return undefined;
  // A link's path names what its page is about, not the credential the poster holds: HubSpot's
  // refusal ends with `https://developers.hubspot.com/docs/methods/auth/oauth-overview`. A key in a
  // link's query (`?hapikey=`) is still the poster's: the signs above read links whole.
  const words = own.includes('://') ? own.replace(LINK, ' ') : own;
  if (!tests.unless.some((t) => t.exec(words) !== null)) return sign;
  // The poster's own words name the credential they hold; a system's answer ("The OAuth token used
  // to make this call expired" to a personal access key) names the one it expected.
  if (prose === undefined) return undefined;
  const ownWords = flatText(prose);
  const posters = firstSign(tests.signs, ownWords);
  return posters !== undefined && !tests.unless.some((t) => t.exec(ownWords) !== null)
    ? posters
    : undefined;
}

function firstSign(signs: readonly Test[], text: string): string | undefined {
  for (const t of signs) {
    const found = t.exec(text)?.[0];
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A link as the flat text holds it: a scheme, then everything up to the next blank. */
const LINK = /\b[a-z][a-z0-9+.-]*:\/\/\S+/g;
