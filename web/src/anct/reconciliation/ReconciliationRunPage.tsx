import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { DataStatus } from '../../layout/DataStatus';
import { euros, label } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { ANOMALY_KIND_LABELS, OBJECT_TYPE_LABELS } from '../anct-labels';
import { frenchDateTime, objectPath, usePolling, useReload } from '../back-office';
import { isLive, jobRunSentence } from '../JobRunStatus';

type Anomaly = components['schemas']['AnomalyDto'];

/** How a person recognises the object: its number when the check gave one, else the start of its id. */
function objectName(anomaly: Anomaly): string {
  const related = anomaly.related as Record<string, unknown>;
  const number = related.orderNumber ?? related.number ?? related.serial;
  return `${label(OBJECT_TYPE_LABELS, anomaly.objectType)} ${typeof number === 'string' ? number : anomaly.objectId.slice(0, 8)}`;
}

/** The objects a check names beside the one at fault (its order, venue, funder), each linked to its page. */
function RelatedLinks({ anomaly }: { anomaly: Anomaly }) {
  const related = anomaly.related as Record<string, unknown>;
  const links = [
    typeof related.orderId === 'string' && related.orderId !== anomaly.objectId
      ? { path: `/anct/commandes/${related.orderId}`, text: 'la commande' }
      : null,
    typeof related.venueId === 'string' ? { path: `/anct/lieux/${related.venueId}`, text: 'le lieu' } : null,
    typeof related.funderId === 'string' ? { path: `/anct/organisations/${related.funderId}`, text: 'le financeur' } : null,
  ].filter((link) => link !== null);
  if (links.length === 0) return <>—</>;
  return (
    <>
      {links.map((link, index) => (
        <span key={link.path}>
          {index > 0 && ', '}
          <Link to={link.path}>Voir {link.text}</Link>
        </span>
      ))}
    </>
  );
}

function amount(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '—' : euros(cents);
}

/** One reconciliation run: its anomalies grouped by kind, each with the object involved (linked to its page) and the amounts. */
export function ReconciliationRunPage() {
  const { id = '' } = useParams();
  const [reload, bump] = useReload();
  const run = useApiData(async () => {
    const answer = await api.GET('/api/v1/reconciliation-runs/{id}', { params: { path: { id } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id, reload]);
  const anomalies = useApiData(async () => {
    const answer = await api.GET('/api/v1/reconciliation-runs/{id}/anomalies', {
      params: { path: { id }, query: { limit: 200, offset: 0 } },
    });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id, reload]);
  usePolling(run.status === 'ready' && isLive(run.data), bump);
  usePageTitle('Rapprochement');
  return (
    <div className="fr-container fr-my-6w">
      <p>
        <Link to="/anct/rapprochement">Retour aux rapprochements</Link>
      </p>
      <DataStatus state={run}>
        {(data) => (
          <>
            <h1>Rapprochement du {frenchDateTime(data.createdAt)}</h1>
            <p role="status">{jobRunSentence(data)}</p>
          </>
        )}
      </DataStatus>
      <DataStatus state={anomalies}>
        {(data) => {
          if (run.status === 'ready' && isLive(run.data)) return <p>Les anomalies s’afficheront à la fin du rapprochement.</p>;
          if (data.items.length === 0) return <p className="fr-text--lead">Aucune anomalie : tout concorde.</p>;
          const byKind = new Map<string, Anomaly[]>();
          for (const anomaly of data.items) byKind.set(anomaly.kind, [...(byKind.get(anomaly.kind) ?? []), anomaly]);
          return (
            <>
              <p className="fr-text--lead">
                {data.total} anomalie{data.total > 1 ? 's' : ''}, de {byKind.size} sorte{byKind.size > 1 ? 's' : ''}.
              </p>
              {[...byKind].map(([kind, list]) => (
                <section key={kind} aria-labelledby={`kind-${kind}`} className="fr-mb-4w">
                  <h2 id={`kind-${kind}`} className="fr-h4">
                    {label(ANOMALY_KIND_LABELS, kind)} ({list.length})
                  </h2>
                  <Table
                    caption={`Anomalies : ${label(ANOMALY_KIND_LABELS, kind).toLowerCase()}`}
                    noCaption
                    headers={['Objet', 'Attendu', 'Constaté', 'Écart', 'Détails', 'Objets liés']}
                    data={list.map((anomaly) => {
                      const path = objectPath(anomaly.objectType, anomaly.objectId);
                      const gap =
                        anomaly.expectedCents !== null &&
                        anomaly.actualCents !== null &&
                        anomaly.expectedCents !== undefined &&
                        anomaly.actualCents !== undefined
                          ? euros(Number(anomaly.actualCents) - Number(anomaly.expectedCents))
                          : '—';
                      return [
                        path ? (
                          <Link key={anomaly.id} to={path}>
                            {objectName(anomaly)}
                          </Link>
                        ) : (
                          objectName(anomaly)
                        ),
                        amount(anomaly.expectedCents),
                        amount(anomaly.actualCents),
                        gap,
                        Object.entries({ ...(anomaly.details as Record<string, unknown>) })
                          .map(([key, value]) => `${key} : ${String(value)}`)
                          .join(' · ') || '—',
                        <RelatedLinks key="related" anomaly={anomaly} />,
                      ];
                    })}
                  />
                </section>
              ))}
            </>
          );
        }}
      </DataStatus>
    </div>
  );
}
