/** Shapes of a token inspection; findings are the core `Finding`, as in the live check. */
import type { Finding } from '../finding.js';

/** What a decoded token appears to be, from its claims alone. */
export type TokenKind =
  | 'netsuite-access'
  | 'netsuite-refresh'
  | 'netsuite-assertion'
  | 'workday-access'
  | 'workday-assertion'
  | 'generic'
  | 'encrypted'
  | 'malformed';

/** Where the token is meant to go, when the caller knows (`--use`); it sharpens type findings. */
export type TokenUse = 'access' | 'refresh' | 'assertion';

export interface TimeClaim {
  readonly claim: 'exp' | 'iat' | 'nbf' | 'auth_time';
  /** Seconds since the epoch, as in the token. */
  readonly value: number;
  /** Absolute UTC, ISO 8601 (`2025-09-16T10:09:00Z`). */
  readonly utc: string;
  /** Relative to the inspection clock, in words: "expired 3 h 12 min ago". */
  readonly relative: string;
}

export type JsonObject = Readonly<Record<string, unknown>>;

export interface Inspection {
  /** The header and claims could be decoded (the signature was not checked). */
  readonly decoded: boolean;
  readonly kind: TokenKind;
  /** For a person: "a NetSuite access token". */
  readonly kindLabel: string;
  /** Short hash that identifies the token without showing it. */
  readonly fingerprint: string;
  readonly header: JsonObject | null;
  readonly claims: JsonObject | null;
  readonly times: readonly TimeClaim[];
  /** Most likely problem first. */
  readonly findings: readonly Finding[];
}

export interface InspectOptions {
  /** The inspection clock (injected so tests and "expired … ago" are deterministic). */
  readonly now: Date;
  /** Identifies the token in output, e.g. a SHA-256 prefix; computed outside the pure core. */
  readonly fingerprint: (token: string) => string;
  readonly use?: TokenUse;
  /** The integration's client id: an assertion's `iss` must equal it. */
  readonly clientId?: string;
  /** Allowed clock difference for `iat`/`nbf` in the future, in seconds (default 60). */
  readonly leewaySeconds?: number;
}
