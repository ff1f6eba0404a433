import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros, frenchDate } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { attempt, type Notice, NoticeArea, percentOf } from '../back-office';
import { PROGRAMME_STATUS_LABELS } from '../anct-labels';
import { ProgrammeForm } from './ProgrammeForm';

/** The programmes, and a form to create one with all its parameters. */
export function ProgrammesPage() {
  usePageTitle('Programmes');
  const navigate = useNavigate();
  const [notice, setNotice] = useState<Notice | null>(null);
  const programmes = useApiData(async () => {
    const answer = await api.GET('/api/v1/programmes', { params: { query: { limit: 100, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, []);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Programmes</h1>
      <DataStatus state={programmes}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucun programme pour l’instant.</p>
          ) : (
            <Table
              caption="Programmes du dispositif"
              headers={['Programme', 'Année', 'Statut', 'Valeur d’un chèque', 'Part de l’État', 'Valable jusqu’au']}
              data={data.items.map((programme) => [
                <Link key={programme.id} to={`/anct/programmes/${programme.id}`}>
                  {programme.name}
                </Link>,
                programme.year,
                PROGRAMME_STATUS_LABELS[programme.status] ?? programme.status,
                euros(programme.faceValueCents),
                `${percentOf(programme.stateShareRateBp)} %`,
                frenchDate(programme.validUntil),
              ])}
            />
          )
        }
      </DataStatus>
      <h2 className="fr-mt-4w">Créer un programme</h2>
      <NoticeArea notice={notice} />
      <ProgrammeForm
        submitLabel="Créer le programme"
        onSave={async (fields) => {
          let createdId: string | undefined;
          const ok = await attempt(
            async () => {
              const answer = await api.POST('/api/v1/programmes', { body: fields });
              createdId = answer.data?.id;
              return answer;
            },
            'Programme créé.',
            setNotice,
          );
          if (ok && createdId) void navigate(`/anct/programmes/${createdId}`);
          return ok;
        }}
      />
    </div>
  );
}
