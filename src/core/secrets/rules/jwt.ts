import type { SecretFinding } from '../types.js';

// Base64url of a JSON object's start: `{"`, `{ "`, and pretty-printed `{\n  ` / `{\n"` / `{\n\t`.
const JSON_START = /^(?:eyJ|eyAi|ewogI|ewoi|ewoJ)/;
const MIN_PART = 8;
/** Runs of base64url characters and dots: every JWS/JWE compact serialisation is one such run. */
const RUN = /[A-Za-z0-9_.-]+/g;

/**
 * Finds compact JWS (three parts) and JWE (five parts) tokens. Scans maximal runs instead of using a
 * backtracking pattern, so a megabyte of base64 costs one pass.
 */
export function findJwts(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const run of text.matchAll(RUN)) {
    if (!run[0].includes('.')) continue;
    found.push(...tokensInRun(run[0], run.index));
  }
  return found;
}

function tokensInRun(run: string, offset: number): SecretFinding[] {
  const parts = run.split('.');
  const found: SecretFinding[] = [];
  let pos = offset;
  for (let i = 0; i < parts.length; i++) {
    const size = tokenSize(parts, i);
    if (size === 0) {
      pos += (parts[i] ?? '').length + 1;
      continue;
    }
    const length = parts.slice(i, i + size).join('.').length;
    found.push(size === 5 ? jwe(pos, pos + length) : jws(pos, pos + length));
    pos += length + 1;
    i += size - 1;
  }
  return found;
}

/** 5 for a JWE starting at part i, 3 for a JWS, 0 for neither. */
function tokenSize(parts: readonly string[], i: number): number {
  const header = parts[i] ?? '';
  if (header.length < MIN_PART || !JSON_START.test(header)) return 0;
  const [p1, p2, p3, p4] = [parts[i + 1], parts[i + 2], parts[i + 3], parts[i + 4]];
  // JWE: header . encrypted key (empty for "dir") . iv . ciphertext . tag
  if (p1 !== undefined && p2 && p3 && p4 && !JSON_START.test(p1)) return 5;
  if (p1 !== undefined && p1.length >= MIN_PART && JSON_START.test(p1) && p2 !== undefined)
    return 3;
  return 0;
}

function jws(start: number, end: number): SecretFinding {
  return { kind: 'jwt', start, end, label: 'a JWT' };
}

function jwe(start: number, end: number): SecretFinding {
  return { kind: 'jwt', start, end, label: 'an encrypted JWT (JWE)', name: 'jwe' };
}
