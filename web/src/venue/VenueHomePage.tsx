import { Table } from '@codegouvfr/react-dsfr/Table';
import { api } from '../api/client';
import { DataStatus } from '../layout/DataStatus';
import { label, QUALIFICATION_LABELS } from '../layout/labels';
import { undocumentedDataOf, useApiData } from '../layout/useApiData';
import { usePageTitle } from '../layout/usePageTitle';
import { useActor } from '../session/SessionContext';

interface VenueView {
  id: string;
  name: string;
  city: string | null;
  qualificationStatus: string | null;
  sites: { id: string; name: string; addressLine: string; postalCode: string; city: string; active: boolean }[];
  services: { id: string; label: string; durationMinutes: number; maxVouchers: number; active: boolean }[];
}

/** The counter's home: the venue, whether it may redeem chèques, its sites and its services. */
export function VenueHomePage() {
  usePageTitle('Guichet');
  const actor = useActor();
  const venue = useApiData(
    async () =>
      undocumentedDataOf<VenueView>(await api.GET('/api/v1/venues/{id}', { params: { path: { id: actor.organisationId ?? '' } } })),
    [actor.organisationId],
  );
  return (
    <div className="fr-container fr-my-6w">
      <h1>Guichet</h1>
      <DataStatus state={venue}>
        {(data) => (
          <>
            <div className="fr-callout fr-mb-4w">
              <h2 className="fr-callout__title">{data.name}</h2>
              <p className="fr-callout__text">
                {data.city ? `${data.city} · ` : ''}
                {label(QUALIFICATION_LABELS, data.qualificationStatus)}
              </p>
            </div>
            <h2>Vos sites</h2>
            {data.sites.length === 0 ? (
              <p>Aucun site enregistré pour l'instant.</p>
            ) : (
              <Table
                caption="Sites du lieu"
                noCaption
                headers={['Site', 'Adresse', 'État']}
                data={data.sites.map((site) => [
                  site.name,
                  `${site.addressLine}, ${site.postalCode} ${site.city}`,
                  site.active ? 'Ouvert' : 'Fermé',
                ])}
              />
            )}
            <h2>Vos services</h2>
            {data.services.length === 0 ? (
              <p>Aucun service enregistré pour l'instant.</p>
            ) : (
              <Table
                caption="Services du lieu"
                noCaption
                headers={['Service', 'Durée', 'Chèques par personne']}
                data={data.services.map((service) => [service.label, `${service.durationMinutes} min`, String(service.maxVouchers)])}
              />
            )}
          </>
        )}
      </DataStatus>
    </div>
  );
}
