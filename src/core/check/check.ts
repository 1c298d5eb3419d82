import type { Finding } from '../finding.js';
import { checkNetsuite } from './netsuite/check.js';
import { preflightNetsuite } from './netsuite/preflight.js';
import { checkOAuth2 } from './oauth2/check.js';
import { preflightOAuth2 } from './oauth2/preflight.js';
import { checkWorkday } from './workday/check.js';
import { preflightWorkday } from './workday/preflight.js';
import type { CheckDeps } from './flow/recorder.js';
import type { CheckInput, CheckOutcome, TargetPolicy } from './types.js';

/** Runs one live check; outcomes are values, only our own faults throw. */
export function runCheck(input: CheckInput, deps: CheckDeps): Promise<CheckOutcome> {
  switch (input.system) {
    case 'workday':
      return checkWorkday(input, deps);
    case 'netsuite':
      return checkNetsuite(input, deps);
    case 'oauth2':
      return checkOAuth2(input, deps);
  }
}

/** What the check would find before sending anything (a form shows the blocking ones inline). */
export function preflightFindings(
  input: CheckInput,
  policy: TargetPolicy,
  now: Date,
): readonly Finding[] {
  switch (input.system) {
    case 'workday':
      return preflightWorkday(input, policy).findings;
    case 'netsuite':
      return preflightNetsuite(input, policy, now).findings;
    case 'oauth2':
      return preflightOAuth2(input, policy).findings;
  }
}
