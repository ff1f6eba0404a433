/** A list known to hold at least one item: its first item is typed as present (no `!` needed). */
export type NonEmpty<T> = readonly [T, ...T[]];

/** Narrows a list to `NonEmpty` after checking it holds an item. */
export function isNonEmpty<T>(items: readonly T[]): items is NonEmpty<T> {
  return items.length > 0;
}
