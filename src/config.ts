import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TargetPolicy } from './core/check/types.js';
import { targetPolicy } from './config-cli.js';
import { AuthHelpError } from './core/errors.js';

/**
 * The only modules that read the environment: this one (the Slack app, with zod) and config-cli.ts
 * (the command line, without zod so it starts fast). Each entry point asks for the part it needs.
 */
export { loadCliConfig, type CliConfig } from './config-cli.js';

type Env = Readonly<Record<string, string | undefined>>;

const flag = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const BOT_TOKEN_HELP =
  'copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions, or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install into many workspaces';
const INSTALL_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** An empty variable counts as unset (shell files often write `NAME=`). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const slackSchema = z
  .object({
    SLACK_BOT_TOKEN: unsetIfEmpty(
      z
        .string()
        .regex(/^xoxb-/, 'SLACK_BOT_TOKEN must start with xoxb- (the Bot User OAuth Token)'),
    ),
    SLACK_CLIENT_ID: unsetIfEmpty(
      z
        .string()
        .regex(
          /^\S+$/,
          'SLACK_CLIENT_ID must be the Client ID from Basic Information → App Credentials',
        ),
    ),
    SLACK_CLIENT_SECRET: unsetIfEmpty(z.string().min(1)),
    SLACK_STATE_SECRET: unsetIfEmpty(
      z
        .string()
        .min(32, 'SLACK_STATE_SECRET must be at least 32 random characters (openssl rand -hex 32)'),
    ),
    SLACK_REDIRECT_URI: unsetIfEmpty(
      z.url({
        protocol: /^https?$/,
        error:
          'SLACK_REDIRECT_URI must be the https URL of /slack/oauth_redirect listed under Redirect URLs',
      }),
    ),
    SLACK_STATE_VERIFICATION: z
      .enum(['1', '0', 'true', 'false'], {
        error: 'SLACK_STATE_VERIFICATION must be 1/true (default) or 0/false',
      })
      .optional()
      .transform((v) => v !== '0' && v !== 'false'),
    // Only whether it is set: loadStoreConfig parses it.
    AUTHHELP_ENCRYPTION_KEY: z.string().optional(),
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(
        /^xapp-/,
        'SLACK_APP_TOKEN must start with xapp- (an app-level token with connections:write)',
      )
      .optional(),
    SLACK_API_URL: z
      .url({ error: 'SLACK_API_URL must be a URL such as https://slack.com/api/' })
      .optional(),
    PORT: z.coerce
      .number({ error: 'PORT must be a number' })
      .int()
      .min(0, 'PORT must be 0–65535')
      .max(65535, 'PORT must be 0–65535')
      .default(3000),
    AUTHHELP_CHANNELS: z.string().optional(),
    AUTHHELP_KNOWLEDGE_DIR: z.string().min(1).optional(),
    AUTHHELP_WATCH_KNOWLEDGE: z
      .enum(['1', '0', 'true', 'false', ''], {
        error: 'AUTHHELP_WATCH_KNOWLEDGE must be 1/true (default) or 0/false',
      })
      .optional()
      .transform((v) => v !== '0' && v !== 'false'),
    AUTHHELP_MAINTAINERS: z
      .string()
      .optional()
      .transform(splitList)
      .refine((ids) => ids.every((id) => /^[UW][A-Z0-9]{2,20}$/.test(id)), {
        error:
          'AUTHHELP_MAINTAINERS must list Slack user ids (U… or W…, from a profile\'s "Copy member ID"), comma-separated',
      }),
    AUTHHELP_ALLOW_LOCAL_TARGETS: flag,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    AUTHHELP_SHUTDOWN_GRACE_MS: z.coerce
      .number({ error: 'AUTHHELP_SHUTDOWN_GRACE_MS must be a number of milliseconds' })
      .int()
      .min(0, 'AUTHHELP_SHUTDOWN_GRACE_MS must be 0–600000')
      .max(600_000, 'AUTHHELP_SHUTDOWN_GRACE_MS must be 0–600000')
      .default(10_000),
    AUTHHELP_JOB_LEASE_MS: z.coerce
      .number({ error: 'AUTHHELP_JOB_LEASE_MS must be a number of milliseconds' })
      .int()
      .min(1_000, 'AUTHHELP_JOB_LEASE_MS must be 1000–600000')
      .max(600_000, 'AUTHHELP_JOB_LEASE_MS must be 1000–600000')
      .default(60_000),
    AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS: z.coerce
      .number({ error: 'AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS must be a number of milliseconds' })
      .int()
      .min(500, 'AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS must be 500–300000')
      .max(300_000, 'AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS must be 500–300000')
      .default(15_000),
  })
  .superRefine((v, ctx) => {
    // A lease that can end while its own try still waits on Slack lets this (live) instance claim
    // the reply again and send it twice; twice the try's limit leaves room for the outcome's write.
    if (v.AUTHHELP_JOB_LEASE_MS < 2 * v.AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTHHELP_JOB_LEASE_MS'],
        message: `AUTHHELP_JOB_LEASE_MS (${String(v.AUTHHELP_JOB_LEASE_MS)}) must be at least twice AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS (${String(v.AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS)}): a shorter lease lets an instance claim a reply it is still sending and send it twice`,
      });
    }
    if (v.SLACK_APP_TOKEN === undefined && (v.SLACK_SIGNING_SECRET ?? '') === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message:
          'SLACK_SIGNING_SECRET is not set: copy the Signing Secret from Basic Information (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    const problem = authModeProblem(v);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', ...problem });
  });

/**
 * One workspace (SLACK_BOT_TOKEN) or installs into many (the three SLACK_CLIENT_… variables and an
 * encryption key for the tokens they bring): exactly one of the two, complete.
 */
function authModeProblem(v: {
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_CLIENT_ID?: string | undefined;
  SLACK_CLIENT_SECRET?: string | undefined;
  SLACK_STATE_SECRET?: string | undefined;
  AUTHHELP_ENCRYPTION_KEY?: string | undefined;
}): { path: string[]; message: string } | undefined {
  const given = INSTALL_VARIABLES.filter((name) => (v[name] ?? '') !== '');
  if (given.length === 0)
    return v.SLACK_BOT_TOKEN === undefined
      ? { path: ['SLACK_BOT_TOKEN'], message: `SLACK_BOT_TOKEN is not set: ${BOT_TOKEN_HELP}` }
      : undefined;
  if (v.SLACK_BOT_TOKEN !== undefined)
    return {
      path: ['SLACK_BOT_TOKEN'],
      message: `SLACK_BOT_TOKEN and ${given.join(', ')} are both set: unset SLACK_BOT_TOKEN to install into many workspaces, or unset ${INSTALL_VARIABLES.join(', ')} to run in one`,
    };
  const missing = INSTALL_VARIABLES.find((name) => !given.includes(name));
  if (missing !== undefined)
    return {
      path: [missing],
      message: `${missing} is not set: installing into many workspaces needs ${INSTALL_VARIABLES.join(', ')} (see the README, "Install into many workspaces")`,
    };
  if ((v.AUTHHELP_ENCRYPTION_KEY ?? '') === '')
    return {
      path: ['AUTHHELP_ENCRYPTION_KEY'],
      message:
        'AUTHHELP_ENCRYPTION_KEY is not set: installs into many workspaces keep their bot tokens encrypted (openssl rand -base64 32)',
    };
  return undefined;
}

/** Serving Slack's OAuth install flow: the app's credentials and how the redirect is checked. */
export interface InstallConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the OAuth `state` (bound to the installing browser by a cookie). */
  readonly stateSecret: string;
  /** SLACK_REDIRECT_URI: sent to Slack when the app lists several redirect URLs. */
  readonly redirectUri: string | undefined;
  /** False accepts a redirect without our `state`: org admins approving an org-wide install. */
  readonly stateVerification: boolean;
}

export interface SlackConfig {
  /** The one workspace's token; undefined when the app installs into many (`install`). */
  readonly botToken: string | undefined;
  /** Set when SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are. */
  readonly install: InstallConfig | undefined;
  readonly signingSecret: string | undefined;
  readonly appToken: string | undefined;
  readonly socketMode: boolean;
  readonly apiUrl: string | undefined;
  readonly port: number;
  /** Channel ids the app may answer in on its own; empty means every channel it is a member of. */
  readonly channels: readonly string[];
  readonly knowledgeDir: string | undefined;
  /** Reload the catalogue when its directory changes (SIGHUP and `authhelp reload` always work). */
  readonly watchKnowledge: boolean;
  /** Slack user ids who see "Catalogue health" on App Home. */
  readonly maintainers: readonly string[];
  /** AUTHHELP_ALLOW_LOCAL_TARGETS: where the live check and the key-set fetch may connect. */
  readonly targetPolicy: TargetPolicy;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** On SIGTERM/SIGINT: how long to finish replies under way before handing them back. */
  readonly shutdownGraceMs: number;
  /**
   * How long a reply being sent stays invisible to other instances; after a crash, another
   * instance sends it once this has passed.
   */
  readonly jobLeaseMs: number;
  /** One try at sending a reply is given up (and retried) after this; at most half the lease. */
  readonly jobAttemptTimeoutMs: number;
}

export function loadSlackConfig(env: Env): SlackConfig {
  const v = parseOrThrow(slackSchema, env);
  return Object.freeze({
    botToken: v.SLACK_BOT_TOKEN,
    install:
      v.SLACK_CLIENT_ID === undefined ||
      v.SLACK_CLIENT_SECRET === undefined ||
      v.SLACK_STATE_SECRET === undefined
        ? undefined
        : {
            clientId: v.SLACK_CLIENT_ID,
            clientSecret: v.SLACK_CLIENT_SECRET,
            stateSecret: v.SLACK_STATE_SECRET,
            redirectUri: v.SLACK_REDIRECT_URI,
            stateVerification: v.SLACK_STATE_VERIFICATION,
          },
    signingSecret: v.SLACK_SIGNING_SECRET,
    appToken: v.SLACK_APP_TOKEN,
    socketMode: v.SLACK_APP_TOKEN !== undefined,
    apiUrl: v.SLACK_API_URL,
    port: v.PORT,
    channels: splitList(v.AUTHHELP_CHANNELS),
    knowledgeDir: v.AUTHHELP_KNOWLEDGE_DIR,
    watchKnowledge: v.AUTHHELP_WATCH_KNOWLEDGE,
    maintainers: v.AUTHHELP_MAINTAINERS,
    targetPolicy: targetPolicy(v.AUTHHELP_ALLOW_LOCAL_TARGETS),
    logLevel: v.LOG_LEVEL,
    shutdownGraceMs: v.AUTHHELP_SHUTDOWN_GRACE_MS,
    jobLeaseMs: v.AUTHHELP_JOB_LEASE_MS,
    jobAttemptTimeoutMs: v.AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS,
  });
}

const storeSchema = z.object({
  AUTHHELP_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/,
      'DATABASE_URL must be a postgres:// URL (unset it to use the embedded store)',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  AUTHHELP_DATABASE_SCHEMA: z
    .string()
    .regex(
      /^[a-z_][a-z0-9_]{0,40}$/,
      'AUTHHELP_DATABASE_SCHEMA must be a lower-case SQL name (letters, digits, _)',
    )
    .default('authhelp'),
  AUTHHELP_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const keys = parseEncryptionKeys(v ?? '');
      if (keys !== undefined) return keys;
      ctx.addIssue({
        code: 'custom',
        // The value is a secret: the message never repeats it.
        message:
          'AUTHHELP_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32); list several, newest first and comma-separated, while rotating',
      });
      return z.NEVER;
    }),
  AUTHHELP_JOB_CONCURRENCY: z.coerce
    .number({ error: 'AUTHHELP_JOB_CONCURRENCY must be a number' })
    .int()
    .min(1, 'AUTHHELP_JOB_CONCURRENCY must be 1–1000')
    .max(1000, 'AUTHHELP_JOB_CONCURRENCY must be 1–1000')
    // A reply waits on Slack (~200 ms): 64 in flight allow ~300 replies/s; 32 capped at ~150.
    .default(64),
  AUTHHELP_CHANNEL_CONCURRENCY: z.coerce
    .number({ error: 'AUTHHELP_CHANNEL_CONCURRENCY must be a number' })
    .int()
    .min(1, 'AUTHHELP_CHANNEL_CONCURRENCY must be 1–100')
    .max(100, 'AUTHHELP_CHANNEL_CONCURRENCY must be 1–100')
    .default(4),
  // Empty is unset (30), not 0: an empty line in a shell file must not silently change retention.
  AUTHHELP_RETENTION_DAYS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number({ error: 'AUTHHELP_RETENTION_DAYS must be a number of days (0 keeps no paste text)' })
      .int('AUTHHELP_RETENTION_DAYS must be a whole number of days (0–3650)')
      .min(0, 'AUTHHELP_RETENTION_DAYS must be 0–3650')
      .max(3650, 'AUTHHELP_RETENTION_DAYS must be 0–3650')
      .default(30),
  ),
});

/** An AES-256 key and its id (the first 8 hex digits of its SHA-256), stored beside what it seals. */
export interface EncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

export interface StoreConfig {
  /** `postgres` when DATABASE_URL is set, else the embedded SQLite file under `dataDir`. */
  readonly backend: 'sqlite' | 'postgres';
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** PostgreSQL schema for authhelp's tables; the job queue uses `<schema>_jobs`. */
  readonly databaseSchema: string;
  /** Newest first: the first seals, every one opens (key rotation). Empty: no installs stored. */
  readonly encryptionKeys: readonly EncryptionKey[];
  /** Deferred replies in flight at once, per instance. */
  readonly jobConcurrency: number;
  /** Of those, at most this many for one conversation, so one slow channel cannot hold them all. */
  readonly channelConcurrency: number;
  /**
   * Days the masked paste of a recorded diagnosis is kept; 0 keeps none (only templates and
   * counts). The records themselves are kept for 90 days, or this many if longer.
   */
  readonly retentionDays: number;
}

export function loadStoreConfig(env: Env): StoreConfig {
  const v = parseOrThrow(storeSchema, env);
  return Object.freeze({
    backend: v.DATABASE_URL === undefined ? 'sqlite' : 'postgres',
    dataDir: v.AUTHHELP_DATA_DIR,
    databaseUrl: v.DATABASE_URL,
    databaseSchema: v.AUTHHELP_DATABASE_SCHEMA,
    encryptionKeys: v.AUTHHELP_ENCRYPTION_KEY,
    jobConcurrency: v.AUTHHELP_JOB_CONCURRENCY,
    channelConcurrency: v.AUTHHELP_CHANNEL_CONCURRENCY,
    retentionDays: v.AUTHHELP_RETENTION_DAYS,
  });
}

/** `base64[,base64…]` (or 64 hex digits each) → keys; undefined when any part is not 32 bytes. */
function parseEncryptionKeys(value: string): EncryptionKey[] | undefined {
  const parts = splitList(value);
  const keys: EncryptionKey[] = [];
  for (const part of parts) {
    const key = /^[0-9a-f]{64}$/i.test(part)
      ? Buffer.from(part, 'hex')
      : /^[A-Za-z0-9+/_-]{43}=?$/.test(part)
        ? Buffer.from(part, 'base64')
        : undefined;
    if (key?.length !== 32) return undefined;
    keys.push({ id: createHash('sha256').update(key).digest('hex').slice(0, 8), key });
  }
  return keys;
}

function parseOrThrow<T extends z.ZodType>(schema: T, env: Env): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const name = first?.path.join('.') ?? 'environment';
  const message = first?.message ?? 'invalid configuration';
  throw new AuthHelpError(
    'CONFIG_INVALID',
    message.includes(name) ? message : `${name}: ${message}`,
    {
      context: { variable: name },
    },
  );
}

function splitList(value: string | undefined): readonly string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
