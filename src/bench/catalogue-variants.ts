import { Catalogue, type Entry } from '../core/catalogue/catalogue.js';

/**
 * Catalogues one edit away from another: the coupling bench and the matcher's stability test read
 * a text against both and compare. An edit in one system should not move a reading in another.
 */

/**
 * A plausible entry a support engineer might add to `system`: ordinary authentication words
 * (session, expired, password, token, sign in) that many entries of every system also use, and a
 * code no text carries. It copies the system's first entry for everything it does not set.
 */
export function probeEntry(catalogue: Catalogue, system: string): Entry {
  const first = catalogue.bySystem(system)[0];
  if (first === undefined) throw new Error(`no entries of ${system} to copy`);
  // Its own context and question belong to the copied entry, not to the probe.
  const { context: _context, question: _question, ...like } = first;
  return Object.freeze({
    ...like,
    id: `${system}/session-ended-probe`,
    slug: 'session-ended-probe',
    title: 'Session ended after a password change',
    codes: ['PasswordChangeEndedSession'],
    surfacesAs: [],
    wordsInCodes: [],
    generic: false,
    failure: 'auth' as const,
    status: [401],
    messages: ['The session has expired because the password was changed.'],
    phrases: ['password changed and the session expired', 'signed out after changing the password'],
    reason: 'Changing the password ends every open session and the tokens issued for it.',
    steps: ['Sign in again with the new password.', 'Request a new token.'],
    related: [],
    refines: [],
  });
}

/** The catalogue with `entry` appended to its system, as a new entry at the end of the file would be. */
export function withEntry(catalogue: Catalogue, entry: Entry): Catalogue {
  const entries = [...catalogue.entries];
  const last = entries.map((e) => e.system).lastIndexOf(entry.system);
  entries.splice(last + 1, 0, entry);
  const systems = catalogue.systems.map((s) =>
    s.system === entry.system ? { ...s, entryIds: [...s.entryIds, entry.id] } : s,
  );
  return new Catalogue(entries, systems);
}

/** The catalogue without the entry `id`. */
export function withoutEntry(catalogue: Catalogue, id: string): Catalogue {
  return new Catalogue(
    catalogue.entries.filter((e) => e.id !== id),
    catalogue.systems.map((s) => ({ ...s, entryIds: s.entryIds.filter((x) => x !== id) })),
  );
}

/**
 * The last entry of `system` that no other entry refines, and that is not its system's wrapper:
 * removing it changes no other entry's refinements (a `related` link only shows in a reply).
 */
export function removableEntry(catalogue: Catalogue, system: string): Entry | undefined {
  const named = new Set(catalogue.entries.flatMap((e) => e.refines));
  return catalogue
    .bySystem(system)
    .filter((e) => !e.generic && !named.has(e.id))
    .at(-1);
}
