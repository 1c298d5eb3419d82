import { makeFinding } from '../../finding.js';
import type { Issued } from './issued.js';
import type { CheckRecorder } from './recorder.js';

/**
 * A refresh-token grant answered with a different refresh token: a server that rotates refresh
 * tokens has now invalidated the one sent (and some revoke the whole grant when it is reused).
 */
export function noteRotation(rec: CheckRecorder, issued: Issued): void {
  if (issued.refreshToken === undefined) return;
  const kept = rec.keepRefreshToken(issued.refreshToken);
  rec.findings.push(
    makeFinding('token', {
      code: 'token.refresh-token.rotated',
      severity: 'warning',
      title:
        'The server issued a new refresh token: the stored one may now be invalid. Store the new one where the integration keeps it',
      evidence: kept
        ? 'the answer carried a refresh_token different from the one sent; it was handed to the caller and is never shown'
        : 'the answer carried a refresh_token different from the one sent; it is never shown (the CLI can save it with --save-refresh-token FILE)',
      fields: ['refreshToken'],
      score: 99,
    }),
  );
}
