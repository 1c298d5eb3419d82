/** Entries mapped to lists of entries: a code used loosely to the readings its explanation names. */
export type EntryLists = Map<number, readonly number[]>;

/** Adds `entries` to the list of `key`, after those it already has. */
export function addEntries(map: EntryLists, key: number, entries: Iterable<number>): EntryLists {
  return map.set(key, [...(map.get(key) ?? []), ...entries]);
}

/** Two maps of entries to entry lists as one, the lists of a key in both joined. */
export function joined(
  a: ReadonlyMap<number, readonly number[]>,
  b: ReadonlyMap<number, readonly number[]>,
): EntryLists {
  const out: EntryLists = new Map(a);
  for (const [k, v] of b) addEntries(out, k, v);
  return out;
}
