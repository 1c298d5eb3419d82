/** Values our statements bind: text, integers (epoch ms) and null. */
export type SqlValue = string | number | null;

/**
 * One statement at a time against either back end, written once with `?` placeholders. Each
 * statement is atomic on its own (UPSERT … RETURNING), so shared code needs no transactions.
 */
export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  all<R extends object>(text: string, params?: readonly SqlValue[]): Promise<R[]>;
}

/** `?` → `$1, $2 …` for PostgreSQL (our statements have no `?` inside literals). */
export function numberPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${String((n += 1))}`);
}

/** PostgreSQL returns BIGINT as a string; SQLite as a number. */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
