import { userInfo } from 'node:os';
import { createLogger } from '../../adapters/logger.js';
import { createCheckRunner } from '../../adapters/http/runner.js';
import type { Catalogue } from '../../core/catalogue/catalogue.js';
import type { CheckInput } from '../../core/check/types.js';
import { printableLines } from '../render/terminal.js';
import { parseCommandArgs } from '../args.js';
import type { Command, CommandContext } from '../context.js';
import { UsageError, writeLine } from '../io.js';
import { buildCheckInput } from './check-input.js';
import { checkJson, renderCheck } from './check-render.js';
import { refreshTokenFile } from './refresh-token-file.js';

const USAGE = [
  'authhelp check workday --token-url URL --client-id ID [--tenant T] [--api-url URL] [--auth basic|post] [--save-refresh-token FILE] [--json]',
  '       authhelp check netsuite --account-id ID --client-id ID --certificate-id ID --private-key FILE [--scope S] [--alg PS256] [--api-url URL]',
  '       authhelp check netsuite --account-id ID --client-id ID --grant refresh_token [--api-url URL] [--save-refresh-token FILE]',
  '       authhelp check oauth2 --token-url URL --client-id ID [--scope S] [--auth basic|post] [--api-url URL]',
  '       authhelp check oauth2 --token-url URL --client-id ID --grant refresh_token [--save-refresh-token FILE]',
  '       authhelp check oauth2 --token-url URL --client-id ID --private-key FILE [--alg ES256] (private_key_jwt)',
  '  secrets: AUTHHELP_CLIENT_SECRET, AUTHHELP_REFRESH_TOKEN or stdin (client_secret=… / refresh_token=… lines); never flags',
  '  a refresh-token check uses the refresh token: a server that rotates them invalidates the one sent;',
  '  --save-refresh-token FILE writes the new one there (mode 0600), never to the output',
  '  exit 0: credentials work, 1: they do not (or the API refused the token), 2: usage error',
].join('\n');

const OPTIONS = {
  'token-url': { type: 'string' },
  'client-id': { type: 'string' },
  tenant: { type: 'string' },
  'account-id': { type: 'string' },
  'certificate-id': { type: 'string' },
  'private-key': { type: 'string' },
  alg: { type: 'string' },
  scope: { type: 'string' },
  'api-url': { type: 'string' },
  auth: { type: 'string' },
  grant: { type: 'string' },
  'save-refresh-token': { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const checkCommand: Command = {
  name: 'check',
  summary: 'try credentials live against a token endpoint (workday, netsuite, oauth2)',
  usage: USAGE,
  async run(argv, ctx) {
    const secretFlag = argv.find((a) =>
      /^--(client-secret|refresh-token|secret|password)(=|$)/.test(a),
    );
    if (secretFlag !== undefined) {
      throw new UsageError(
        `secrets are not taken as flags (they stay in shell history): use AUTHHELP_CLIENT_SECRET / AUTHHELP_REFRESH_TOKEN or stdin`,
      );
    }
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, 1);
    if (values.help === true) {
      writeLine(ctx.io.stdout, `usage: ${USAGE}`);
      return 0;
    }
    const system = positionals[0];
    if (system === undefined) throw new UsageError('which system? workday, netsuite or oauth2');
    const input = await buildCheckInput(system, values, ctx);
    const saveTo = values['save-refresh-token'];
    if (usesRefreshToken(input)) writeLine(ctx.io.stderr, ROTATION_NOTE);
    else if (saveTo !== undefined)
      throw new UsageError(
        '--save-refresh-token needs a refresh-token check (workday, or --grant refresh_token)',
      );
    const vault = saveTo === undefined ? undefined : await refreshTokenFile(saveTo);
    const logger = createLogger({
      level: values.verbose === true ? 'info' : 'warn',
      destination: { write: (s: string) => void ctx.io.stderr.write(printableLines(s)) },
    });
    const run = createCheckRunner({ policy: ctx.config.targetPolicy, logger });
    const outcome = await run(
      input,
      whoAmI(),
      vault === undefined ? {} : { keepRefreshToken: vault.keep },
    );
    if (values.json === true) writeLine(ctx.io.stdout, JSON.stringify(checkJson(outcome)));
    else
      for (const line of renderCheck(outcome, await catalogueOrNull(ctx)))
        writeLine(ctx.io.stdout, printableLines(line));
    if (vault !== undefined) writeLine(ctx.io.stderr, await vault.save());
    return outcome.ok ? 0 : 1;
  },
};

const ROTATION_NOTE =
  'authhelp: note: this check uses the refresh token. A server that rotates refresh tokens invalidates the one sent (some revoke the whole grant when it is reused); give --save-refresh-token FILE to keep the new one.';

function usesRefreshToken(input: CheckInput): boolean {
  return input.system === 'workday' || input.grant === 'refresh_token';
}

function whoAmI(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** Catalogue answers are a bonus in the human output; a broken catalogue must not hide the result. */
async function catalogueOrNull(ctx: CommandContext): Promise<Catalogue | null> {
  try {
    return await ctx.loadCatalogue();
  } catch {
    return null;
  }
}
