import type { TargetPolicy } from './core/check/types.js';
import { AuthHelpError } from './core/errors.js';

/**
 * The command line's environment. Read without zod on purpose: a one-shot `authhelp diagnose`
 * must start in about the time of `node -e 0`, and loading zod alone costs more than that. The
 * Slack app's richer configuration stays in config.ts; config.ts re-exports this.
 */
type Env = Readonly<Record<string, string | undefined>>;

export interface CliConfig {
  readonly knowledgeDir: string | undefined;
  readonly targetPolicy: TargetPolicy;
  /** Secrets for `authhelp check`, so they stay out of shell history. */
  readonly clientSecret: string | undefined;
  readonly refreshToken: string | undefined;
}

const FLAGS: Readonly<Record<string, boolean>> = {
  '1': true,
  true: true,
  '0': false,
  false: false,
};

export function loadCliConfig(env: Env): CliConfig {
  const dir = env['AUTHHELP_KNOWLEDGE_DIR'];
  if (dir === '') {
    throw invalid(
      'AUTHHELP_KNOWLEDGE_DIR',
      'AUTHHELP_KNOWLEDGE_DIR is empty: unset it or name a folder',
    );
  }
  const local = env['AUTHHELP_ALLOW_LOCAL_TARGETS'];
  const allowLocalTargets = local === undefined || local === '' ? false : FLAGS[local];
  if (allowLocalTargets === undefined) {
    throw invalid(
      'AUTHHELP_ALLOW_LOCAL_TARGETS',
      'AUTHHELP_ALLOW_LOCAL_TARGETS must be 1, 0, true or false',
    );
  }
  return Object.freeze({
    knowledgeDir: dir,
    targetPolicy: targetPolicy(allowLocalTargets),
    clientSecret: emptyToUndefined(env['AUTHHELP_CLIENT_SECRET']),
    refreshToken: emptyToUndefined(env['AUTHHELP_REFRESH_TOKEN']),
  });
}

/** The one place AUTHHELP_ALLOW_LOCAL_TARGETS becomes a policy value (config.ts uses it too). */
export function targetPolicy(allowLocalTargets: boolean): TargetPolicy {
  return Object.freeze({ allowLocalTargets });
}

function invalid(variable: string, message: string): AuthHelpError {
  return new AuthHelpError('CONFIG_INVALID', message, { context: { variable } });
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
