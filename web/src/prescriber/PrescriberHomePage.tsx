import { Table } from '@codegouvfr/react-dsfr/Table';
import { api } from '../api/client';
import type { ListView, OrganisationView } from '../api/views';
import { DataStatus } from '../layout/DataStatus';
import { CARNET_STATUS_LABELS, frenchDate, label } from '../layout/labels';
import { OrganisationSummary } from '../layout/OrganisationSummary';
import { undocumentedDataOf, useApiData } from '../layout/useApiData';
import { usePageTitle } from '../layout/usePageTitle';
import { useActor } from '../session/SessionContext';

interface CarnetView {
  id: string;
  number: string;
  size: number;
  status: string;
  allocatedAt: string | null;
}

/** The prescriber's home: their structure and the carnets it has received to hand out. */
export function PrescriberHomePage() {
  usePageTitle('Espace prescripteur');
  const actor = useActor();
  const home = useApiData(async () => {
    const [organisation, carnets] = await Promise.all([
      api.GET('/api/v1/organisations/{id}', { params: { path: { id: actor.organisationId ?? '' } } }),
      api.GET('/api/v1/carnets'),
    ]);
    return { organisation: undocumentedDataOf<OrganisationView>(organisation), carnets: undocumentedDataOf<ListView<CarnetView>>(carnets) };
  }, [actor.organisationId]);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Espace prescripteur</h1>
      <DataStatus state={home}>
        {({ organisation, carnets }) => (
          <>
            <OrganisationSummary organisation={organisation} />
            <h2>Vos carnets ({carnets.total})</h2>
            {carnets.items.length === 0 ? (
              <p>Aucun carnet reçu pour l'instant. Votre financeur vous en attribue depuis son stock.</p>
            ) : (
              <Table
                caption="Carnets reçus"
                noCaption
                headers={['Numéro', 'Chèques', 'État', 'Reçu le']}
                data={carnets.items.map((carnet) => [carnet.number, String(carnet.size), label(CARNET_STATUS_LABELS, carnet.status), frenchDate(carnet.allocatedAt)])}
              />
            )}
          </>
        )}
      </DataStatus>
    </div>
  );
}
