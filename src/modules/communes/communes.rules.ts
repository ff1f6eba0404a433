import communesData from '@etalab/decoupage-administratif/data/communes.json';

/**
 * Communes, postcodes, INSEE codes and départements from the State's own offline dataset
 * (`@etalab/decoupage-administratif`, the INSEE Code officiel géographique with La Poste's postcodes),
 * never from a hand-made table. Current communes and the municipal arrondissements of Paris, Lyon and
 * Marseille are kept: both are what an address names.
 */
export interface Commune {
  inseeCode: string;
  name: string;
  postalCodes: string[];
  departementCode: string;
  kind: 'commune' | 'arrondissement';
  population: number;
}

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}

interface CommuneIndex {
  byCode: Map<string, Commune>;
  byPostalCode: Map<string, Commune[]>;
  all: Commune[];
  /** `all`'s names, normalised once. */
  names: string[];
}

let index: CommuneIndex | null = null;

/** Built once, on first use (35,000 communes, a few tens of milliseconds). */
function communeIndex(): CommuneIndex {
  if (index) return index;
  const all = (communesData as RawCommune[])
    .flatMap(({ departement, ...raw }) =>
      (raw.type === 'commune-actuelle' || raw.type === 'arrondissement-municipal') && departement ? [{ ...raw, departement }] : [],
    )
    .map((raw): Commune => ({
      inseeCode: raw.code,
      name: raw.nom,
      postalCodes: raw.codesPostaux ?? [],
      departementCode: raw.departement,
      kind: raw.type === 'commune-actuelle' ? 'commune' : 'arrondissement',
      population: raw.population ?? 0,
    }))
    .sort((a, b) => b.population - a.population);
  const byCode = new Map(all.map((commune) => [commune.inseeCode, commune]));
  const byPostalCode = new Map<string, Commune[]>();
  for (const commune of all) {
    for (const postalCode of commune.postalCodes) byPostalCode.set(postalCode, [...(byPostalCode.get(postalCode) ?? []), commune]);
  }
  index = { byCode, byPostalCode, all, names: all.map((commune) => normaliseCommuneName(commune.name)) };
  return index;
}

export function findCommune(inseeCode: string): Commune | null {
  return communeIndex().byCode.get(inseeCode.toUpperCase()) ?? null;
}

export function communesOfPostalCode(postalCode: string): Commune[] {
  return communeIndex().byPostalCode.get(postalCode) ?? [];
}

/** `Saint-Étienne`, `st etienne`, `SAINT ETIENNE` → `saint etienne`. */
export function normaliseCommuneName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/['’\-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a person types in a search box: a postcode (its communes), an INSEE code (that commune), or
 * the start of a name (accents, case and hyphens ignored), the most populated first.
 */
export function searchCommunes(query: string, limit: number): Commune[] {
  const text = query.trim();
  if (/^\d{5}$/.test(text)) {
    const byPostalCode = communesOfPostalCode(text);
    const byCode = findCommune(text);
    return [...byPostalCode, ...(byCode && !byPostalCode.includes(byCode) ? [byCode] : [])].slice(0, limit);
  }
  if (/^2[AB]\d{3}$/i.test(text)) {
    const commune = findCommune(text);
    return commune ? [commune] : [];
  }
  const wanted = normaliseCommuneName(text);
  if (wanted.length < 2) return [];
  const exact: Commune[] = [];
  const prefix: Commune[] = [];
  const { all, names } = communeIndex();
  for (const [position, commune] of all.entries()) {
    const name = names[position];
    if (name === wanted) exact.push(commune);
    else if (name.startsWith(wanted)) prefix.push(commune);
    if (exact.length >= limit) break;
  }
  return [...exact, ...prefix].slice(0, limit);
}

/**
 * The commune of an address: by its INSEE code when given (it must exist, and the postcode must be one
 * of its own), else by postcode and name. Null when nothing matches — the caller refuses the address.
 */
export function resolveCommune(address: { postalCode: string; city: string; inseeCode?: string | null }): Commune | null {
  if (address.inseeCode) {
    const commune = findCommune(address.inseeCode);
    return commune && commune.postalCodes.includes(address.postalCode) ? commune : null;
  }
  const wanted = normaliseCommuneName(address.city);
  const candidates = communesOfPostalCode(address.postalCode);
  return (
    candidates.find((commune) => normaliseCommuneName(commune.name) === wanted) ??
    // « Lyon 7e » for « Lyon » and the reverse: an arrondissement and its commune share their postcodes.
    candidates.find((commune) => normaliseCommuneName(commune.name).startsWith(`${wanted} `)) ??
    null
  );
}
