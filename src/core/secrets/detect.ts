import { redacted } from './mask.js';
import { findAssignments } from './rules/assignment.js';
import { findAuthorizationHeaders } from './rules/auth-header.js';
import { findBasicPairs } from './rules/basic-pair.js';
import { findJwts } from './rules/jwt.js';
import { findPrivateKeys } from './rules/private-key.js';
import { findSlackTokens } from './rules/slack.js';
import { findUnkeyedPasswords } from './rules/unkeyed-password.js';
import { findVendorTokens, vendorTokenFamily } from './rules/vendor-token.js';
import type { SecretFinding, SecretKind } from './types.js';

// When two findings cover the same text, the more specific kind names it.
const PRIORITY: Readonly<Record<SecretKind, number>> = {
  'private-key': 0,
  jwt: 1,
  'slack-token': 2,
  'vendor-token': 2,
  'authorization-header': 3,
  'basic-pair': 4,
  assignment: 5,
};

/**
 * Finds credentials in text: JWTs and JWEs, Authorization headers, high-entropy `client_secret=` /
 * `refresh_token=` / `password=` style assignments, passwords in a sentence or after a `-p` option, PEM private keys, Slack tokens and
 * vendor-prefixed tokens (`ghp_…`, `sk-…`, `AKIA…`) anywhere. Findings are
 * sorted, never overlap, and carry offsets of the value only.
 */
export function detectSecrets(text: string): SecretFinding[] {
  const all = [
    ...findPrivateKeys(text),
    ...findJwts(text),
    ...findSlackTokens(text),
    ...findVendorTokens(text),
    ...findAuthorizationHeaders(text),
    ...findBasicPairs(text),
    ...findAssignments(text),
    ...findUnkeyedPasswords(text),
  ].sort((a, b) => a.start - b.start || b.end - a.end || PRIORITY[a.kind] - PRIORITY[b.kind]);
  return resolveOverlaps(all);
}

function resolveOverlaps(sorted: readonly SecretFinding[]): SecretFinding[] {
  const kept: SecretFinding[] = [];
  for (const f of sorted) {
    const last = kept.at(-1);
    if (last === undefined || f.start >= last.end) kept.push(f);
    else kept[kept.length - 1] = absorb(last, f);
  }
  return kept;
}

/** Keeps the first finding's kind, widens it to cover both, and names where a JWT was found. */
function absorb(kept: SecretFinding, other: SecretFinding): SecretFinding {
  const end = Math.max(kept.end, other.end);
  if (kept.kind === 'jwt' && kept.name === undefined && other.name !== undefined) {
    return { ...kept, end, label: `${other.label} (JWT)`, name: other.name };
  }
  return { ...kept, end };
}

/** Replaces every detected secret with a fixed mask, keeping the rest of the text. */
export function maskSecrets(text: string): string {
  const findings = detectSecrets(text);
  if (findings.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const f of findings) {
    out += text.slice(pos, f.start) + redacted(maskName(f));
    pos = f.end;
  }
  return out + text.slice(pos);
}

/** A vendor token's mask names its family (`api-token`, `access-token`), not the vendor's prefix. */
function maskName(f: SecretFinding): string {
  return f.kind === 'vendor-token' ? vendorTokenFamily(f.name) : f.kind;
}
