import { describe, expect, it } from '@jest/globals';
import { asciiSource, UnicodePattern } from '../../../src/core/matching/unicode-pattern.js';

describe('asciiSource', () => {
  it('writes each property class as the ASCII characters it holds, in a class or alone', () => {
    expect(asciiSource(String.raw`(?<![\p{L}\p{N}_])x\p{L}{2}[^\p{L}\p{M}\p{N}]`)).toBe(
      String.raw`(?<![A-Za-z0-9_])x[A-Za-z]{2}[^A-Za-z0-9]`,
    );
  });

  it('keeps other escapes as they are, an escaped backslash included', () => {
    expect(asciiSource(String.raw`\\p{L}\b\u00e5\]`)).toBe(String.raw`\\p{L}\b\u00e5\]`);
  });

  it('refuses what reads otherwise without the u flag', () => {
    expect(() => asciiSource(String.raw`\P{L}`)).toThrow(/no ASCII twin/);
    expect(() => asciiSource(String.raw`\u{1F600}`)).toThrow(/no ASCII twin/);
    expect(() => asciiSource(String.raw`\p{Lu}`)).toThrow(/no ASCII twin/);
    expect(() => asciiSource(String.raw`[\p{Script=Latin}]`)).toThrow(/no ASCII twin/);
    expect(() => asciiSource(String.raw`\P{Script=Latin}`)).toThrow(/no ASCII twin/);
    expect(() => asciiSource(String.raw`\p{constructor}`)).toThrow(/no ASCII twin/);
    expect(() => asciiSource(String.raw`\p`)).toThrow(/no ASCII twin/);
  });
});

describe('UnicodePattern', () => {
  const cases: [string, string, string][] = [
    [
      String.raw`(?<![\p{L}\p{N}_])(?:refresh[\s_-]*token)(?![\p{L}\p{N}_])`,
      'iu',
      'a Refresh-Token.',
    ],
    [
      String.raw`(?<![\p{L}\p{N}_])(?:refresh[\s_-]*token)(?![\p{L}\p{N}_])`,
      'iu',
      'refresh_tokens',
    ],
    [
      String.raw`(?<![\p{L}\p{N}_])(?:refresh[\s_-]*token)(?![\p{L}\p{N}_])`,
      'iu',
      'éREFRESH TOKEN',
    ],
    [String.raw`[^\p{L}\p{N}]+`, 'gu', 'invalid_grant: the token, 2 days old — expired'],
    [String.raw`\p{L}{2}`, 'u', '401 / 4 x'],
    [String.raw`[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+`, 'gu', 'error_description and ünïcode_wörd'],
  ];

  it.each(cases)('matches %s (%s) in %j as the Unicode pattern does', (source, flags, text) => {
    const unicode = new RegExp(source, flags);
    const pattern = new UnicodePattern(source, flags).for(text);
    expect(text.match(pattern)).toEqual(text.match(unicode));
    expect(text.split(pattern)).toEqual(text.split(unicode));
  });

  it('reads an ASCII text without the u flag, any other text with it', () => {
    const pattern = new UnicodePattern(String.raw`\p{L}+`, 'u');
    expect(pattern.for('abc').flags).toBe('');
    expect(pattern.for('abc ’').flags).toBe('u');
  });

  it('keeps the u flag for a case-insensitive pattern holding ſ or K, which match s and k only with it', () => {
    expect(new UnicodePattern('\u017fecret', 'iu').for('secret').test('secret')).toBe(true);
    expect(new UnicodePattern(String.raw`\u212aey`, 'iu').for('key').test('key')).toBe(true);
  });

  it('keeps the u flag for a case-insensitive pattern with a range beyond ASCII, which may hold ſ or K', () => {
    expect(
      new UnicodePattern(String.raw`[\u0100-\u0200]ecret`, 'iu').for('secret').test('secret'),
    ).toBe(true);
    expect(new UnicodePattern('[\u0100-\u0200]ecret', 'iu').for('secret').test('secret')).toBe(
      true,
    );
    expect(new UnicodePattern(String.raw`[\u2100-\u2200]ey`, 'iu').for('key').test('key')).toBe(
      true,
    );
  });
});
