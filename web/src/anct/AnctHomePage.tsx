import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { ListView, OrganisationView } from '../api/views';
import { DataStatus } from '../layout/DataStatus';
import { label, ORGANISATION_KIND_LABELS } from '../layout/labels';
import { dataOf, undocumentedDataOf, useApiData } from '../layout/useApiData';
import { usePageTitle } from '../layout/usePageTitle';

/** ANCT's home: what waits for a decision, the organisations of the scheme, and the way to the job queues' dashboard. */
export function AnctHomePage() {
  usePageTitle('Espace ANCT');
  const toDo = useApiData(async () => {
    // A count that could not be read is an error shown as such, never a reassuring 0.
    const [orders, venues, statements, batches] = await Promise.all([
      api.GET('/api/v1/orders', { params: { query: { status: 'submitted', limit: 1, offset: 0 } } }).then(dataOf),
      api.GET('/api/v1/venues', { params: { query: { qualificationStatus: 'pending', limit: 1, offset: 0 } } }).then(dataOf),
      api.GET('/api/v1/reimbursement-statements', { params: { query: { status: 'draft', limit: 1, offset: 0 } } }).then(dataOf),
      api.GET('/api/v1/payment-batches', { params: { query: { limit: 100, offset: 0 } } }).then(dataOf),
    ]);
    return [
      { count: orders.total, text: 'commande(s) à décider', path: '/anct/commandes' },
      { count: venues.total, text: 'candidature(s) de lieu à qualifier', path: '/anct/lieux' },
      { count: statements.total, text: 'relevé(s) à valider', path: '/anct/remboursements' },
      {
        count: batches.items.filter((batch) => batch.status === 'exported').length,
        text: 'lot(s) de virements dont le paiement est à confirmer',
        path: '/anct/remboursements',
      },
    ];
  }, []);
  const organisations = useApiData(async () => undocumentedDataOf<ListView<OrganisationView>>(await api.GET('/api/v1/organisations')), []);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Espace ANCT</h1>
      <h2>À traiter</h2>
      <DataStatus state={toDo}>
        {(items) => (
          <ul>
            {items.map((item) => (
              <li key={item.text}>
                <Link to={item.path}>
                  {item.count} {item.text}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </DataStatus>
      <DataStatus state={organisations}>
        {(data) => (
          <>
            <h2>Organisations ({data.total})</h2>
            <Table
              caption="Organisations du dispositif"
              noCaption
              headers={['Nom', 'Type', 'Département', 'État']}
              data={data.items.map((organisation) => [
                organisation.name,
                label(ORGANISATION_KIND_LABELS, organisation.kind),
                organisation.departementCode ?? '—',
                organisation.active ? 'Active' : 'Désactivée',
              ])}
            />
          </>
        )}
      </DataStatus>
      <h2>Traitements en arrière-plan</h2>
      <p>
        Génération des carnets, relevés, rapports : suivez les files d'attente dans le{' '}
        <a href="/admin/queues">tableau de bord des files d'attente</a>.
      </p>
    </div>
  );
}
