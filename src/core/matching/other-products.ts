/**
 * The folder of an installed library in a file path (a stack frame's `site-packages/examplebooks/…`,
 * `node_modules/@acme/sdk/…`): the library's name, which says what product the code that failed
 * belongs to.
 */
const PACKAGE_PATH = /(?:site-packages|dist-packages|node_modules|gems)[\\/]+(@?[a-z0-9][\w.-]*)/gi;

/**
 * The names of the installed libraries the paste's file paths show, lower case. Read from the paste
 * as given: the stack frames that hold them are stripped before the text is read for words.
 */
export function packagesIn(text: string): string[] {
  // Most pastes hold no library path: one search of the literal folder names says so.
  if (!/site-packages|dist-packages|node_modules|gems/i.test(text)) return [];
  return [...new Set([...text.matchAll(PACKAGE_PATH)].map((m) => (m[1] ?? '').toLowerCase()))];
}

/** How far before a code its qualifier is read, and at most how many places of one code. */
const QUALIFIER_REACH = 200;
const MAX_PLACES = 20;

/**
 * The packages or namespaces a code is written as a class of (`examplebooks.exceptions.TokenExpired`,
 * `ExamplePHP\Remote\Exception\TokenExpired`): the first part of a qualifier of two parts or more,
 * in `flat` (lower case). One part (`Client.authenticationError`, a SOAP fault code; `errors.X`)
 * names no product. Read by walking back from each place of the code, so linear in the text.
 */
export function qualifiersOf(code: string, flat: string): string[] {
  const out: string[] = [];
  let places = 0;
  for (
    let at = flat.indexOf(code);
    at >= 0 && places < MAX_PLACES;
    at = flat.indexOf(code, at + 1)
  ) {
    places++;
    // A code that opens the text has no qualifier there; its later places may.
    if (at === 0) continue;
    const sep = flat[at - 1];
    if ((sep !== '.' && sep !== '\\') || /\w/.test(flat[at + code.length] ?? '')) continue;
    let start = at - 1;
    const stop = Math.max(0, at - QUALIFIER_REACH);
    while (start > stop && /[a-z0-9_.\\]/.test(flat[start - 1] ?? '')) start--;
    const parts = flat
      .slice(start, at)
      .split(/[.\\]+/)
      .filter((p) => p !== '');
    const first = parts[0];
    if (parts.length >= 2 && first !== undefined && /^[a-z_]/.test(first)) out.push(first);
  }
  return out;
}
