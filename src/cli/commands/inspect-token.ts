import { readFile } from 'node:fs/promises';
import { fetchJwks } from '../../adapters/jwks-fetch.js';
import { fingerprintToken } from '../../adapters/token-fingerprint.js';
import { makeFinding } from '../../core/finding.js';
import { hasErrors, inspectToken, tokenForVerification } from '../../core/jwt/inspect.js';
import { parseKeyMaterial } from '../../core/jwt/keys.js';
import type { Inspection, TokenUse } from '../../core/jwt/types.js';
import { verifyInspection, type KeySource } from '../../core/jwt/verify.js';
import type { Command, CommandContext } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, writeLine } from '../io.js';
import { inspectionJson, renderInspection } from '../render/token.js';

/** Read a little more than the inspector accepts, so an oversized paste is reported as such. */
const STDIN_LIMIT = 1024 * 1024 + 1;
const MAX_KEY_FILE = 1024 * 1024;
const USES: readonly TokenUse[] = ['access', 'refresh', 'assertion'];

export const inspectTokenCommand: Command = {
  name: 'inspect-token',
  summary: 'decode a JWT (TOKEN or stdin) and say what NetSuite/Workday would object to',
  usage:
    'authhelp inspect-token [TOKEN] [--json] [--use access|refresh|assertion] [--client-id ID] ' +
    '[--public-key FILE | --jwks-url URL]   (exit 0: no errors, 1: error findings, 2: usage)',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        json: { type: 'boolean' },
        use: { type: 'string' },
        'client-id': { type: 'string' },
        'public-key': { type: 'string' },
        'jwks-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      1,
    );
    if (values.help === true) {
      writeLine(ctx.io.stdout, `usage: ${this.usage}`);
      return 0;
    }
    const use = parseUse(values.use);
    if (values['public-key'] !== undefined && values['jwks-url'] !== undefined) {
      throw new UsageError('give either --public-key or --jwks-url, not both');
    }
    const input = await readToken(positionals[0], ctx);
    const keyFile =
      values['public-key'] === undefined ? undefined : await readKeyFile(values['public-key']);
    let inspection = inspectToken(input, {
      now: ctx.now(),
      fingerprint: fingerprintToken,
      ...(use === undefined ? {} : { use }),
      ...(values['client-id'] === undefined ? {} : { clientId: values['client-id'] }),
    });
    const token = tokenForVerification(input);
    if (keyFile !== undefined) inspection = await verifyInspection(inspection, token, keyFile);
    if (values['jwks-url'] !== undefined) {
      inspection = await verifyWithJwks(inspection, token, values['jwks-url'], ctx);
    }
    if (values.json === true) writeLine(ctx.io.stdout, inspectionJson(inspection));
    else for (const line of renderInspection(inspection)) writeLine(ctx.io.stdout, line);
    return hasErrors(inspection) ? 1 : 0;
  },
};

function parseUse(value: string | undefined): TokenUse | undefined {
  if (value === undefined) return undefined;
  const use = USES.find((u) => u === value);
  if (use === undefined) throw new UsageError('--use must be access, refresh or assertion');
  return use;
}

async function readToken(positional: string | undefined, ctx: CommandContext): Promise<string> {
  if (positional !== undefined) {
    if (positional.trim() === '') throw new UsageError('TOKEN is empty');
    // Like `step crypto jwt inspect`, nudge towards stdin: arguments land in shell history.
    writeLine(
      ctx.io.stderr,
      'authhelp: note: a token given as an argument stays in your shell history; pipe it on stdin instead',
    );
    return positional;
  }
  const read = await ctx.io.readStdin(STDIN_LIMIT);
  if (read.isTty) throw new UsageError('no token: give TOKEN or pipe one into stdin');
  if (read.text.trim() === '') throw new UsageError('no token on stdin');
  return read.text;
}

async function readKeyFile(path: string): Promise<KeySource> {
  let text: string;
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_KEY_FILE)
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

async function verifyWithJwks(
  inspection: Inspection,
  token: string,
  url: string,
  ctx: CommandContext,
): Promise<Inspection> {
  if (!inspection.decoded) return inspection;
  const fetched = await fetchJwks(url, { policy: ctx.config.targetPolicy });
  const parsed = fetched.ok ? parseKeyMaterial(fetched.text) : undefined;
  if (fetched.ok && parsed?.ok === true && parsed.material.kind === 'jwks') {
    return verifyInspection(inspection, token, {
      material: parsed.material,
      label: `the JWKS from ${fetched.host}`,
    });
  }
  const reason = fetched.ok ? 'the answer is not a JWK set ({"keys": [...]})' : fetched.reason;
  const unavailable = makeFinding('token', {
    code: 'token.signature.jwks-unavailable',
    severity: 'warning',
    title: 'The signature could not be checked: the JWK set was not available',
    evidence: reason,
  });
  return { ...inspection, findings: [...inspection.findings, unavailable] };
}
