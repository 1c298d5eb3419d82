import { fingerprintToken } from '../../adapters/token-fingerprint.js';
import { hasErrors, inspectToken, tokenForVerification } from '../../core/jwt/inspect.js';
import type { TokenUse } from '../../core/jwt/types.js';
import { notVerified, verifyInspection } from '../../core/jwt/verify.js';
import { parseCommandArgs } from '../args.js';
import type { Command, CommandContext } from '../context.js';
import { UsageError, writeLine } from '../io.js';
import { printableLines } from '../render/terminal.js';
import { inspectionJson, renderInspection } from '../render/token.js';
import { lookUpKey, wantsVerification } from './inspect-token-keys.js';

/** Read a little more than the inspector accepts, so an oversized paste is reported as such. */
const STDIN_LIMIT = 1024 * 1024 + 1;
const USES: readonly TokenUse[] = ['access', 'refresh', 'assertion'];

export const inspectTokenCommand: Command = {
  name: 'inspect-token',
  summary: 'decode a JWT (TOKEN or stdin) and say what NetSuite/Workday would object to',
  usage:
    'authhelp inspect-token [TOKEN] [--json] [--use access|refresh|assertion] [--client-id ID] ' +
    '[--public-key FILE | --jwks-url URL | --issuer URL]   (exit 0: no errors, 1: error findings ' +
    'or verification asked for and not achieved, 2: usage)',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        json: { type: 'boolean' },
        use: { type: 'string' },
        'client-id': { type: 'string' },
        'public-key': { type: 'string' },
        'jwks-url': { type: 'string' },
        issuer: { type: 'string' },
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
    let inspection = inspectToken(input, {
      now: ctx.now(),
      fingerprint: fingerprintToken,
      ...(use === undefined ? {} : { use }),
      ...(values['client-id'] === undefined ? {} : { clientId: values['client-id'] }),
    });
    if (wantsVerification(values)) {
      const key = await lookUpKey(values, ctx);
      inspection = key.ok
        ? await verifyInspection(inspection, tokenForVerification(input), key.source)
        : notVerified(inspection, key.reason);
    }
    if (values.json === true) writeLine(ctx.io.stdout, inspectionJson(inspection));
    else
      for (const line of renderInspection(inspection))
        writeLine(ctx.io.stdout, printableLines(line));
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
