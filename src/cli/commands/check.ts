import { userInfo } from 'node:os';
import { createLogger } from '../../adapters/logger.js';
import { createCheckRunner } from '../../adapters/http/runner.js';
import type { Catalogue } from '../../core/catalogue/catalogue.js';
import { parseCommandArgs } from '../args.js';
import type { Command, CommandContext } from '../context.js';
import { UsageError, writeLine } from '../io.js';
import { buildCheckInput } from './check-input.js';
import { checkJson, renderCheck } from './check-render.js';

const USAGE = [
  'authhelp check workday --token-url URL --client-id ID [--tenant T] [--api-url URL] [--auth basic|post] [--json]',
  '       authhelp check netsuite --account-id ID --client-id ID --certificate-id ID --private-key FILE [--scope S] [--alg PS256] [--api-url URL]',
  '       authhelp check netsuite --account-id ID --client-id ID --grant refresh_token [--api-url URL]',
  '       authhelp check oauth2 --token-url URL --client-id ID [--scope S] [--auth basic|post] [--api-url URL]',
  '  secrets: AUTHHELP_CLIENT_SECRET, AUTHHELP_REFRESH_TOKEN or stdin (client_secret=… / refresh_token=… lines); never flags',
  '  exit 0: credentials work, 1: they do not, 2: usage error',
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
    const logger = createLogger({
      level: values.verbose === true ? 'info' : 'warn',
      destination: { write: (s: string) => void ctx.io.stderr.write(s) },
    });
    const run = createCheckRunner({ policy: ctx.config.targetPolicy, logger });
    const outcome = await run(input, whoAmI());
    if (values.json === true) writeLine(ctx.io.stdout, JSON.stringify(checkJson(outcome)));
    else
      for (const line of renderCheck(outcome, await catalogueOrNull(ctx)))
        writeLine(ctx.io.stdout, line);
    return outcome.ok ? 0 : 1;
  },
};

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
