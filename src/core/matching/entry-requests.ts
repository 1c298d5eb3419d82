import type { Entry } from '../catalogue/catalogue.js';
import type { FailedRequest } from './failed-request.js';

/** The request an entry's failure happens on. */
export type EntryRequest = FailedRequest | 'authorize';

/**
 * Which request an error code answers: RFC 6749 section 5.2's token endpoint errors, RFC 6750
 * section 3.1's refusals of a token by an API, and the authorization request's own errors
 * (section 4.1.2.1 and OpenID Connect's `consent_required` family). Codes both endpoints answer
 * with (`access_denied`, `server_error`) belong to none.
 */
const REQUEST_OF_CODE: ReadonlyMap<string, EntryRequest> = new Map([
  ['invalid_request', 'token'],
  ['invalid_client', 'token'],
  ['invalid_grant', 'token'],
  ['unauthorized_client', 'token'],
  ['unsupported_grant_type', 'token'],
  ['invalid_scope', 'token'],
  ['invalid_token', 'api'],
  ['insufficient_scope', 'api'],
  ['unsupported_response_type', 'authorize'],
  ['redirect_uri_mismatch', 'authorize'],
  ['consent_required', 'authorize'],
  ['login_required', 'authorize'],
  ['interaction_required', 'authorize'],
]);

/**
 * Per entry, the request it is the failure of (vendor-neutral entries only), or null: worked out
 * when the index is compiled (the snapshot carries them), not on the first paste that needs them
 * (request-yield.ts reads them).
 */
export function entryRequests(
  entries: readonly Entry[],
  vendorSystems: ReadonlySet<string>,
): (EntryRequest | null)[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return entries.map((e) => requestOf(e, vendorSystems, byId) ?? null);
}

/**
 * A vendor-neutral entry's request, by its codes (or the codes of the entries it refines), when
 * they all answer one request: a vendor's entries are told apart by their vendor's own codes and
 * messages.
 */
function requestOf(
  entry: Entry,
  vendorSystems: ReadonlySet<string>,
  byId: ReadonlyMap<string, Entry>,
): EntryRequest | undefined {
  if (vendorSystems.has(entry.system)) return undefined;
  const codes =
    entry.codes.length > 0 ? entry.codes : entry.refines.flatMap((id) => byId.get(id)?.codes ?? []);
  const found = new Set(codes.flatMap((c) => REQUEST_OF_CODE.get(c.toLowerCase()) ?? []));
  return found.size === 1 ? [...found][0] : undefined;
}
