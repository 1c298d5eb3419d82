/**
 * The text of a credential written as an XML element: SOAP carries credentials so (Workday's
 * WS-Security `<wsse:Password>`, NetSuite's passport `<platformCore:password>`), as do XML configs
 * (`<dbPassword>`, `<ClientSecret>`, `<entry key="password">`).
 */

/** Where a value is, in the text the reader was given. */
export interface ValueSpan {
  /** The value (still URL-encoded if it was), and where that starts. */
  readonly text: string;
  readonly start: number;
  /** The value as written: quotes, the lines around an element's text, CDATA markers. */
  readonly outerStart: number;
  readonly outerEnd: number;
}

/**
 * The rest of a start tag after the key (`<wsse:Password Type="…">`, `<client_secret>`),
 * attributes capped; not a self-closing tag (`<password xsi:nil="true"/>`), which has no text.
 */
export const XML_OPEN = String.raw`(?:[ \t][^<>\r\n]{0,512})?(?<!/)>`;
const START_TAG = new RegExp(XML_OPEN, 'y');
/** The same after a key named by an attribute: its closing quote first. */
export const XML_OPEN_AFTER_ATTRIBUTE = String.raw`["']${XML_OPEN}`;
const ATTRIBUTE_START_TAG = new RegExp(XML_OPEN_AFTER_ATTRIBUTE, 'y');
/** Before the key: `<` and the start of the element's name (`<wsse:`, `<db`, `<ns:db_`). */
const NAME_START = /<((?:[\w.-]*:)?[\w.-]*)$/;
/**
 * Before the key, from its start tag's `<`: the element's name, then a `key` or `name` attribute
 * naming the key (`<entry key="`, `<property name="hibernate.connection.`).
 */
const NAMED_BY_ATTRIBUTE = /^<((?:[\w.-]+:)?[\w.-]+)\s[^<>]*\b(?:key|name)\s*=\s*["'][\w.:-]*$/;
/** Longest element text read, CDATA and child elements included: bounded, so reading is linear. */
const MAX_TEXT = 4096;
/**
 * A CDATA section after any blank: its text (`char`s), up to `]]>` (absent when the paste was cut
 * short) and the blanks before an end tag.
 */
const cdata = (char: string): RegExp =>
  new RegExp(
    String.raw`(\s{0,${MAX_TEXT}})<!\[CDATA\[((?:${char}|\](?!\]>)){0,${MAX_TEXT}})(\]\]>(?:\s{0,${MAX_TEXT}}(?=</))?)?`,
    'y',
  );
/** Read whole, any text; for the detector, a token's (no `<`), so its scan stops at the next tag. */
const CDATA_WHOLE = cdata(String.raw`[^\]]`);
const CDATA_TOKEN = cdata(String.raw`[^\]<]`);
/** The element's text up to an end tag, bounded. */
const TEXT_CLOSED = new RegExp(String.raw`([^<]{0,${MAX_TEXT}})</`, 'y');
/** Read whole: the element's text up to the next tag or the end of the paste. */
const TEXT_OPEN = new RegExp(String.raw`[^<]{0,${MAX_TEXT}}`, 'y');
/** Blanks, then a child element's start tag (not an end tag, a comment or CDATA). */
const CHILD = /\s*<[A-Za-z_]/y;
/** Before a tag: a separator or a quote, so the tag is a value (`client_secret=<CLIENT_SECRET>`). */
const AFTER_SEPARATOR = /(?:[=:"'`])[ \t]*$/;

/** The start tag of an element that holds a credential. */
interface StartTag {
  readonly element: string;
  /** Where its `<` is, and where the element's content starts. */
  readonly start: number;
  readonly contentStart: number;
  /**
   * Named by an attribute (`<entry key="password">`): read only up to its own end tag, since
   * HTML's `<input name="password">` has none and the text after it is not its value.
   */
  readonly byAttribute: boolean;
}

/**
 * The text of `<key …>value</…>` when the key ends an element name (`<key`, `<prefix:key`,
 * `<dbKey`) or a `key`/`name` attribute's value (`<entry key="password">`), trimmed: one line of
 * text, on the start tag's line or on its own line before the element's end tag
 * (`<wsse:Password …>\n  value\n</wsse:Password>`), or a CDATA section's text. Read whole (stored
 * pastes): also everything up to the element's end tag (child elements:
 * `<password><value>…</value></password>`), or text and child elements left open at the end of
 * the paste — unless the start tag is a value, a placeholder with no end tag
 * (`refresh_token=<VALID_REFRESH_TOKEN>`).
 */
export function readXmlValue(
  text: string,
  keyStart: number,
  keyLength: number,
  whole: boolean,
): ValueSpan | undefined {
  const tag = startTagOf(text, keyStart, keyLength);
  if (tag === undefined) return undefined;
  const { element, contentStart: from, byAttribute } = tag;
  if (!whole) {
    return readCdata(text, from, false) ?? readElementText(text, from, element, byAttribute);
  }
  const cdata = readCdata(text, from, true);
  if (cdata !== undefined) return cdata;
  const closed = readToEndTag(text, from, element);
  if (closed !== undefined || byAttribute) return closed;
  if (AFTER_SEPARATOR.test(text.slice(Math.max(0, tag.start - 16), tag.start))) return undefined;
  return readOpenChildren(text, from) ?? readOpenText(text, from);
}

/** The start tag the key at keyStart names, by the element's name or by an attribute. */
function startTagOf(text: string, keyStart: number, keyLength: number): StartTag | undefined {
  const key = text.slice(keyStart, keyStart + keyLength);
  const before = text.slice(Math.max(0, keyStart - 256), keyStart);
  const name = NAME_START.exec(before.slice(-64));
  const lt = before.lastIndexOf('<');
  const attribute = name === null && lt >= 0 ? NAMED_BY_ATTRIBUTE.exec(before.slice(lt)) : null;
  const pattern = name === null ? ATTRIBUTE_START_TAG : START_TAG;
  pattern.lastIndex = keyStart + keyLength;
  if ((name === null && attribute === null) || !pattern.test(text)) return undefined;
  return {
    element: name === null ? (attribute?.[1] ?? '') : `${name[1] ?? ''}${key}`,
    start: keyStart - (name?.[0].length ?? before.length - lt),
    contentStart: pattern.lastIndex,
    byAttribute: name === null,
  };
}

/** A CDATA section's text (`whole`: also cut short); a mask covers its markers and blanks. */
function readCdata(text: string, from: number, whole: boolean): ValueSpan | undefined {
  const pattern = whole ? CDATA_WHOLE : CDATA_TOKEN;
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  if (m === null || (!whole && m[3] === undefined)) return undefined;
  const [all, blanks = '', inner = ''] = m;
  const span = trimmed(inner, from + blanks.length + '<![CDATA['.length);
  return { ...span, outerStart: from, outerEnd: from + all.length };
}

/**
 * The element's text before an end tag, trimmed, if it is one line: on the start tag's line
 * (any end tag, as people type it, unless `ownEndTag`), or on lines of its own before the
 * element's own end tag. The scan stops at the next `<`, so reading every element is linear.
 */
function readElementText(
  text: string,
  from: number,
  element: string,
  ownEndTag: boolean,
): ValueSpan | undefined {
  TEXT_CLOSED.lastIndex = from;
  const inner = TEXT_CLOSED.exec(text)?.[1];
  if (inner === undefined) return undefined;
  const span = trimmed(inner, from);
  const own = endTagAt(text, TEXT_CLOSED.lastIndex - 2, element);
  if (ownEndTag && !own) return undefined;
  return /[\r\n]/.test(own ? span.text : inner) ? undefined : span;
}

/** Everything up to the element's own end tag, within MAX_TEXT: its text or child elements. */
function readToEndTag(text: string, from: number, element: string): ValueSpan | undefined {
  const end = endTagIn(text.slice(from, from + MAX_TEXT + element.length + 3), element);
  return end < 0 ? undefined : spanOf(text, from, end);
}

/** Child elements without the end tag (a paste cut short): read to MAX_TEXT or the end. */
function readOpenChildren(text: string, from: number): ValueSpan | undefined {
  CHILD.lastIndex = from;
  return CHILD.test(text) ? spanOf(text, from, Math.min(MAX_TEXT, text.length - from)) : undefined;
}

/** Where `</element>` (or `</element >`) starts in `window`, or -1. */
function endTagIn(window: string, element: string): number {
  const tag = `</${element}`;
  for (let at = window.indexOf(tag); at >= 0 && at <= MAX_TEXT; at = window.indexOf(tag, at + 1)) {
    if (endTagAt(window, at, element)) return at;
  }
  return -1;
}

/** Whether `</element>` (or `</element >`) starts at `at`. */
function endTagAt(text: string, at: number, element: string): boolean {
  const tag = `</${element}`;
  return (
    text.startsWith(tag, at) && /^\s*>/.test(text.slice(at + tag.length, at + tag.length + 16))
  );
}

/** Read whole, without an end tag: the text up to the next tag or the end of the paste. */
function readOpenText(text: string, from: number): ValueSpan {
  TEXT_OPEN.lastIndex = from;
  return spanOf(text, from, TEXT_OPEN.exec(text)?.[0].length ?? 0);
}

/** The `length` characters at `from`, trimmed; the mask covers the blanks too. */
function spanOf(text: string, from: number, length: number): ValueSpan {
  return trimmed(text.slice(from, from + length), from);
}

/** `inner`, found at `start`, without its leading and trailing blanks. */
function trimmed(inner: string, start: number): ValueSpan {
  const value = inner.trim();
  const at = start + inner.length - inner.trimStart().length;
  return { text: value, start: at, outerStart: start, outerEnd: start + inner.length };
}
