import { checkNetsuite } from './netsuite/check.js';
import { checkOAuth2 } from './oauth2/check.js';
import { checkWorkday } from './workday/check.js';
import type { CheckDeps } from './flow/recorder.js';
import type { CheckInput, CheckOutcome } from './types.js';

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
