/** Shapes shared by preflight, interpretation, the runner and the renderers of a live check. */
import type { Finding } from '../finding.js';

export type CheckSystem = 'workday' | 'netsuite' | 'oauth2';
type StepStatus = 'passed' | 'failed' | 'skipped' | 'warning';

export interface Step {
  readonly name: string;
  readonly status: StepStatus;
  readonly detail: string;
}

/** The request as shown to the user: secrets replaced by a mask. */
export interface MaskedRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly form: Readonly<Record<string, string>>;
  /** Decoded header and claims of a client assertion we signed (no signature). */
  readonly assertion?: { readonly header: object; readonly claims: object };
}

export type AuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

export interface CheckTarget {
  readonly host: string;
  readonly tenant?: string;
  readonly account?: string;
}

export interface CheckOutcome {
  readonly ok: boolean;
  readonly system: CheckSystem;
  readonly findings: readonly Finding[];
  readonly steps: readonly Step[];
  /** Every token request sent, secrets masked, in order (Basic, then post); empty when none was. */
  readonly requests: readonly MaskedRequest[];
  /** A token was issued; with `ok` false the API call refused it. */
  readonly tokenIssued: boolean;
  readonly durationMs: number;
  readonly target: CheckTarget | null;
  /** The client authentication that worked, when one did. */
  readonly authMethod?: AuthMethod;
}

export type ClientAuth = 'basic' | 'post';

export interface WorkdayCheckInput {
  readonly system: 'workday';
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly tenant?: string;
  readonly apiUrl?: string;
  /** First method to try; basic falls back to post once on invalid_client. */
  readonly auth?: ClientAuth;
}

/** A private key as a JWK (the adapter parses PEM files); it carries secret parts. */
export interface PrivateJwk {
  readonly kty: string;
  readonly crv?: string;
  readonly n?: string;
  readonly d?: string;
  readonly [key: string]: unknown;
}

export interface NetsuiteCheckInput {
  readonly system: 'netsuite';
  readonly grant: 'client_credentials' | 'refresh_token';
  readonly accountId?: string;
  readonly tokenUrl?: string;
  readonly clientId: string;
  readonly certificateId?: string;
  readonly privateKey?: PrivateJwk;
  readonly algorithm?: string;
  readonly scopes?: readonly string[];
  readonly clientSecret?: string;
  readonly refreshToken?: string;
  readonly apiUrl?: string;
  /** Assertion lifetime in seconds (default 300); NetSuite refuses more than 3600. */
  readonly assertionLifetime?: number;
}

export interface OAuth2CheckInput {
  readonly system: 'oauth2';
  readonly tokenUrl: string;
  readonly clientId: string;
  /** client_credentials (default) or refresh_token (needs `refreshToken`). */
  readonly grant?: 'client_credentials' | 'refresh_token';
  /** client_secret_basic / client_secret_post; not needed with `privateKey`. */
  readonly clientSecret?: string;
  readonly refreshToken?: string;
  /** private_key_jwt (RFC 7523): the assertion is signed with this key instead of sending a secret. */
  readonly privateKey?: PrivateJwk;
  readonly algorithm?: string;
  readonly scope?: string;
  readonly auth?: ClientAuth;
  readonly apiUrl?: string;
}

export type CheckInput = WorkdayCheckInput | NetsuiteCheckInput | OAuth2CheckInput;

export interface TargetPolicy {
  /** Tests and local demos only: also http and loopback addresses. */
  readonly allowLocalTargets: boolean;
}

/** What preflight made of the input: cleaned values, findings and where the check would go. */
export interface Prepared<T> {
  readonly input: T;
  readonly findings: readonly Finding[];
  readonly target: CheckTarget | null;
}
