import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros, frenchDate, label, ORDER_STATUS_LABELS } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { dataOf } from '../funder-api';

/** The funder's orders, newest first, each opening its page. */
export function OrdersPage() {
  usePageTitle('Commandes');
  const orders = useApiData(async () => dataOf(await api.GET('/api/v1/orders', { params: { query: { limit: 200 } } })), []);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Commandes</h1>
      <p>
        <Link className="fr-btn" to="/financeur/commandes/nouvelle">
          Nouvelle commande
        </Link>
      </p>
      <DataStatus state={orders}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Aucune commande pour l’instant.</p>
          ) : (
            <Table
              caption={`Vos commandes (${page.total})`}
              headers={['Numéro', 'État', 'Carnets', 'Total à payer', 'Créée le']}
              data={page.items.map((order) => [
                <Link to={`/financeur/commandes/${order.id}`}>{order.number}</Link>,
                label(ORDER_STATUS_LABELS, order.status),
                `${order.carnetCount.toLocaleString('fr-FR')} × ${order.carnetSize} chèques`,
                euros(order.totalDueCents),
                frenchDate(order.createdAt),
              ])}
            />
          )
        }
      </DataStatus>
    </div>
  );
}
