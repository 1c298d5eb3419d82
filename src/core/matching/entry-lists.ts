/** Entries mapped to lists of entries: a code used loosely to the readings its explanation names. */
export type EntryLists = Map<number, readonly number[]>;

/** Adds `entries` to the list of `key`, after those it already has. */
export function addEntries(map: EntryLists, key: number, entries: Iterable<number>): EntryLists {
  return map.set(key, [...(map.get(key) ?? []), ...entries]);
}
