import type { components } from '../../api/schema';

export type Commune = components['schemas']['CommuneDto'];

/**
 * The commune the search settles by itself: the only match, or the only one with the postcode typed
 * (a postcode such as 69100 is also another commune's INSEE code, Irigny's; people type postcodes).
 */
export function settledCommune(query: string, matches: readonly Commune[]): Commune | null {
  if (matches.length === 1) return matches[0]!;
  const byPostcode = /^\d{5}$/.test(query) ? matches.filter((commune) => commune.postalCodes.includes(query)) : [];
  return byPostcode.length === 1 ? byPostcode[0]! : null;
}
