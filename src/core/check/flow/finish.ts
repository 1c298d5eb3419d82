import type { CheckOutcome, CheckTarget } from '../types.js';
import { callApi } from './api-call.js';
import type { VendorApiReading } from './api-reply.js';
import type { TokenResult } from './client-secret.js';
import type { CheckRecorder } from './recorder.js';
import { noteRotation } from './rotation.js';

interface AfterToken {
  readonly target: CheckTarget | null;
  /** Every value the user gave that must never be shown. */
  readonly secrets: readonly (string | undefined)[];
  readonly apiUrl?: string | undefined;
  readonly readApi?: VendorApiReading;
  /** The refresh token sent, for a refresh-token grant: a different one in the answer is a rotation. */
  readonly sentRefreshToken?: string | undefined;
}

/** The common end of every check: a token or not, a rotated refresh token, the optional API call. */
export async function finishAfterToken(
  rec: CheckRecorder,
  result: TokenResult | null,
  next: AfterToken,
): Promise<CheckOutcome> {
  const token = result?.verdict.ok === true ? result.issued.accessToken : undefined;
  if (result === null || token === undefined) return rec.finish(false, next.target, next.secrets);
  if (next.sentRefreshToken !== undefined) noteRotation(rec, result.issued);
  if (next.apiUrl === undefined) return rec.finish(true, next.target, next.secrets);
  const apiOk = await callApi(rec, next.apiUrl, token, next.readApi);
  return rec.finish(apiOk, next.target, next.secrets);
}
