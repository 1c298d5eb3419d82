import { privateKeyFromPem } from '../../adapters/http/private-key.js';
import type { CheckInput, ClientAuth, PrivateJwk } from '../../core/check/types.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { readFileCapped } from '../read-capped.js';
import { quoted } from '../render/terminal.js';

export interface CheckFlags {
  readonly 'token-url'?: string;
  readonly 'client-id'?: string;
  readonly tenant?: string;
  readonly 'account-id'?: string;
  readonly 'certificate-id'?: string;
  readonly 'private-key'?: string;
  readonly alg?: string;
  readonly scope?: string;
  readonly 'api-url'?: string;
  readonly auth?: string;
  readonly grant?: string;
}

interface Secrets {
  clientSecret?: string;
  refreshToken?: string;
}

const STDIN_LIMIT = 64 * 1024;
/** A PEM private key is a few KB; more is another file given by mistake. */
const MAX_KEY_FILE = 1024 * 1024;

/** Builds the check input from flags, secrets from the environment or stdin (never from flags). */
export async function buildCheckInput(
  system: string,
  flags: CheckFlags,
  ctx: CommandContext,
): Promise<CheckInput> {
  const clientId = required(flags['client-id'], '--client-id');
  const auth = parseAuth(flags.auth);
  const opt = (key: string, value: string | undefined): Record<string, string> =>
    value === undefined ? {} : { [key]: value };
  if (system === 'workday') {
    const tokenUrl = required(flags['token-url'], '--token-url');
    const s = await secrets(ctx, ['clientSecret', 'refreshToken']);
    return {
      system,
      tokenUrl,
      clientId,
      clientSecret: s.clientSecret ?? '',
      refreshToken: s.refreshToken ?? '',
      ...opt('tenant', flags.tenant),
      ...opt('apiUrl', flags['api-url']),
      ...(auth === undefined ? {} : { auth }),
    };
  }
  if (system === 'oauth2') return oauth2Input(flags, clientId, auth, ctx);
  if (system === 'netsuite') return netsuiteInput(flags, clientId, ctx);
  throw new UsageError(`unknown system ${quoted(system)}: use workday, netsuite or oauth2`);
}

async function oauth2Input(
  flags: CheckFlags,
  clientId: string,
  auth: ClientAuth | undefined,
  ctx: CommandContext,
): Promise<CheckInput> {
  const tokenUrl = required(flags['token-url'], '--token-url');
  const grant = flags.grant ?? 'client_credentials';
  if (grant !== 'client_credentials' && grant !== 'refresh_token')
    throw new UsageError('--grant must be client_credentials or refresh_token');
  const keyFile = flags['private-key'];
  if (keyFile !== undefined && auth !== undefined)
    throw new UsageError(
      '--auth is for a client secret; with --private-key the client uses private_key_jwt',
    );
  const needed: (keyof Secrets)[] = [
    ...(keyFile === undefined ? (['clientSecret'] as const) : []),
    ...(grant === 'refresh_token' ? (['refreshToken'] as const) : []),
  ];
  const s = needed.length === 0 ? {} : await secrets(ctx, needed);
  return {
    system: 'oauth2',
    tokenUrl,
    clientId,
    grant,
    ...(s.clientSecret === undefined ? {} : { clientSecret: s.clientSecret }),
    ...(s.refreshToken === undefined ? {} : { refreshToken: s.refreshToken }),
    ...(keyFile === undefined ? {} : { privateKey: await loadPrivateKey(keyFile, ctx) }),
    ...(flags.alg === undefined ? {} : { algorithm: flags.alg }),
    ...(flags.scope === undefined ? {} : { scope: flags.scope }),
    ...(flags['api-url'] === undefined ? {} : { apiUrl: flags['api-url'] }),
    ...(auth === undefined ? {} : { auth }),
  };
}

async function netsuiteInput(
  flags: CheckFlags,
  clientId: string,
  ctx: CommandContext,
): Promise<CheckInput> {
  if (flags['account-id'] === undefined && flags['token-url'] === undefined)
    throw new UsageError('give --account-id (or an explicit --token-url)');
  const grant =
    flags.grant ?? (flags['private-key'] === undefined ? 'refresh_token' : 'client_credentials');
  if (grant !== 'client_credentials' && grant !== 'refresh_token')
    throw new UsageError('--grant must be client_credentials or refresh_token');
  const common = {
    system: 'netsuite' as const,
    clientId,
    ...(flags['account-id'] === undefined ? {} : { accountId: flags['account-id'] }),
    ...(flags['token-url'] === undefined ? {} : { tokenUrl: flags['token-url'] }),
    ...(flags['api-url'] === undefined ? {} : { apiUrl: flags['api-url'] }),
    ...(flags.scope === undefined
      ? {}
      : { scopes: flags.scope.split(/[\s,]+/).filter((s) => s !== '') }),
  };
  if (grant === 'refresh_token') {
    const s = await secrets(ctx, ['clientSecret', 'refreshToken']);
    return {
      ...common,
      grant,
      clientSecret: s.clientSecret ?? '',
      refreshToken: s.refreshToken ?? '',
    };
  }
  const keyFile = required(flags['private-key'], '--private-key FILE');
  const privateKey = await loadPrivateKey(keyFile, ctx);
  return {
    ...common,
    grant,
    privateKey,
    ...(flags['certificate-id'] === undefined ? {} : { certificateId: flags['certificate-id'] }),
    ...(flags.alg === undefined ? {} : { algorithm: flags.alg.toUpperCase() }),
  };
}

async function loadPrivateKey(file: string, ctx: CommandContext): Promise<PrivateJwk> {
  const pem = await readKey(file, ctx);
  try {
    return privateKeyFromPem(pem);
  } catch (err) {
    throw new UsageError(
      `--private-key: ${err instanceof Error ? err.message : 'unreadable private key'}`,
    );
  }
}

async function readKey(file: string, ctx: CommandContext): Promise<string> {
  if (file === '-') return (await ctx.io.readStdin(STDIN_LIMIT)).text;
  let pem: Buffer | null;
  try {
    pem = await readFileCapped(file, MAX_KEY_FILE);
  } catch {
    throw new UsageError(`--private-key: cannot read the file ${quoted(file)}`);
  }
  if (pem === null)
    throw new UsageError(
      `--private-key: the file ${quoted(file)} is larger than ${MAX_KEY_FILE} bytes; a PEM key is a few KB`,
    );
  return pem.toString('utf8');
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value;
}

function parseAuth(value: string | undefined): ClientAuth | undefined {
  if (value === undefined || value === 'basic' || value === 'post') return value;
  throw new UsageError('--auth must be basic or post');
}

const NAMES: Readonly<
  Record<keyof Secrets, { env: string; keys: readonly string[]; label: string }>
> = {
  clientSecret: {
    env: 'AUTHHELP_CLIENT_SECRET',
    keys: ['client_secret', 'AUTHHELP_CLIENT_SECRET'],
    label: 'client secret',
  },
  refreshToken: {
    env: 'AUTHHELP_REFRESH_TOKEN',
    keys: ['refresh_token', 'AUTHHELP_REFRESH_TOKEN'],
    label: 'refresh token',
  },
};

/**
 * Secrets come from AUTHHELP_CLIENT_SECRET / AUTHHELP_REFRESH_TOKEN, else stdin: `client_secret=…` and
 * `refresh_token=…` lines, or the one missing secret on its own.
 */
async function secrets(ctx: CommandContext, needed: readonly (keyof Secrets)[]): Promise<Secrets> {
  const out: Secrets = {};
  if (ctx.config.clientSecret !== undefined) out.clientSecret = ctx.config.clientSecret;
  if (ctx.config.refreshToken !== undefined) out.refreshToken = ctx.config.refreshToken;
  const missing = needed.filter((k) => out[k] === undefined);
  if (missing.length === 0) return out;
  const stdin = await ctx.io.readStdin(STDIN_LIMIT);
  if (!stdin.isTty && stdin.text.trim() !== '')
    Object.assign(out, parseStdinSecrets(stdin.text, missing));
  const still = needed.filter((k) => out[k] === undefined);
  const first = still[0];
  if (first !== undefined) {
    const n = NAMES[first];
    throw new UsageError(
      `no ${n.label}: set ${n.env} or pipe it on stdin (${n.keys[0] ?? ''}=…), never as a flag`,
    );
  }
  return out;
}

function parseStdinSecrets(text: string, missing: readonly (keyof Secrets)[]): Secrets {
  const out: Secrets = {};
  let labelled = false;
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_]+)\s*[=:]\s?(.*)$/.exec(line);
    const key = (Object.keys(NAMES) as (keyof Secrets)[]).find((k) =>
      NAMES[k].keys.includes(m?.[1] ?? ''),
    );
    if (m?.[2] !== undefined && key !== undefined) {
      out[key] = m[2];
      labelled = true;
    }
  }
  const only = missing[0];
  if (!labelled && missing.length === 1 && only !== undefined)
    out[only] = text.replace(/\r?\n$/, '');
  return out;
}
