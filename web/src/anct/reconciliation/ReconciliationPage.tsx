import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { attempt, frenchDateTime, type Notice, NoticeArea, usePolling, useReload } from '../back-office';
import { isLive, jobRunSentence } from '../JobRunStatus';

/** The reconciliation runs (nightly and on demand), each with its count of anomalies; a new run followed live. */
export function ReconciliationPage() {
  usePageTitle('Rapprochement');
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const runs = useApiData(async () => {
    const answer = await api.GET('/api/v1/reconciliation-runs', { params: { query: { limit: 50, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [reload]);
  usePolling(runs.status === 'ready' && runs.data.items.some(isLive), bump);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Rapprochement</h1>
      <p>
        Chaque nuit, le rapprochement vérifie que commandes, chèques, encaissements, relevés, virements et part de l’État concordent au
        centime.
      </p>
      <NoticeArea notice={notice} />
      <button
        type="button"
        className="fr-btn fr-mb-3w"
        onClick={async () => {
          if (
            await attempt(
              () => api.POST('/api/v1/reconciliation-runs'),
              'Rapprochement demandé : son avancement s’affiche ci-dessous.',
              setNotice,
            )
          )
            bump();
        }}
      >
        Lancer un rapprochement
      </button>
      <DataStatus state={runs}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucun rapprochement pour l’instant.</p>
          ) : (
            <Table
              caption="Rapprochements, du plus récent au plus ancien"
              headers={['Rapprochement', 'Déclenchement', 'État', 'Anomalies']}
              data={data.items.map((run) => {
                const anomalies = Number((run.summary as { anomalies?: number } | null)?.anomalies ?? NaN);
                return [
                  <Link key={run.id} to={`/anct/rapprochement/${run.id}`}>
                    Rapprochement du {frenchDateTime(run.createdAt)}
                  </Link>,
                  run.trigger === 'manual' ? 'Manuel' : 'Planifié',
                  <span key="state" role={isLive(run) ? 'status' : undefined}>
                    {jobRunSentence(run)}
                  </span>,
                  run.status !== 'completed'
                    ? '—'
                    : Number.isNaN(anomalies)
                      ? 'Voir le détail'
                      : anomalies === 0
                        ? 'Aucune anomalie'
                        : `${anomalies} anomalie${anomalies > 1 ? 's' : ''}`,
                ];
              })}
            />
          )
        }
      </DataStatus>
    </div>
  );
}
