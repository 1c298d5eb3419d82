/**
 * Which pairs and triples of adjacent letters, digits and underscores a text holds (ASCII, any
 * case), and which other characters (hashed into a few buckets): read in one pass, so a pattern
 * behind a literal pre-check is passed over, without a scan, in a text that cannot hold any of its
 * literals. A text holding a literal (in any case, as a case-insensitive pattern reads it) holds
 * its every pair, triple and character, so `mayHold` is never false for it; it may be true for a
 * text that does not hold the literal.
 *
 * A text cut into pieces with blanks or line breaks put between them (the poster's prose of a
 * paste, its sentences) holds no pair or triple its source does not: the source's grams answer
 * for it too.
 */
export type TextGrams = Uint32Array;

/**
 * What a literal asks of a text, as bit positions in `TextGrams`: each entry is a choice, one of
 * whose bits must be set (a pair or triple is one bit, a letter beyond ASCII one per case).
 */
export type LiteralGrams = readonly (readonly number[])[];

/** Letters (either case), digits and `_`: 37 symbols. */
const SYMBOL = new Int8Array(128).fill(-1);
for (let c = 0; c < 26; c++) {
  SYMBOL[65 + c] = c;
  SYMBOL[97 + c] = c;
}
for (let d = 0; d < 10; d++) SYMBOL[48 + d] = 26 + d;
SYMBOL[95] = 36;
const SYMBOLS = 37;
const PAIRS = SYMBOLS * SYMBOLS;
const TRIPLES = PAIRS + PAIRS * SYMBOLS;
/** Characters beyond ASCII, by their code's low bits. */
const OTHERS = 1024;
/** Then the other ASCII characters (a `#`, a `<`), one bit each, by their code. */
const ASCII = TRIPLES + OTHERS;
const BITS = ASCII + 128;

export function textGrams(text: string): TextGrams {
  const bits = new Uint32Array(Math.ceil(BITS / 32));
  // A log repeats its lines: each distinct line is read once. A line break breaks a run, so the
  // lines' grams, and the break's own bit, are the text's.
  const seen = new Set<string>();
  for (let from = 0; from <= text.length;) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    else setBit(bits, ASCII + 10);
    const size = seen.size;
    if (seen.add(text.slice(from, to)).size > size) readGrams(bits, text, from, to);
    from = to + 1;
  }
  return bits;
}

/** Sets the grams of `text` from `from` to `to` (a line: no line break inside) in `bits`. */
function readGrams(bits: Uint32Array, text: string, from: number, to: number): void {
  // The symbol before, and the pair of the two before (-1: none, a run starts or is broken).
  let last = -1;
  let pair = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const s = c < 128 ? (SYMBOL[c] ?? -1) : -1;
    if (s < 0) {
      setBit(bits, c >= 128 ? TRIPLES + (c & (OTHERS - 1)) : ASCII + c);
      last = -1;
      pair = -1;
      continue;
    }
    if (pair >= 0) setBit(bits, PAIRS + pair * SYMBOLS + s);
    pair = last >= 0 ? last * SYMBOLS + s : -1;
    if (pair >= 0) setBit(bits, pair);
    last = s;
  }
}

function setBit(bits: Uint32Array, at: number): void {
  bits[at >>> 5] = (bits[at >>> 5] ?? 0) | (1 << (at & 31));
}

/**
 * What a text holding `literal` in any case holds: each run of two letters, digits or underscores
 * its pair, each longer run its triples, each character beyond ASCII itself in one of its cases
 * (a case-insensitive pattern matches a letter's other case, and those are its only two). Other
 * ASCII characters (a blank, a colon) ask for nothing.
 */
export function literalGrams(literal: string): LiteralGrams {
  const out: number[][] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length === 2) out.push([(run[0] ?? 0) * SYMBOLS + (run[1] ?? 0)]);
    for (let k = 2; k < run.length; k++)
      out.push([
        PAIRS + ((run[k - 2] ?? 0) * SYMBOLS + (run[k - 1] ?? 0)) * SYMBOLS + (run[k] ?? 0),
      ]);
    run = [];
  };
  for (const ch of literal) {
    const c = ch.charCodeAt(0);
    const s = c < 128 ? (SYMBOL[c] ?? -1) : -1;
    if (s >= 0) {
      run.push(s);
      continue;
    }
    flush();
    if (c >= 128) out.push(casesOf(ch).map((u) => TRIPLES + (u.charCodeAt(0) & (OTHERS - 1))));
  }
  flush();
  return out;
}

/**
 * What a text holding `mark` as written holds: its literal's grams (see `literalGrams`), and each
 * ASCII character of it that is neither a letter, a digit, `_` nor a blank (a blank or a line
 * break may be put between the pieces of a text cut from the paste the grams were read from).
 */
export function markGrams(mark: string): LiteralGrams {
  const out = [...literalGrams(mark)];
  for (let i = 0; i < mark.length; i++) {
    const c = mark.charCodeAt(i);
    if (c > 32 && c < 127 && SYMBOL[c] === -1) out.push([ASCII + c]);
  }
  return out;
}

/** A character beyond ASCII in its cases, each one UTF-16 unit (an astral one: each of its units). */
function casesOf(ch: string): string[] {
  const cases = [ch, ch.toLowerCase(), ch.toUpperCase()].filter((c) => c.length === 1);
  return ch.length === 1 ? [...new Set(cases)] : [ch.charAt(0)];
}

/** The text may hold the literal: it holds each pair, triple and character the literal asks for. */
export function mayHold(grams: TextGrams, literal: LiteralGrams): boolean {
  // Indexed loops, no closure: the register asks this of every literal of every rule per paste.
  for (const choice of literal) {
    let any = false;
    for (let j = 0; j < choice.length && !any; j++) any = isSet(grams, choice[j] ?? 0);
    if (!any) return false;
  }
  return true;
}

function isSet(grams: TextGrams, at: number): boolean {
  return ((grams[at >>> 5] ?? 0) & (1 << (at & 31))) !== 0;
}
