import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useState } from 'react';
import { undoRefusal } from '../../../../src/modules/redemptions/redemption.rules';
import { api } from '../../api/client';
import type { ListView } from '../../api/views';
import { DataStatus } from '../../layout/DataStatus';
import { undocumentedDataOf, useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { euros } from '../counter/CounterPage';
import { parisDateTime, parisDayEnd, parisDayStart } from './paris-day';

interface RedemptionRow {
  id: string;
  status: 'active' | 'cancelled';
  serial: string;
  valueCents: number;
  serviceCategory: string;
  mode: 'online' | 'offline';
  scannedAt: string;
  recordedAt: string;
  statementId: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
}

interface Totals {
  pendingReimbursementCents: string | number;
  notYetInStatement: { count: number; valueCents: string | number };
}

interface Filters {
  from: string;
  to: string;
  status: '' | 'active' | 'cancelled';
}

const PAGE_SIZE = 20;

/** Whether the venue may still undo this redemption now: the server's own rule (24 h, not in a statement). */
function undoable(row: RedemptionRow, now: Date): boolean {
  return (
    undoRefusal(
      {
        cancelledAt: row.cancelledAt ? new Date(row.cancelledAt) : null,
        statementId: row.statementId,
        recordedAt: new Date(row.recordedAt),
      },
      now,
    ) === null
  );
}

/** The venue's redemptions: what it is owed, the list filtered and by pages, and undo within 24 h. */
export function HistoryPage() {
  usePageTitle('Historique des encaissements');
  const [filters, setFilters] = useState<Filters>({ from: '', to: '', status: '' });
  const [draft, setDraft] = useState<Filters>(filters);
  const [offset, setOffset] = useState(0);
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const totals = useApiData(async () => undocumentedDataOf<Totals>(await api.GET('/api/v1/redemptions/totals')), [reload]);
  const page = useApiData(
    async () =>
      undocumentedDataOf<ListView<RedemptionRow>>(
        await api.GET('/api/v1/redemptions', {
          params: {
            query: {
              limit: PAGE_SIZE,
              offset,
              ...(filters.from ? { from: parisDayStart(filters.from).toISOString() } : {}),
              ...(filters.to ? { to: parisDayEnd(filters.to).toISOString() } : {}),
              ...(filters.status ? { status: filters.status } : {}),
            } as never,
          },
        }),
      ),
    [filters, offset, reload],
  );

  function applyFilters(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setOffset(0);
  }

  return (
    <div className="fr-container fr-my-6w">
      <h1>Historique des encaissements</h1>
      <DataStatus state={totals}>
        {(data) => (
          <div className="fr-callout fr-mb-4w">
            <h2 className="fr-callout__title">En attente de remboursement : {euros(Number(data.pendingReimbursementCents))}</h2>
            <p className="fr-callout__text">
              {data.notYetInStatement.count === 0
                ? 'Tous vos encaissements figurent déjà sur un relevé.'
                : `${data.notYetInStatement.count} encaissement${data.notYetInStatement.count > 1 ? 's' : ''} (${euros(Number(data.notYetInStatement.valueCents))}) ne figure${data.notYetInStatement.count > 1 ? 'nt' : ''} pas encore sur un relevé.`}
            </p>
          </div>
        )}
      </DataStatus>

      <form onSubmit={applyFilters} className="fr-mb-4w" aria-labelledby="history-filters">
        <h2 id="history-filters">Filtrer</h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Du"
              nativeInputProps={{ type: 'date', value: draft.from, onChange: (event) => setDraft({ ...draft, from: event.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Au"
              nativeInputProps={{ type: 'date', value: draft.to, onChange: (event) => setDraft({ ...draft, to: event.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="État"
              nativeSelectProps={{
                value: draft.status,
                onChange: (event) => setDraft({ ...draft, status: event.target.value as Filters['status'] }),
              }}
            >
              <option value="">Tous</option>
              <option value="active">Encaissés</option>
              <option value="cancelled">Annulés</option>
            </Select>
          </div>
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Afficher
        </button>
      </form>

      {notice && <Alert className="fr-mb-2w" severity={notice.severity} small description={notice.text} />}

      <DataStatus state={page}>
        {(data) => (
          <section aria-labelledby="history-list">
            <h2 id="history-list">
              {data.total} encaissement{data.total > 1 ? 's' : ''}
            </h2>
            {data.items.length === 0 ? (
              <p>Aucun encaissement pour ces critères.</p>
            ) : (
              <ul className="fr-raw-list">
                {data.items.map((row) => (
                  <HistoryItem
                    key={row.id}
                    row={row}
                    onUndone={(text, severity) => {
                      setNotice({ text, severity });
                      setReload((count) => count + 1);
                    }}
                  />
                ))}
              </ul>
            )}
            <nav aria-label="Pages de l’historique" className="fr-mt-2w">
              <p>
                Page {Math.floor(offset / PAGE_SIZE) + 1} sur {Math.max(1, Math.ceil(data.total / PAGE_SIZE))}
              </p>
              <button
                type="button"
                className="fr-btn fr-btn--tertiary fr-mr-2w"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                Page précédente
              </button>
              <button
                type="button"
                className="fr-btn fr-btn--tertiary"
                disabled={offset + PAGE_SIZE >= data.total}
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                Page suivante
              </button>
            </nav>
          </section>
        )}
      </DataStatus>
    </div>
  );
}

function HistoryItem({ row, onUndone }: { row: RedemptionRow; onUndone: (text: string, severity: 'success' | 'error') => void }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function undo(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError('Dites en quelques mots pourquoi vous annulez (3 caractères au moins).');
      return;
    }
    setSending(true);
    try {
      const answer = await api.POST('/api/v1/redemptions/{id}/cancel', {
        params: { path: { id: row.id } },
        body: { reason: reason.trim() },
      });
      if (answer.response.ok) onUndone(`L’encaissement du chèque ${row.serial} est annulé : le chèque peut de nouveau servir.`, 'success');
      else onUndone(`L’encaissement du chèque ${row.serial} n’a pas pu être annulé (plus de 24 h, ou déjà sur un relevé).`, 'error');
    } catch {
      onUndone('La connexion a échoué : rien n’a été annulé. Réessayez.', 'error');
    } finally {
      setSending(false);
    }
  }

  return (
    <li className="fr-card fr-p-2w fr-mb-2w">
      <p className="fr-text--lg fr-mb-1w">
        <strong>Chèque {row.serial}</strong> — {euros(row.valueCents)}
      </p>
      <p className="fr-mb-1w">
        {parisDateTime(row.scannedAt)} · {row.mode === 'offline' ? 'hors ligne' : 'en ligne'} ·{' '}
        {row.status === 'cancelled' ? (
          <span>
            <span className="fr-icon-close-circle-fill fr-icon--sm" aria-hidden="true" /> Annulé
            {row.cancellationReason ? ` : ${row.cancellationReason}` : ''}
          </span>
        ) : (
          <span>
            <span className="fr-icon-checkbox-circle-fill fr-icon--sm" aria-hidden="true" /> Encaissé
            {row.statementId ? ', sur un relevé' : ''}
          </span>
        )}
      </p>
      {undoable(row, new Date()) &&
        (confirming ? (
          <form onSubmit={undo}>
            <Input
              label={`Pourquoi annuler l’encaissement du chèque ${row.serial} ?`}
              state={reasonError ? 'error' : 'default'}
              stateRelatedMessage={reasonError ?? undefined}
              nativeInputProps={{ value: reason, autoFocus: true, onChange: (event) => setReason(event.target.value) }}
            />
            <button type="submit" className="fr-btn fr-btn--sm fr-mr-2w" disabled={sending}>
              Confirmer l’annulation
            </button>
            <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => setConfirming(false)}>
              Garder l’encaissement
            </button>
          </form>
        ) : (
          <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => setConfirming(true)}>
            Annuler l’encaissement du chèque {row.serial}
          </button>
        ))}
    </li>
  );
}
