import { addEntries, type EntryLists } from './entry-lists.js';
import type { MatchIndex } from './match-index.js';

/** A code an event line names as the failure, in the shape `code-tokens.ts` reads codes. */
export interface EventHit {
  readonly entry: number;
  readonly code: string;
  readonly strength: number;
  readonly inErrorField: boolean;
  readonly vendorUnique: boolean;
  readonly label: string;
}

export interface EventReading {
  readonly hits: readonly EventHit[];
  /** Entries of an `error=` detail the event's type reads otherwise, each with the type's entries. */
  readonly explained: ReadonlyMap<number, readonly number[]>;
  /** Those details as printed, lower case. */
  readonly explainedCodes: ReadonlySet<string>;
}

/**
 * A Keycloak event log line (`type=REFRESH_TOKEN_ERROR, realmId=…, error=invalid_token, …`), quoted
 * or not: the type names the flow that failed, the error is Keycloak's detail of it.
 */
const EVENT_LINE =
  /\btype=\\?"?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_ERROR)\\?"?,[^\n]*?\berror=\\?"?([A-Za-z][\w-]*)/g;

/**
 * An event's type is read like a category field elsewhere (weak), but when the catalogue lists it
 * as a code it names the failure itself: Keycloak logs a refused refresh token as
 * `type=REFRESH_TOKEN_ERROR … error=invalid_token`, and the client was answered invalid_grant. The
 * error detail of that line is then the listed type's detail (explained), not a second reading:
 * `invalid_token` there is the refresh token the token endpoint refused, not a bearer token an API
 * rejected. A type the catalogue does not list (CODE_TO_TOKEN_ERROR, LOGIN_ERROR) leaves the line's
 * error as the reading.
 */
export function eventLineRules(text: string, index: MatchIndex): EventReading {
  const hits: EventHit[] = [];
  const explained: EntryLists = new Map();
  const explainedCodes = new Set<string>();
  if (!text.includes('_ERROR')) return { hits, explained, explainedCodes };
  for (const m of text.matchAll(EVENT_LINE)) {
    const type = m[1] ?? '';
    const detail = (m[2] ?? '').toLowerCase();
    const refs = index.codes.get(type.toLowerCase()) ?? [];
    if (refs.length === 0) continue;
    const named = new Set(refs.map((r) => r.entry));
    for (const r of refs)
      hits.push({
        entry: r.entry,
        code: r.code,
        strength: r.strength,
        inErrorField: true,
        vendorUnique: r.vendorUnique,
        label: `event type=${type} (error=${detail} is its detail)`,
      });
    const loose = (index.codes.get(detail) ?? []).filter((r) => !named.has(r.entry));
    for (const r of loose) addEntries(explained, r.entry, named);
    if (loose.length > 0) explainedCodes.add(detail);
  }
  return { hits, explained, explainedCodes };
}
