import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { maskCredentials } from '../../../src/core/learning/mask-credentials.js';
import { CREDENTIAL_KEYS } from '../../../src/core/secrets/credential-keys.js';
import { detectSecrets } from '../../../src/core/secrets/detect.js';

/** A value a person typed: the detector leaves it (it does not look generated); the masker must not. */
const TYPED = 'hunter2';

/** A key in snake, SCREAMING, kebab, camel and "Title Case" spellings. */
function spellings(name: string): string[] {
  const words = name.split('_');
  const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  return [
    name,
    name.toUpperCase(),
    words.join('-'),
    words.map((w, i) => (i === 0 ? w : capital(w))).join(''),
    words.map(capital).join(' '),
  ];
}

const CASES = CREDENTIAL_KEYS.flatMap((k) => spellings(k.name).map((key) => [key, k.name]));

describe('maskCredentials: every key the detector knows', () => {
  it.each(CASES)('%s', (key, name) => {
    const generated = randomBytes(24).toString('base64url');
    expect(detectSecrets(`${key}=${generated}`).map((f) => f.name)).toEqual([name]);
    const lines = [`${key}=${TYPED}`, `"${key}": "${TYPED}"`];
    if (!key.includes(' ')) lines.push(`<${key}>${TYPED}</${key}>`); // element names have no spaces
    for (const line of lines) {
      expect(maskCredentials(`401 invalid_client\n${line}`).text).not.toContain(TYPED);
    }
  });
});
