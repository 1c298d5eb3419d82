import { describe, expect, it } from '@jest/globals';
import {
  literalGrams,
  markGrams,
  mayHold,
  textGrams,
} from '../../../src/core/matching/text-grams.js';

const may = (text: string, literal: string): boolean =>
  mayHold(textGrams(text), literalGrams(literal));

describe('text grams', () => {
  it('never rule out a literal the text holds, in any case and inside longer words', () => {
    const text = 'Caused by: SSLHandshakeException at x509.Verify; RE: the_token expired (429)';
    for (const literal of ['caus', 'ssl', 'HANDSHAKE', 'x509', 'the_token', 'to', '42', 'y: ss'])
      expect(may(text, literal)).toBe(true);
  });

  it('rule out a literal with a pair or a triple the text lacks', () => {
    expect(may('token acquired, 4 worker threads', 'throttl')).toBe(false);
    expect(may('token acquired, 4 worker threads', '50')).toBe(false);
    expect(may('token acquired', 'to perform')).toBe(false);
  });

  it('ask a letter beyond ASCII for itself in either case, and a blank or a colon for nothing', () => {
    expect(may('LÖSUNG: neu starten', 'lösung')).toBe(true);
    expect(may('losung', 'lösung')).toBe(false);
    expect(may('原因是', '原因')).toBe(true);
    expect(may('结果', '原因')).toBe(false);
    expect(may('anything', ': ')).toBe(true);
  });

  it('answer for a text cut from theirs with blanks put between the pieces', () => {
    const paste = 'status=401 `secret` we keep getting it\nat Foo.bar(Foo.java:1)';
    const prose = 'status=401   we keep getting it';
    const grams = textGrams(paste);
    for (const literal of ['getting', 'keep', 'status', 'us=4'])
      expect(mayHold(grams, literalGrams(literal))).toBe(true);
    expect(may(prose, 'secret')).toBe(false);
  });

  it('ask a mark for its ASCII signs as written, and never rule out one the text holds', () => {
    const marks = (text: string, mark: string): boolean =>
      mayHold(textGrams(text), markGrams(mark));
    const text = '$ curl -X POST > out.json # RFC 6749 §5.2 if ($a -eq 1) { x == y }';
    for (const mark of ['$', '>', '#', 'RFC', '§', '-eq', '==', 'ection ', 'curl -X'])
      expect(marks(text, mark) || !text.includes(mark)).toBe(true);
    for (const mark of ['$', '>', '#', '§', '-eq', '=='])
      expect(marks(text, mark)).toBe(text.includes(mark));
    expect(marks('no signs here', '#')).toBe(false);
    expect(marks('a <b>', '<')).toBe(true);
  });
});
