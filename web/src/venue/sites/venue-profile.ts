import { api } from '../../api/client';
import type { components } from '../../api/schema';

export type VenueProfile = components['schemas']['VenueProfileDto'];
export type VenueSite = components['schemas']['VenueSiteDto'];
export type VenueService = components['schemas']['VenueServiceDto'];

/** The venue's own profile (its sites and services, active or not). */
export async function loadVenueProfile(venueId: string): Promise<VenueProfile> {
  const answer = await api.GET('/api/v1/venues/{id}', { params: { path: { id: venueId } } });
  if (!answer.data) throw new Error(`HTTP ${answer.response.status}`);
  return answer.data;
}

/** The French sentence for a refused change of the venue's sites or services. */
export function changeRefusal(status: number, code: unknown): string {
  if (status === 403) return 'Seul l’administrateur du lieu peut faire ce changement.';
  if (code === 'UNKNOWN_COMMUNE') return 'La commune n’est pas reconnue. Vérifiez le code postal.';
  if (status === 400) return 'Certaines informations ne sont pas acceptées. Vérifiez les champs et réessayez.';
  if (status === 404) return 'Cet élément n’existe plus. Rechargez la page.';
  return 'Le changement n’a pas pu être enregistré. Réessayez.';
}
