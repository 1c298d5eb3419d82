import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MASK, SecretScrubber } from '../../../../src/core/check/flow/scrub.js';
import { ENCODINGS } from '../../../../src/emulator/hostile.js';

const ID = 'client-1';

function scrubber(...values: string[]): SecretScrubber {
  const s = new SecretScrubber();
  s.add(values);
  return s;
}

function runsOf(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) out.push(secret.slice(i, i + 8));
  return out;
}

describe('SecretScrubber', () => {
  it.each(Object.keys(ENCODINGS))('removes the %s form of a secret from text', (enc) => {
    const secret = 'p@ss"w\\rd/+: %x=é€';
    const reflected = ENCODINGS[enc]?.(secret, ID) ?? '';
    const s = scrubber(secret);
    const out = s.mask(`before ${reflected} after`);
    expect(out).toContain('before ');
    expect(out).toContain(' after');
    expect(out).not.toContain(reflected);
    for (const run of runsOf(secret)) expect(out).not.toContain(run);
  });

  it('finds the secret inside a larger Base64 blob at any offset (a Basic header, a logged body)', () => {
    const secret = 'Tz8kQm2xLp9vWs';
    const s = scrubber(secret);
    for (const prefix of ['', 'a', 'ab', 'abc', `${ID}:`]) {
      const blob = Buffer.from(`${prefix}${secret}&more=1`).toString('base64');
      expect(s.mask(`x ${blob} y`)).not.toMatch(/Tz8k|VHo4a/);
    }
  });

  it('masks a run of eight characters that is left, and nothing shorter', () => {
    const s = scrubber('ABCDEFGHIJKLMNOP');
    expect(s.mask('quoted ABCDEFGH here')).toBe(`quoted ${MASK} here`);
    expect(s.mask('quoted ABCDEFG here')).toBe('quoted ABCDEFG here');
  });

  it('keeps JSON readable when a mask meets an escape', () => {
    const secret = 'ab\\cdefghij"klmn';
    const s = scrubber(secret);
    // Cut after the escaped backslash and inside the escaped quote.
    const body = JSON.stringify({ e: `x ${secret.slice(3, 14)} y`, f: secret.slice(0, 12) });
    expect(() => JSON.parse(s.mask(body) || '') as unknown).not.toThrow();
  });

  it('leaves text without secrets alone', () => {
    const s = scrubber('s3cr3t-value-xyz');
    const text = '{"error":"invalid_client","error_description":"Client authentication failed"}';
    expect(s.mask(text)).toBe(text);
  });

  it('property: any secret reflected in a JSON answer leaves valid JSON without any run of it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40, unit: 'grapheme' }),
        fc.constantFrom(...Object.keys(ENCODINGS)),
        fc.nat(30),
        (secret, enc, cut) => {
          // Servers cut by characters; a cut inside a surrogate pair is not a reflection of the secret.
          const reflected = Array.from(ENCODINGS[enc]?.(secret, ID) ?? '')
            .slice(cut % 7)
            .join('');
          const body = JSON.stringify({ error: 'invalid_request', error_description: reflected });
          const out = scrubber(secret).mask(body);
          // A secret made of JSON syntax (`"` and spaces) may take the quotes with it: the answer
          // is then read as text, which is safe; otherwise it must still parse.
          let shown = out;
          try {
            shown = (JSON.parse(out) as { error_description: string }).error_description;
          } catch {
            expect(secret).toMatch(/["\\:,{}]/);
          }
          for (const run of runsOf(secret)) expect(shown).not.toContain(run);
        },
      ),
      { numRuns: 1000, seed: 20261126 },
    );
  });
});
