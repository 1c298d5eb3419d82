import { AuthHelpError } from '../../core/errors.js';

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

/** The migrations still to apply; refuses a store that a newer authhelp has already migrated. */
export function pendingMigrations(
  applied: ReadonlySet<string>,
  all: readonly Migration[],
): Migration[] {
  const unknown = [...applied].find((name) => !all.some((m) => m.name === name));
  if (unknown !== undefined)
    throw new AuthHelpError(
      'STORE_INVALID',
      `the store was migrated by a newer authhelp (${unknown}); upgrade this one`,
    );
  return all.filter((m) => !applied.has(m.name));
}
