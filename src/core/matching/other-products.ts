/**
 * The folder of an installed library in a file path (a stack frame's `site-packages/examplebooks/…`,
 * `node_modules/@acme/sdk/…`, `gems/examplebooks-1.4.2/…`): the library's name, with its npm scope
 * (`@acme/sdk`: a scope alone may be a company's many libraries, or `@types`), which says what
 * product the code that failed belongs to. Not a folder named by a version (Ruby's `gems/3.2.0/`),
 * not a folder that only ends so (`rubygems/`).
 */
const PACKAGE_PATH =
  /(?<![\w.-])(?:site-packages|dist-packages|node_modules|gems)[\\/]+(@[a-z0-9][\w.-]*[\\/]+[a-z0-9][\w.-]*|[a-z][\w.-]*)/gi;

/**
 * A gem's or an egg's folder ends in its version (`faraday-2.7.4`, `django-1.10.6-py3.4.egg`, a
 * git checkout's `omniauth-x-4e54423f2d8a`): not part of its name.
 */
const VERSION_SUFFIX = /-\d[\w.-]*$/;

/**
 * Libraries that send HTTP, serve it or speak OAuth for any server (Python, npm and Ruby names):
 * an integration with any product is written with them, so their frames say nothing of which
 * product answered. A short list of transports and frameworks, not of products.
 */
const TRANSPORTS: ReadonlySet<string> = new Set([
  // Python
  'requests',
  'urllib3',
  'httpx',
  'httpcore',
  'aiohttp',
  'oauthlib',
  'requests_oauthlib',
  'authlib',
  'django',
  'flask',
  'fastapi',
  'starlette',
  'werkzeug',
  // npm
  'axios',
  'node-fetch',
  'got',
  'undici',
  'superagent',
  'request',
  'express',
  'koa',
  // Ruby
  'faraday',
  'httparty',
  'rest-client',
  'net-http',
  'rack',
  'actionpack',
  'railties',
  // rvm's folder of one Ruby's gems (`gems/ruby-2.3.0/gems/…`), the language's, not a library's.
  'ruby',
]);

/**
 * The names of the installed libraries the paste's file paths show, lower case, but the generic
 * transports (`TRANSPORTS`). Read from the paste as given: the stack frames that hold them are
 * stripped before the text is read for words.
 */
export function packagesIn(text: string): string[] {
  // Most pastes hold no library path: one search of the literal folder names says so.
  if (!/site-packages|dist-packages|node_modules|gems/i.test(text)) return [];
  const names = [...text.matchAll(PACKAGE_PATH)].map((m) => libraryName(m[1] ?? ''));
  return [...new Set(names)].filter((n) => !TRANSPORTS.has(n));
}

/** A library's folder as its name: `@scope/name` with `/`, a gem's or an egg's without its version. */
function libraryName(folder: string): string {
  const name = folder.toLowerCase();
  // A scoped npm folder holds no version (and its name may hold `-2`: `@acme/sdk-v2`).
  return name.startsWith('@') ? name.replace(/[\\/]+/, '/') : name.replace(VERSION_SUFFIX, '');
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
