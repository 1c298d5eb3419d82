import { createCheckRunner, type CheckRunner } from '../adapters/http/runner.js';
import type { Logger } from '../adapters/logger.js';
import { fingerprintToken } from '../adapters/token-fingerprint.js';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import { preflightFindings } from '../core/check/check.js';
import type { CheckInput, CheckOutcome, TargetPolicy } from '../core/check/types.js';
import type { Finding } from '../core/finding.js';
import { inspectToken } from '../core/jwt/inspect.js';
import type { Inspection } from '../core/jwt/types.js';
import { createDiagnoser } from '../core/matching/diagnose.js';
import type { Diagnoser, Diagnosis } from '../core/matching/types.js';
import { maskSecrets } from '../core/secrets/detect.js';

/** What the listeners call into: the core services, built once in main.ts (createServices). */
export interface Services {
  readonly catalogue: Catalogue;
  /** Matches a paste; credentials in it are masked first, so the matcher never sees them. */
  readonly diagnose: (text: string) => Diagnosis;
  readonly check: {
    /** Findings that stop a check before anything is sent (wrong host, malformed URL…). */
    readonly preflight: (input: CheckInput) => readonly Finding[];
    /** The live test against the token endpoint; `who` goes to the audit line. */
    readonly run: (input: CheckInput, who: string) => Promise<CheckOutcome>;
  };
  /** Decodes a token without verifying it; never keeps it. */
  readonly inspectToken: (token: string) => Inspection;
  readonly logger: Logger;
}

export interface ServiceParts {
  readonly catalogue: Catalogue;
  /** The matcher for `catalogue`, when already built (from the compiled snapshot). */
  readonly diagnoser?: Diagnoser;
  readonly logger: Logger;
  /** Where the live check may connect (AUTHHELP_ALLOW_LOCAL_TARGETS). */
  readonly policy: TargetPolicy;
  /** The live check; by default the guarded runner with this policy. */
  readonly runCheck?: CheckRunner;
  /** The clock for token lifetimes and NetSuite assertions (tests pass a fixed one). */
  readonly now?: () => Date;
}

/** The services over the core, as main.ts runs them; tests swap single parts. */
export function createServices(parts: ServiceParts): Services {
  const now = parts.now ?? (() => new Date());
  const diagnoser = parts.diagnoser ?? createDiagnoser(parts.catalogue);
  return {
    catalogue: parts.catalogue,
    diagnose: (text) => diagnoser.diagnose(maskSecrets(text)),
    check: {
      preflight: (input) => preflightFindings(input, parts.policy, now()),
      run: parts.runCheck ?? createCheckRunner({ policy: parts.policy, logger: parts.logger }),
    },
    inspectToken: (token) => inspectToken(token, { now: now(), fingerprint: fingerprintToken }),
    logger: parts.logger,
  };
}
