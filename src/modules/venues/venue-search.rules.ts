/**
 * "Find a venue": which public sites match a search, and in which order. Pure: the service reads the
 * sites, these functions decide.
 */
export interface Point {
  latitude: number;
  longitude: number;
}

export interface SearchableSite {
  id: string;
  name: string;
  postalCode: string;
  communeInseeCode: string;
  latitude: number | null;
  longitude: number | null;
  /** The standard's services the site offers (its own, or its venue's catalogue's). */
  services: readonly string[];
  publics: readonly string[];
  specificSupport: readonly string[];
  openNow: boolean | null;
}

export interface SiteFilters {
  service?: string;
  public?: string;
  accessibility?: string;
  openNow?: boolean;
}

export interface SearchOrigin {
  /** Where the person is (their phone's position), when they gave it. */
  point: Point | null;
  communeInseeCode: string | null;
  postalCode: string | null;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance (haversine), in kilometres. */
export function distanceKm(a: Point, b: Point): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A site matches when it offers the service, welcomes the public (a site that names no specific public
 * welcomes everyone, as the standard says), supports the need, and is open now when asked.
 */
export function matchesFilters(site: SearchableSite, filters: SiteFilters): boolean {
  if (filters.service && !site.services.includes(filters.service)) return false;
  if (filters.public && site.publics.length > 0 && !site.publics.includes(filters.public)) return false;
  if (filters.accessibility && !site.specificSupport.includes(filters.accessibility)) return false;
  if (filters.openNow && site.openNow !== true) return false;
  return true;
}

/**
 * Nearest first. From the person's position when given; otherwise the sites of the commune, then of
 * its postcode, then the others by distance from the commune's own sites (the official commune list
 * carries no coordinates). Sites without coordinates come after those with, then by name.
 */
export function nearestFirst<Site extends SearchableSite>(
  sites: readonly Site[],
  origin: SearchOrigin,
): (Site & { distanceKm: number | null })[] {
  const reference = origin.point ?? centreOf(sites.filter((site) => site.communeInseeCode === origin.communeInseeCode));
  const rank = (site: Site) =>
    origin.point ? 0 : site.communeInseeCode === origin.communeInseeCode ? 0 : site.postalCode === origin.postalCode ? 1 : 2;
  return sites
    .map((site) => ({
      ...site,
      distanceKm:
        reference && site.latitude !== null && site.longitude !== null
          ? round(distanceKm(reference, { latitude: site.latitude, longitude: site.longitude }))
          : null,
    }))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
        a.name.localeCompare(b.name, 'fr') ||
        a.id.localeCompare(b.id),
    );
}

function centreOf(sites: readonly SearchableSite[]): Point | null {
  const located = sites.flatMap(({ latitude, longitude }) => (latitude !== null && longitude !== null ? [{ latitude, longitude }] : []));
  if (located.length === 0) return null;
  return {
    latitude: located.reduce((sum, site) => sum + site.latitude, 0) / located.length,
    longitude: located.reduce((sum, site) => sum + site.longitude, 0) / located.length,
  };
}

function round(km: number): number {
  return Math.round(km * 10) / 10;
}
