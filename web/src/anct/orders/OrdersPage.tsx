import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { DataStatus } from '../../layout/DataStatus';
import { euros, label, ORDER_STATUS_LABELS } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { frenchDateTime } from '../back-office';
import { nameIn, useOrganisationNames } from '../useFunders';

type OrderStatus = components['schemas']['OrderDto']['status'];

/** The orders to decide (submitted by default), or those of any other state, with their pricing. */
export function OrdersPage() {
  usePageTitle('Commandes');
  const [status, setStatus] = useState<OrderStatus>('submitted');
  const funders = useOrganisationNames('funder');
  const orders = useApiData(async () => {
    const answer = await api.GET('/api/v1/orders', { params: { query: { status, limit: 200, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [status]);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Commandes</h1>
      <Select
        label="Commandes à afficher"
        nativeSelectProps={{ value: status, onChange: (event) => setStatus(event.target.value as OrderStatus) }}
      >
        {Object.entries(ORDER_STATUS_LABELS).map(([value, text]) => (
          <option key={value} value={value}>
            {value === 'submitted' ? 'Envoyées, à décider' : text}
          </option>
        ))}
      </Select>
      <DataStatus state={orders}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucune commande dans cet état.</p>
          ) : (
            <Table
              caption={`Commandes : ${label(ORDER_STATUS_LABELS, status).toLowerCase()} (${data.total})`}
              headers={['Commande', 'Financeur', 'Carnets', 'Valeur faciale', 'Frais', 'Total dû', 'Part de l’État max.', 'Envoyée le']}
              data={data.items.map((order) => [
                <Link key={order.id} to={`/anct/commandes/${order.id}`}>
                  {order.number}
                </Link>,
                nameIn(funders.status === 'ready' ? funders.data : undefined, order.funderId),
                `${order.carnetCount} × ${order.carnetSize} chèques`,
                euros(order.faceValueTotalCents),
                euros(order.feeCents),
                euros(order.totalDueCents),
                euros(order.maxStateShareCents),
                frenchDateTime(order.submittedAt),
              ])}
            />
          )
        }
      </DataStatus>
    </div>
  );
}
