import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { ListView, OrganisationView } from '../api/views';
import { DataStatus } from '../layout/DataStatus';
import { euros, frenchDate, label, ORDER_STATUS_LABELS } from '../layout/labels';
import { OrganisationSummary } from '../layout/OrganisationSummary';
import { undocumentedDataOf, useApiData } from '../layout/useApiData';
import { usePageTitle } from '../layout/usePageTitle';
import { useActor } from '../session/SessionContext';

interface OrderView {
  id: string;
  number: string;
  status: string;
  carnetCount: number;
  totalDueCents: number | string;
  createdAt: string;
}

/** The funder's home: their organisation and their latest orders of carnets. */
export function FunderHomePage() {
  usePageTitle('Espace financeur');
  const actor = useActor();
  const home = useApiData(async () => {
    const [organisation, orders] = await Promise.all([
      api.GET('/api/v1/organisations/{id}', { params: { path: { id: actor.organisationId ?? '' } } }),
      api.GET('/api/v1/orders'),
    ]);
    return { organisation: undocumentedDataOf<OrganisationView>(organisation), orders: undocumentedDataOf<ListView<OrderView>>(orders) };
  }, [actor.organisationId]);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Espace financeur</h1>
      <DataStatus state={home}>
        {({ organisation, orders }) => (
          <>
            <OrganisationSummary organisation={organisation} />
            <p>
              <Link className="fr-btn" to="/financeur/commandes/nouvelle">
                Nouvelle commande
              </Link>
            </p>
            <h2>Vos commandes ({orders.total})</h2>
            {orders.items.length === 0 ? (
              <p>Aucune commande pour l'instant.</p>
            ) : (
              <Table
                caption="Commandes de carnets"
                noCaption
                headers={['Numéro', 'État', 'Carnets', 'Montant dû', 'Créée le']}
                data={orders.items.map((order) => [
                  <Link to={`/financeur/commandes/${order.id}`}>{order.number}</Link>,
                  label(ORDER_STATUS_LABELS, order.status),
                  String(order.carnetCount),
                  euros(order.totalDueCents),
                  frenchDate(order.createdAt),
                ])}
              />
            )}
          </>
        )}
      </DataStatus>
    </div>
  );
}
