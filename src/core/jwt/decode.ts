import { base64url, decodeJwt, decodeProtectedHeader } from 'jose';
import { makeFinding, type Finding } from '../finding.js';
import { MAX_TOKEN_LENGTH } from './normalise.js';
import type { JsonObject } from './types.js';

export type Decoded =
  | { readonly ok: true; readonly header: JsonObject; readonly claims: JsonObject }
  | { readonly ok: false; readonly encrypted: boolean; readonly finding: Finding };

const B64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes header and claims with jose, without verifying anything. Every way the input can be
 * wrong becomes one finding that says which part is broken; nothing throws.
 */
export function decodeToken(token: string): Decoded {
  if (token.length === 0) return malformed('empty', 'The input is empty', 'no characters');
  if (token.length > MAX_TOKEN_LENGTH) {
    return malformed(
      'too-long',
      'This is too long to be a token',
      `${token.length} characters; tokens are a few thousand at most`,
    );
  }
  const parts = token.split('.');
  if (parts.length === 5) return encrypted(parts[0] ?? '');
  if (parts.length !== 3) {
    return malformed(
      'parts',
      'Not a JWT: a JWT has three parts separated by dots',
      `${parts.length} part${parts.length === 1 ? '' : 's'}`,
    );
  }
  const problem = partProblem(parts[0] ?? '', 'header') ?? partProblem(parts[1] ?? '', 'payload');
  if (problem !== undefined) return problem;
  return joseDecode(token);
}

function joseDecode(token: string): Decoded {
  try {
    const header = decodeProtectedHeader(token) as JsonObject;
    const claims = decodeJwt(token) as JsonObject;
    return { ok: true, header, claims };
  } catch (err) {
    // Our own checks above explain the usual failures; this only reports jose's stable code.
    const code = (err as { code?: unknown }).code;
    return malformed(
      'jose',
      'The token could not be decoded',
      `jose ${typeof code === 'string' ? code : 'error'}`,
    );
  }
}

/** Why one base64url part cannot be a JSON object, if it cannot. */
function partProblem(part: string, name: 'header' | 'payload'): Decoded | undefined {
  if (part.length === 0) return malformed(`${name}.empty`, `The ${name} part is empty`, name);
  if (!B64URL.test(part) || part.length % 4 === 1) {
    const bad = /[^A-Za-z0-9_-]/u.exec(part)?.[0];
    const evidence =
      bad === undefined
        ? `${part.length} characters is not a valid base64url length`
        : `character ${JSON.stringify(bad)} is not base64url${bad === '+' || bad === '/' ? ' (standard base64 was used)' : ''}`;
    return malformed(`${name}.base64url`, `The ${name} is not base64url`, evidence);
  }
  const json = parseJson(part);
  if (json === undefined) {
    return malformed(`${name}.json`, `The ${name} does not decode to JSON`, `${name} is not JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const type = json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json;
    return malformed(
      `${name}.not-object`,
      `The ${name} is JSON but not an object`,
      `${name} is ${type}`,
    );
  }
  return undefined;
}

function parseJson(part: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(part)));
  } catch {
    return undefined;
  }
}

function encrypted(header: string): Decoded {
  const parsed = parseJson(header);
  const raw =
    typeof parsed === 'object' && parsed !== null && 'enc' in parsed ? parsed.enc : undefined;
  const enc = typeof raw === 'string' && /^[A-Za-z0-9+-]{1,20}$/.test(raw) ? raw : '?';
  return {
    ok: false,
    encrypted: true,
    finding: makeFinding('token', {
      code: 'token.encrypted',
      severity: 'warning',
      title: 'This is an encrypted token (JWE): its claims cannot be read without the private key',
      evidence: `five parts, enc ${enc}`,
    }),
  };
}

function malformed(code: string, title: string, evidence: string): Decoded {
  return {
    ok: false,
    encrypted: false,
    finding: makeFinding('token', { code: `token.malformed.${code}`, title, evidence, score: 95 }),
  };
}
