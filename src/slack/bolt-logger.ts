import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../adapters/logger.js';
import { isVisitorMistake } from './install/pages.js';

/** Longest piece of a Bolt log message we keep; Bolt can quote whole payloads. */
const MAX_PART = 300;

/**
 * Bolt's logger interface over ours. Bolt's debug output dumps whole request bodies (pasted text
 * included), so debug is dropped; other messages are flattened and cut short. Bolt's installer
 * logs every failed install redirect at `error`, a stale or foreign install link included; those
 * are a visitor's mistake, which the install failure page logs once at `warn`, so they are dropped.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const forward =
    (fn: (obj: object, msg?: string) => void) =>
    (...parts: unknown[]): void => {
      fn({ source: 'bolt' }, parts.map(describe).join(' '));
    };
  return {
    debug: () => undefined,
    info: forward((o, m) => {
      logger.info(o, m);
    }),
    warn: forward((o, m) => {
      logger.warn(o, m);
    }),
    error: (...parts: unknown[]) => {
      if (parts.length === 1 && isVisitorMistake(codeOf(parts[0]))) return;
      forward((o, m) => {
        logger.error(o, m);
      })(...parts);
    },
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function codeOf(part: unknown): string {
  const code = (part as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

function describe(part: unknown): string {
  if (part instanceof Error) return cut(`${part.name}: ${part.message}`);
  if (typeof part === 'string') return cut(part);
  try {
    return cut(JSON.stringify(part));
  } catch {
    return '[unprintable]';
  }
}

function cut(text: string): string {
  return text.length > MAX_PART ? `${text.slice(0, MAX_PART)}…` : text;
}
