import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros, frenchDate, label } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { serviceCategoryLabel } from '../../../../src/modules/venues/service-category';
import { STATEMENT_STATUS_LABELS } from '../anct-labels';
import { attempt, frenchDateTime, type Notice, NoticeArea, usePolling, useReload } from '../back-office';
import { nameIn, useOrganisationNames } from '../useFunders';

/** One reimbursement statement with its lines (the chèques it pays), its documents, and its validation. */
export function StatementPage() {
  const { id = '' } = useParams();
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const venues = useOrganisationNames('venue');
  const statement = useApiData(async () => {
    const answer = await api.GET('/api/v1/reimbursement-statements/{id}', { params: { path: { id } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id, reload]);
  const lines = useApiData(async () => {
    const answer = await api.GET('/api/v1/redemptions', { params: { query: { statementId: id, limit: 200, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id]);
  usePolling(statement.status === 'ready' && !statement.data.documentsReadyAt, bump);
  usePageTitle(statement.status === 'ready' ? `Relevé ${statement.data.number}` : 'Relevé de remboursement');
  return (
    <div className="fr-container fr-my-6w">
      <p>
        <Link to="/anct/remboursements">Retour aux remboursements</Link>
      </p>
      <DataStatus state={statement}>
        {(data) => (
          <>
            <h1>Relevé {data.number}</h1>
            <p>
              {nameIn(venues.status === 'ready' ? venues.data : undefined, data.venueId)}, du {frenchDate(data.periodStart)} au{' '}
              {frenchDate(data.periodEnd)} · {data.redemptionCount} chèque(s) · <strong>{euros(data.totalCents)}</strong> ·{' '}
              <strong>{label(STATEMENT_STATUS_LABELS, data.status)}</strong>
              {data.validatedAt ? ` le ${frenchDateTime(data.validatedAt)}` : ''}
            </p>
            <NoticeArea notice={notice} />
            {data.documentsReadyAt && data.pdfUrl && data.csvUrl ? (
              <p>
                <a className="fr-link fr-mr-3w" href={data.pdfUrl} download>
                  Télécharger le relevé {data.number} (PDF)
                </a>
                <a className="fr-link" href={data.csvUrl} download>
                  Télécharger le relevé {data.number} (CSV)
                </a>
              </p>
            ) : (
              <p role="status">Documents en préparation…</p>
            )}
            {data.status === 'draft' && (
              <button
                type="button"
                className="fr-btn fr-mb-3w"
                disabled={!data.documentsReadyAt}
                onClick={async () => {
                  if (
                    await attempt(
                      () => api.POST('/api/v1/reimbursement-statements/{id}/validate', { params: { path: { id } } }),
                      `Relevé ${data.number} validé : il peut entrer dans un lot de virements.`,
                      setNotice,
                    )
                  )
                    bump();
                }}
              >
                Valider le relevé {data.number}
              </button>
            )}
            <h2>Lignes du relevé</h2>
            <DataStatus state={lines}>
              {(list) => (
                <Table
                  caption={`Chèques encaissés du relevé ${data.number}`}
                  noCaption
                  headers={['Chèque', 'Encaissé le', 'Service', 'Mode', 'Valeur', 'État']}
                  data={list.items.map((line) => [
                    line.serial,
                    frenchDateTime(line.scannedAt),
                    line.serviceCategory ? serviceCategoryLabel(line.serviceCategory) : '—',
                    line.mode === 'offline' ? 'Hors ligne' : 'En ligne',
                    euros(line.valueCents),
                    line.cancelledAt ? `Annulé : ${line.cancellationReason ?? ''}` : 'Actif',
                  ])}
                />
              )}
            </DataStatus>
          </>
        )}
      </DataStatus>
    </div>
  );
}
