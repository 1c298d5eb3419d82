import { issuerKeys } from '../../adapters/issuer-keys.js';
import { fetchPublicJson } from '../../adapters/jwks-fetch.js';
import { parseKeyMaterial, type KeySource } from '../../core/jwt/keys.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { readFileCapped } from '../read-capped.js';

const MAX_KEY_FILE = 1024 * 1024;

interface KeyFlags {
  readonly 'public-key'?: string | undefined;
  readonly 'jwks-url'?: string | undefined;
  readonly issuer?: string | undefined;
}

/** The key to verify with, or why there is none: verification was asked for either way. */
type KeyLookup =
  | { readonly ok: true; readonly source: KeySource }
  | { readonly ok: false; readonly reason: string };

/** Whether any verification was asked for. */
export function wantsVerification(flags: KeyFlags): boolean {
  return (
    flags['public-key'] !== undefined ||
    flags['jwks-url'] !== undefined ||
    flags.issuer !== undefined
  );
}

/** --public-key FILE, --jwks-url URL, --issuer URL (metadata → jwks_uri), or --jwks-url with --issuer. */
export async function lookUpKey(flags: KeyFlags, ctx: CommandContext): Promise<KeyLookup> {
  const issuer = flags.issuer;
  const trust = issuer === undefined ? {} : { issuer };
  if (flags['public-key'] !== undefined) {
    const source = await readKeyFile(flags['public-key']);
    return { ok: true, source: { ...source, ...trust } };
  }
  const options = { policy: ctx.config.targetPolicy };
  if (flags['jwks-url'] !== undefined) {
    const fetched = await fetchPublicJson(flags['jwks-url'], 'jwksUrl', options);
    if (!fetched.ok) return { ok: false, reason: `--jwks-url: ${fetched.reason}` };
    return keySet(fetched.json, fetched.url.href, '--jwks-url', trust);
  }
  if (issuer === undefined) return { ok: false, reason: 'no key given' };
  const found = await issuerKeys(issuer, options);
  if (!found.ok) return { ok: false, reason: `--issuer: ${found.reason}` };
  return keySet(found.jwks, found.jwksUrl, '--issuer', { ...trust, fromIssuerMetadata: true });
}

function keySet(
  json: unknown,
  url: string,
  flag: string,
  trust: Pick<KeySource, 'issuer' | 'fromIssuerMetadata'>,
): KeyLookup {
  const parsed = parseKeyMaterial(JSON.stringify(json));
  if (!parsed.ok || parsed.material.kind !== 'jwks')
    return { ok: false, reason: `${flag}: the answer is not a JWK set ({"keys": [...]})` };
  const host = new URL(url).host;
  return {
    ok: true,
    source: { material: parsed.material, label: `the JWKS from ${host}`, url, ...trust },
  };
}

async function readKeyFile(path: string): Promise<KeySource> {
  let text: string;
  try {
    const buffer = await readFileCapped(path, MAX_KEY_FILE);
    if (buffer === null)
      throw new UsageError(`--public-key file is larger than ${MAX_KEY_FILE} bytes`);
    text = buffer.toString('utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as { code?: unknown }).code;
    throw new UsageError(
      `cannot read --public-key file (${typeof code === 'string' ? code : 'error'})`,
    );
  }
  const parsed = parseKeyMaterial(text);
  if (!parsed.ok) throw new UsageError(`--public-key: ${parsed.reason}`);
  return { material: parsed.material, label: 'the --public-key file' };
}
