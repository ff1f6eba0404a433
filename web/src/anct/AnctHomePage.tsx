import { Table } from '@codegouvfr/react-dsfr/Table';
import { api } from '../api/client';
import type { ListView, OrganisationView } from '../api/views';
import { DataStatus } from '../layout/DataStatus';
import { label, ORGANISATION_KIND_LABELS } from '../layout/labels';
import { undocumentedDataOf, useApiData } from '../layout/useApiData';
import { usePageTitle } from '../layout/usePageTitle';

/** ANCT's home: the organisations of the scheme, and the way to the job queues' dashboard. */
export function AnctHomePage() {
  usePageTitle('Espace ANCT');
  const organisations = useApiData(async () => undocumentedDataOf<ListView<OrganisationView>>(await api.GET('/api/v1/organisations')), []);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Espace ANCT</h1>
      <DataStatus state={organisations}>
        {(data) => (
          <>
            <h2>Organisations ({data.total})</h2>
            <Table
              caption="Organisations du dispositif"
              noCaption
              headers={['Nom', 'Type', 'Département', 'État']}
              data={data.items.map((organisation) => [organisation.name, label(ORGANISATION_KIND_LABELS, organisation.kind), organisation.departementCode ?? '—', organisation.active ? 'Active' : 'Désactivée'])}
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
