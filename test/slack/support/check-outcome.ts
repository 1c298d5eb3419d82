import type { CheckOutcome } from '../../../src/core/check/types.js';

/** A failed OAuth 2.0 check whose one step says `detail`: what a stubbed check runner returns. */
export function failedCheck(detail: string): CheckOutcome {
  return {
    ok: false,
    system: 'oauth2',
    findings: [],
    steps: [{ name: 'token request', status: 'failed', detail }],
    requests: [],
    tokenIssued: false,
    durationMs: 1,
    target: null,
  };
}
