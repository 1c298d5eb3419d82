import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { maskSecrets } from '../core/secrets/detect.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The logging port the app's layers use; a pino logger satisfies it. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Field paths that may carry credentials in anything we log (Slack payloads, requests, views). */
const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.client_secret',
  '*.clientSecret',
  '*.secret',
  '*.password',
  '*.access_token',
  '*.refresh_token',
  '*.refreshToken',
  '*.id_token',
  '*.assertion',
  '*.client_assertion',
  '*.privateKey',
  '*.private_key',
  '*.token',
  '*.text',
  '*.values',
  'view.state',
  '*.view.state',
];

/**
 * JSON logger with two layers of protection: known secret-bearing paths are censored, and every
 * string value that reaches a log line passes through the credential detector.
 */
export function createLogger(
  options: { level?: LogLevel; destination?: DestinationStream; name?: string } = {},
): PinoLogger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { name: options.name ?? 'authhelp' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskSecrets(a) : a));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination(1),
  );
}

/** Masks credentials in every string of a log object (depth-limited; errors become plain fields). */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskSecrets(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const code = (value as NodeJS.ErrnoException).code;
    return {
      type: value.name,
      message: maskSecrets(value.message),
      ...(code === undefined ? {} : { code }),
    };
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrub(v, depth + 1);
  return out;
}
