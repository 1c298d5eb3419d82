import { randomBytes } from 'node:crypto';
import type { EmulatorConfig, EmulatorEvent } from './types.js';

export interface IssuedToken {
  readonly system: 'workday' | 'netsuite' | 'oauth2';
  /** Workday tenant, NetSuite account label, or '' for generic. */
  readonly realm: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

/** Mutable state of one emulator: tokens it issued and what it saw. */
export interface EmulatorState {
  readonly config: EmulatorConfig;
  readonly now: () => Date;
  readonly tokens: Map<string, IssuedToken>;
  readonly events: EmulatorEvent[];
}

export function issueToken(state: EmulatorState, token: IssuedToken, prefix: string): string {
  const value = `${prefix}${randomBytes(24).toString('base64url')}`;
  state.tokens.set(value, token);
  return value;
}
