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
import { knowledgeOf, type Knowledge } from './knowledge.js';

/** A diagnosis and the version of the catalogue that made it (for the context line and the store). */
export type Diagnosed = Diagnosis & { readonly catalogueVersion: string };

/** What the listeners call into: the core services, built once in main.ts (createServices). */
export interface Services {
  /**
   * The catalogue answering now. A reload replaces it whole (see `replaceKnowledge`): read it once
   * per request rather than keeping it.
   */
  readonly knowledge: () => Knowledge;
  /** Matches a paste; credentials in it are masked first, so the matcher never sees them. */
  readonly diagnose: (text: string) => Diagnosed;
  readonly check: {
    /** Findings that stop a check before anything is sent (wrong host, malformed URL…). */
    readonly preflight: (input: CheckInput) => readonly Finding[];
    /** The live test against the token endpoint; `who` goes to the audit line. */
    readonly run: (input: CheckInput, who: string) => Promise<CheckOutcome>;
  };
  /** Decodes a token without verifying it; never keeps it. */
  readonly inspectToken: (token: string) => Inspection;
  /**
   * Puts a validated catalogue and its matcher in place in one assignment: a request reads either
   * the old pair or the new one, never a mix. Returns what is now in place.
   */
  readonly replaceKnowledge: (catalogue: Catalogue, diagnoser: Diagnoser) => Knowledge;
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
  let current = knowledgeOf(parts.catalogue, parts.diagnoser ?? createDiagnoser(parts.catalogue));
  return {
    knowledge: () => current,
    diagnose: (text) => {
      const k = current;
      return { ...k.diagnoser.diagnose(maskSecrets(text)), catalogueVersion: k.version() };
    },
    check: {
      preflight: (input) => preflightFindings(input, parts.policy, now()),
      run: parts.runCheck ?? createCheckRunner({ policy: parts.policy, logger: parts.logger }),
    },
    inspectToken: (token) => inspectToken(token, { now: now(), fingerprint: fingerprintToken }),
    replaceKnowledge: (catalogue, diagnoser) => (current = knowledgeOf(catalogue, diagnoser)),
    logger: parts.logger,
  };
}
