import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AuthHelpError } from '../../core/errors.js';
import type { EncryptionKey } from '../../config.js';

/** A value sealed with AES-256-GCM: the key's id is kept beside it so old keys can still open it. */
export interface Sealed {
  readonly keyId: string;
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  readonly box: string;
}

/**
 * Seals with the newest key and opens with whichever key sealed the value. `context` (for example
 * the team id) is bound as associated data, so a sealed value copied to another row will not open.
 */
export interface Sealer {
  readonly currentKeyId: string | undefined;
  seal(plaintext: string, context: string): Sealed;
  open(sealed: Sealed, context: string): string;
}

export function createSealer(keys: readonly EncryptionKey[]): Sealer {
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const current = keys[0];
  return {
    currentKeyId: current?.id,
    seal(plaintext, context) {
      if (current === undefined)
        throw new AuthHelpError(
          'CONFIG_INVALID',
          'AUTHHELP_ENCRYPTION_KEY is not set: installations are stored only encrypted (openssl rand -base64 32)',
        );
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const box = ['v1', iv, cipher.getAuthTag(), ct]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
      return { keyId: current.id, box };
    },
    open(sealed, context) {
      const key = byId.get(sealed.keyId);
      if (key === undefined)
        throw new AuthHelpError(
          'CONFIG_INVALID',
          `a stored installation is sealed with key ${sealed.keyId}, which AUTHHELP_ENCRYPTION_KEY does not hold`,
          { context: { keyId: sealed.keyId } },
        );
      const [version, iv, tag, ct] = sealed.box.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || ct === undefined)
        throw new AuthHelpError('STORE_INVALID', 'a stored installation is not a sealed value');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(ct, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch (err) {
        throw new AuthHelpError(
          'STORE_INVALID',
          `a stored installation does not open with key ${sealed.keyId} (altered, or moved from another row)`,
          { cause: err, context: { keyId: sealed.keyId } },
        );
      }
    },
  };
}
