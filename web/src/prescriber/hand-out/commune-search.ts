import type { components } from '../../api/schema';

export type Commune = components['schemas']['CommuneDto'];

/**
 * The commune the search settles by itself: the only match, or the only one with the postcode typed
 * (a postcode such as 69100 is also another commune's INSEE code, Irigny's; people type postcodes).
 */
export function settledCommune(query: string, matches: readonly Commune[]): Commune | null {
  const only = onlyOne(matches);
  if (only) return only;
  const byPostcode = /^\d{5}$/.test(query) ? matches.filter((commune) => commune.postalCodes.includes(query)) : [];
  return onlyOne(byPostcode);
}

/** The list's item when it holds exactly one, else null. */
function onlyOne<T>(items: readonly T[]): T | null {
  const [first, ...others] = items;
  return first !== undefined && others.length === 0 ? first : null;
}
