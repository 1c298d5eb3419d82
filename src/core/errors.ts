/** Codes for our own faults. Outcomes the product reports (a rejected credential) are values, not errors. */
export type ErrorCode =
  | 'CATALOGUE_INVALID'
  | 'CONFIG_INVALID'
  | 'USAGE'
  | 'UNKNOWN_ENTRY'
  | 'INPUT_INVALID'
  | 'STORE_UNAVAILABLE'
  | 'STORE_INVALID'
  /** No installation for the workspace or org a request comes from (never installed, or removed). */
  | 'NOT_INSTALLED'
  | 'INTERNAL';

export interface AuthHelpErrorOptions {
  readonly cause?: unknown;
  readonly context?: Readonly<Record<string, string | number | boolean>>;
}

/** Base error with a stable code and context fields; messages never carry secrets. */
export class AuthHelpError extends Error {
  readonly code: ErrorCode;
  readonly context: Readonly<Record<string, string | number | boolean>>;

  constructor(code: ErrorCode, message: string, options: AuthHelpErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.context = options.context ?? {};
  }
}

export function isAuthHelpError(value: unknown): value is AuthHelpError {
  return value instanceof AuthHelpError;
}
