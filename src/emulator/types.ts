import type { KeyObject } from 'node:crypto';

/** A Workday API client for integrations, with the refresh tokens generated for it. */
interface WorkdayClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshTokens: readonly string[];
  /** How the REST API answers with this client's token. */
  readonly api?: 'ok' | 's22' | 'insufficient_scope';
  /** 'raw': the Basic header is not form-decoded (a server that breaks RFC 6749 §2.3.1). */
  readonly basicDecoding?: 'rfc' | 'raw';
  /** Answers a refresh with a new refresh token (`wd-rt-…`), as a rotating server does. */
  readonly rotatesRefreshTokens?: boolean;
}

export interface WorkdayTenant {
  /** Edit Tenant Setup – Security: OAuth 2.0 clients enabled (default true). */
  readonly apiClientsEnabled?: boolean;
  readonly clients: readonly WorkdayClient[];
}

type NetsuiteRefreshState = 'valid' | 'expired' | 'revoked' | 'role-disabled';

interface NetsuiteCertificate {
  readonly id: string;
  readonly publicKey: KeyObject;
}

export interface NetsuiteIntegration {
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly refreshTokens?: Readonly<Record<string, NetsuiteRefreshState>>;
  readonly certificates?: readonly NetsuiteCertificate[];
  readonly scopes?: readonly string[];
  readonly blocked?: boolean;
  /** When set, the REST stub refuses this integration's tokens with INVALID_LOGIN and logs this code. */
  readonly resourceLat?: string;
}

export interface NetsuiteAccount {
  readonly featureEnabled?: boolean;
  readonly integrations: readonly NetsuiteIntegration[];
}

interface GenericClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes?: readonly string[];
  readonly basicDecoding?: 'rfc' | 'raw';
}

export interface EmulatorConfig {
  readonly workday?: Readonly<Record<string, WorkdayTenant>>;
  /** Keyed by account id as NetSuite shows it (`1234567_SB1`). */
  readonly netsuite?: Readonly<Record<string, NetsuiteAccount>>;
  readonly oauth2?: readonly GenericClient[];
}

export interface EmulatorOptions {
  readonly config: EmulatorConfig;
  readonly host?: string;
  readonly port?: number;
  readonly now?: () => Date;
  /** Serve https with this key and certificate (for TLS failure tests). */
  readonly tls?: { readonly key: string; readonly cert: string };
}

/** What the emulator saw and answered, for tests and the debug endpoint. */
export interface EmulatorEvent {
  readonly system: 'workday' | 'netsuite' | 'oauth2' | 'scenario' | 'none';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly clientAuth?: 'basic' | 'post' | 'assertion' | 'none' | 'both';
  /** NetSuite: the Login Audit Trail code it would have recorded. */
  readonly lat?: string;
  readonly account?: string;
}
