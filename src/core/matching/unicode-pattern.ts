/** Characters outside ASCII: a text without any reads a pattern's Unicode classes as ASCII ones. */
const NON_ASCII = /[\u0080-\uffff]/;

/** What each Unicode property a pattern uses holds among ASCII characters. */
const ASCII_RANGES: Readonly<Record<string, string>> = { L: 'A-Za-z', N: '0-9', M: '' };

/**
 * A pattern with Unicode property classes (`\p{L}`, `\p{N}`, `\p{M}`) or the `iu` flags, compiled
 * when first used, and for a text of ASCII characters only as its ASCII twin: `\p{L}` read as
 * `A-Za-z`, `\p{N}` as `0-9`, `\p{M}` as nothing, without the `u` flag. On such a text the two
 * match alike: no other character is there to be a letter, a digit or a mark, and the `u` flag
 * changes nothing for ASCII text (with `i`, only a pattern's `ſ` and Kelvin sign `K` match ASCII
 * letters under `u` alone: such a pattern keeps its Unicode form). V8 builds each property class
 * from ICU's tables and folds an `iu` pattern's letters through Unicode's case closure, when the
 * pattern is created and again when it is compiled: most pastes are ASCII and pay for neither.
 */
export class UnicodePattern {
  readonly #source: string;
  readonly #flags: string;
  #unicode: RegExp | undefined;
  #ascii: RegExp | undefined;

  constructor(source: string, flags: string) {
    this.#source = source;
    this.#flags = flags;
  }

  /** The pattern to run on `text` (the same object for every text of its kind: reset `lastIndex`). */
  for(text: string): RegExp {
    if (NON_ASCII.test(text)) return (this.#unicode ??= new RegExp(this.#source, this.#flags));
    return (this.#ascii ??= asciiTwin(this.#source, this.#flags));
  }
}

/**
 * `ſ` and `K`, written as themselves or escaped, or a range ending beyond ASCII (`[\u0100-\u0200]`,
 * which may hold them): under `iu` alone they match `s` and `k`.
 */
const FOLDS_TO_ASCII =
  /[\u017f\u212a]|\\u(?:017f|212a)|-(?:[\u0080-\uffff]|\\u(?!00[0-7])[\da-f]{4}|\\x[89a-f])/i;

function asciiTwin(source: string, flags: string): RegExp {
  if (flags.includes('i') && FOLDS_TO_ASCII.test(source)) {
    return new RegExp(source, flags);
  }
  return new RegExp(asciiSource(source), flags.replace('u', ''));
}

/** The pattern with each `\p{…}` written as the ASCII characters it holds (see `ASCII_RANGES`). */
export function asciiSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      const escape = /^\\(?:[pP]\{[^}]*\}|u\{|.)/s.exec(source.slice(i, i + 32))?.[0] ?? c;
      const name = /^\\p\{(\w+)\}$/.exec(escape)?.[1];
      if (name !== undefined && Object.hasOwn(ASCII_RANGES, name)) {
        const ranges = ASCII_RANGES[name] ?? '';
        out += inClass ? ranges : `[${ranges}]`;
      } else if (/^\\[pP]/.test(escape) || escape === '\\u{') {
        // Other properties (`\p{Lu}`, `\p{Script=Latin}`), `\P{…}` and `\u{…}` read otherwise
        // without the `u` flag: not written in these patterns.
        throw new Error(`UnicodePattern: no ASCII twin for ${escape}`);
      } else {
        out += escape;
      }
      i += escape.length - 1;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

/** What separates words: anything but letters and digits. */
export const NOT_WORD = new UnicodePattern(String.raw`[^\p{L}\p{N}]+`, 'u');
/** Two letters in a row: a text holds a word, not only numbers, symbols and one-letter marks. */
export const TWO_LETTERS = new UnicodePattern(String.raw`\p{L}{2}`, 'u');
