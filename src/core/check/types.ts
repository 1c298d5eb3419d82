/** Shapes shared by preflight, interpretation, the runner and the renderers of a live check. */

export type CheckSystem = 'workday' | 'netsuite' | 'oauth2';
export type Severity = 'error' | 'warning' | 'info';
export type FindingSource = 'preflight' | 'token' | 'api' | 'network';

/** The input a finding is about, so a form can put the error next to the right field. */
export type CheckField =
  | 'tokenUrl'
  | 'tenant'
  | 'accountId'
  | 'clientId'
  | 'clientSecret'
  | 'refreshToken'
  | 'certificateId'
  | 'privateKey'
  | 'algorithm'
  | 'scope'
  | 'apiUrl'
  | 'auth';

export interface Finding {
  /** Catalogue entry id, or null when the finding is a plain explanation. */
  readonly id: string | null;
  /** Stable machine code of this finding, e.g. `preflight.token-url.no-ccx`. */
  readonly code: string;
  readonly severity: Severity;
  readonly source: FindingSource;
  /** One line in plain words. */
  readonly title: string;
  /** What was seen, never a secret. */
  readonly evidence: string;
  readonly fields: readonly CheckField[];
  /** Higher is more likely the cause; findings are sorted by it. */
  readonly score: number;
  /** Where a person can confirm it (NetSuite Login Audit Trail). */
  readonly confirmAt?: string;
  /** Preflight only: the check must not send anything while this stands. */
  readonly blocking?: boolean;
}

export type StepStatus = 'passed' | 'failed' | 'skipped' | 'warning';

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
  readonly request: MaskedRequest | null;
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
  readonly clientSecret: string;
  readonly scope?: string;
  readonly auth?: ClientAuth;
  readonly apiUrl?: string;
}

export type CheckInput = WorkdayCheckInput | NetsuiteCheckInput | OAuth2CheckInput;

export interface TargetPolicy {
  /** Tests and local demos only: also http and loopback addresses. */
  readonly allowLocalTargets: boolean;
}
