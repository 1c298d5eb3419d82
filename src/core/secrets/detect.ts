/** Kinds of credential the guard recognises in pasted text. */
export type SecretKind =
  'jwt' | 'authorization-header' | 'assignment' | 'private-key' | 'slack-token';

export interface SecretFinding {
  readonly kind: SecretKind;
  /** Offsets of the secret value (not its label) in the scanned text. */
  readonly start: number;
  readonly end: number;
  /** What it looks like, for a person: "a JWT", "an Authorization: Bearer header". */
  readonly label: string;
}

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

/** Finds credentials in text. (Initial version: JWTs only; the guard issue extends it.) */
export function detectSecrets(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const m of text.matchAll(JWT)) {
    found.push({ kind: 'jwt', start: m.index, end: m.index + m[0].length, label: 'a JWT' });
  }
  return found;
}

/** Replaces every detected secret with a fixed mask, keeping the rest of the text. */
export function maskSecrets(text: string): string {
  const findings = detectSecrets(text).sort((a, b) => b.start - a.start);
  let out = text;
  for (const f of findings) out = `${out.slice(0, f.start)}[redacted ${f.kind}]${out.slice(f.end)}`;
  return out;
}
