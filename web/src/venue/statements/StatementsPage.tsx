import { api } from '../../api/client';
import type { ListView } from '../../api/views';
import { DataStatus } from '../../layout/DataStatus';
import { undocumentedDataOf, useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { euros } from '../counter/CounterPage';

interface StatementRow {
  id: string;
  number: string;
  periodStart: string;
  periodEnd: string;
  status: 'draft' | 'validated' | 'paid';
  redemptionCount: number;
  totalCents: string | number;
  documentsReadyAt: string | null;
  paidOn: string | null;
}

const STATUS: Record<StatementRow['status'], string> = {
  draft: 'En cours de vérification par l’ANCT',
  validated: 'Validé, paiement à venir',
  paid: 'Payé',
};

const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const day = (iso: string) => DAY.format(new Date(`${iso}T00:00:00Z`));

/** The venue's monthly reimbursement statements, each with its PDF and its CSV (downloaded with the session cookie). */
export function StatementsPage() {
  usePageTitle('Relevés de remboursement');
  const statements = useApiData(
    async () =>
      undocumentedDataOf<ListView<StatementRow>>(
        await api.GET('/api/v1/reimbursement-statements', { params: { query: { limit: 100, offset: 0 } as never } }),
      ),
    [],
  );
  return (
    <div className="fr-container fr-my-6w">
      <h1>Relevés de remboursement</h1>
      <DataStatus state={statements}>
        {(data) =>
          data.items.length === 0 ? (
            <p>Aucun relevé pour l’instant : le premier est établi au début du mois qui suit vos premiers encaissements.</p>
          ) : (
            <ul className="fr-raw-list">
              {data.items.map((statement) => (
                <li key={statement.id} className="fr-card fr-p-2w fr-mb-2w">
                  <h2 className="fr-h5 fr-mb-1w">
                    Relevé {statement.number}, du {day(statement.periodStart)} au {day(statement.periodEnd)}
                  </h2>
                  <p className="fr-mb-1w">
                    {statement.redemptionCount} chèque{statement.redemptionCount > 1 ? 's' : ''} · {euros(Number(statement.totalCents))} ·{' '}
                    {STATUS[statement.status]}
                    {statement.paidOn ? ` le ${day(statement.paidOn)}` : ''}
                  </p>
                  {statement.documentsReadyAt ? (
                    <p className="fr-mb-0">
                      <a className="fr-link fr-mr-3w" href={`/api/v1/reimbursement-statements/${statement.id}/statement.pdf`} download>
                        Télécharger le relevé {statement.number} (PDF)
                      </a>
                      <a className="fr-link" href={`/api/v1/reimbursement-statements/${statement.id}/statement.csv`} download>
                        Télécharger le relevé {statement.number} (CSV)
                      </a>
                    </p>
                  ) : (
                    <p className="fr-mb-0">Documents en préparation.</p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </DataStatus>
    </div>
  );
}
