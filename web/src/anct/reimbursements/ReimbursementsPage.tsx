import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros, frenchDate, label } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { BATCH_STATUS_LABELS, STATEMENT_STATUS_LABELS } from '../anct-labels';
import { attempt, frenchDateTime, type Notice, NoticeArea, parisToday, usePolling, useReload } from '../back-office';
import { isLive, type JobRun, jobRunSentence } from '../JobRunStatus';
import { nameIn, useOrganisationNames } from '../useFunders';

interface RunSummary {
  statementsCreated?: number;
  redemptionsClaimed?: number;
  totalCents?: number | string;
  documentsRendered?: number;
}

/**
 * The reimbursement cycle: draw up statements (followed live), validate them, gather the validated ones
 * into a SEPA payment batch, download its file, then confirm the payment or cancel the batch; and what
 * each venue is still owed.
 */
export function ReimbursementsPage() {
  usePageTitle('Remboursements des lieux');
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const venues = useOrganisationNames('venue');
  const venueName = (id: string) => nameIn(venues.status === 'ready' ? venues.data : undefined, id);
  const runs = useApiData(async () => {
    const answer = await api.GET('/api/v1/job-runs', { params: { query: { kind: 'reimbursement_statements', limit: 10, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [reload]);
  const statements = useApiData(async () => {
    const answer = await api.GET('/api/v1/reimbursement-statements', { params: { query: { limit: 200, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [reload]);
  const batches = useApiData(async () => {
    const answer = await api.GET('/api/v1/payment-batches', { params: { query: { limit: 50, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [reload]);
  const owed = useApiData(async () => {
    const list = venues.status === 'ready' ? venues.data : [];
    return Promise.all(
      list.map(async (venue) => {
        const answer = await api.GET('/api/v1/ledger/balances', { params: { query: { venueId: venue.id } } });
        if (!answer.data) throw answer.error;
        return { venue, owedCents: answer.data.balances.owedToVenuesCents, reimbursedCents: answer.data.totals.venue_payment_made ?? 0 };
      }),
    );
  }, [reload, venues.status]);
  const runningNow = runs.status === 'ready' && runs.data.items.some(isLive);
  const documentsPending = statements.status === 'ready' && statements.data.items.some((statement) => !statement.documentsReadyAt);
  usePolling(runningNow || documentsPending, bump);

  const drafts = statements.status === 'ready' ? statements.data.items.filter((statement) => statement.status === 'draft') : [];
  const payable =
    statements.status === 'ready'
      ? statements.data.items.filter((statement) => statement.status === 'validated' && !statement.paymentBatchId)
      : [];
  const done = (text: Notice) => {
    setNotice(text);
    if (text.severity === 'success') bump();
  };

  return (
    <div className="fr-container fr-my-6w">
      <h1>Remboursements des lieux</h1>
      <NoticeArea notice={notice} />

      <section aria-labelledby="runs">
        <h2 id="runs">Établissement des relevés</h2>
        <RunForm onDone={done} />
        <DataStatus state={runs}>
          {(data) =>
            data.items.length === 0 ? (
              <p>Aucun établissement de relevés pour l’instant.</p>
            ) : (
              <Table
                caption="Derniers établissements de relevés"
                noCaption
                headers={['Demandé le', 'Fin de période', 'Déclenchement', 'État', 'Résultat']}
                data={data.items.map((run: JobRun) => {
                  const summary = (run.summary ?? {}) as RunSummary;
                  return [
                    frenchDateTime(run.createdAt),
                    frenchDate(String((run.parameters as { periodEnd?: string }).periodEnd ?? '')),
                    run.trigger === 'manual' ? 'Manuel' : 'Planifié',
                    <span key={run.id} role={isLive(run) ? 'status' : undefined}>
                      {jobRunSentence(run)}
                    </span>,
                    run.status === 'completed'
                      ? `${summary.statementsCreated ?? 0} relevé(s), ${summary.redemptionsClaimed ?? 0} chèque(s), ${euros(summary.totalCents ?? 0)}`
                      : '—',
                  ];
                })}
              />
            )
          }
        </DataStatus>
      </section>

      <section aria-labelledby="drafts" className="fr-mt-6w">
        <h2 id="drafts">Relevés à valider</h2>
        <DataStatus state={statements}>
          {() =>
            drafts.length === 0 ? (
              <p>Aucun relevé à valider.</p>
            ) : (
              <Table
                caption="Relevés à valider"
                noCaption
                headers={['Relevé', 'Lieu', 'Période', 'Chèques', 'Total', 'Documents']}
                data={drafts.map((statement) => [
                  <Link key={statement.id} to={`/anct/remboursements/releves/${statement.id}`}>
                    Relevé {statement.number}
                  </Link>,
                  venueName(statement.venueId),
                  `du ${frenchDate(statement.periodStart)} au ${frenchDate(statement.periodEnd)}`,
                  statement.redemptionCount,
                  euros(statement.totalCents),
                  statement.documentsReadyAt ? 'Prêts' : 'En préparation…',
                ])}
              />
            )
          }
        </DataStatus>
      </section>

      <section aria-labelledby="decided" className="fr-mt-6w">
        <h2 id="decided">Relevés validés et payés</h2>
        <DataStatus state={statements}>
          {(data) => {
            const decided = data.items.filter((statement) => statement.status !== 'draft');
            return decided.length === 0 ? (
              <p>Aucun relevé validé pour l’instant.</p>
            ) : (
              <Table
                caption="Relevés validés et payés"
                noCaption
                headers={['Relevé', 'Lieu', 'Période', 'Total', 'État']}
                data={decided.map((statement) => [
                  <Link key={statement.id} to={`/anct/remboursements/releves/${statement.id}`}>
                    Relevé {statement.number}
                  </Link>,
                  venueName(statement.venueId),
                  `du ${frenchDate(statement.periodStart)} au ${frenchDate(statement.periodEnd)}`,
                  euros(statement.totalCents),
                  `${label(STATEMENT_STATUS_LABELS, statement.status)}${statement.paidOn ? ` le ${frenchDate(statement.paidOn)}` : statement.paymentBatchId ? ', dans un lot de virements' : ''}`,
                ])}
              />
            );
          }}
        </DataStatus>
      </section>

      <section aria-labelledby="batch" className="fr-mt-6w">
        <h2 id="batch">Préparer un lot de virements</h2>
        {payable.length === 0 ? (
          <p>Aucun relevé validé en attente de virement.</p>
        ) : (
          <BatchForm statements={payable} venueName={venueName} onDone={done} />
        )}
      </section>

      <section aria-labelledby="batches" className="fr-mt-6w">
        <h2 id="batches">Lots de virements</h2>
        <DataStatus state={batches}>
          {(data) =>
            data.items.length === 0 ? (
              <p>Aucun lot de virements.</p>
            ) : (
              <ul className="fr-raw-list">
                {data.items.map((batch) => (
                  <li key={batch.id} id={`lot-${batch.id}`} className="fr-card fr-p-3w fr-mb-2w">
                    <h3 className="fr-h6 fr-mb-1w">Lot {batch.messageId}</h3>
                    <p className="fr-mb-1w">
                      {batch.transferCount} virement(s) · {euros(batch.controlSumCents)} · exécution demandée le{' '}
                      {frenchDate(batch.requestedExecutionDate)} · <strong>{label(BATCH_STATUS_LABELS, batch.status)}</strong>
                      {batch.paidOn ? ` le ${frenchDate(batch.paidOn)}` : ''}
                      {batch.bankReference ? ` (réf. ${batch.bankReference})` : ''}
                    </p>
                    <p className="fr-mb-1w">
                      <a className="fr-link fr-icon-download-line fr-link--icon-left" href={batch.sepaFileUrl} download>
                        Télécharger le fichier SEPA du lot {batch.messageId}
                      </a>
                    </p>
                    {batch.status === 'exported' && <ConfirmForm batchId={batch.id} messageId={batch.messageId} onDone={done} />}
                  </li>
                ))}
              </ul>
            )
          }
        </DataStatus>
      </section>

      <section aria-labelledby="owed" className="fr-mt-6w">
        <h2 id="owed">Ce qui est dû à chaque lieu</h2>
        <DataStatus state={owed}>
          {(rows) =>
            rows.length === 0 ? (
              <p>Aucun lieu.</p>
            ) : (
              <Table
                caption="Montant encore dû à chaque lieu (encaissé moins remboursé)"
                noCaption
                headers={['Lieu', 'Reste dû', 'Déjà remboursé']}
                data={rows.map((row) => [
                  <Link key={row.venue.id} to={`/anct/lieux/${row.venue.id}`}>
                    {row.venue.name}
                  </Link>,
                  euros(row.owedCents),
                  euros(row.reimbursedCents),
                ])}
              />
            )
          }
        </DataStatus>
      </section>
    </div>
  );
}

function RunForm({ onDone }: { onDone: (notice: Notice) => void }) {
  const [periodEnd, setPeriodEnd] = useState(parisToday(-1));
  async function submit(event: FormEvent) {
    event.preventDefault();
    await attempt(
      () => api.POST('/api/v1/reimbursement-statement-runs', { body: { periodEnd } }),
      'Établissement des relevés demandé : son avancement s’affiche ci-dessous.',
      onDone,
    );
  }
  return (
    <form onSubmit={submit} noValidate className="fr-mb-3w">
      <Input
        label="Dernier jour de la période"
        hintText="Les encaissements jusqu’à la fin de ce jour (heure de Paris) sont inclus ; au plus hier."
        nativeInputProps={{ type: 'date', value: periodEnd, max: parisToday(-1), onChange: (event) => setPeriodEnd(event.target.value) }}
      />
      <button type="submit" className="fr-btn">
        Établir les relevés
      </button>
    </form>
  );
}

function BatchForm({
  statements,
  venueName,
  onDone,
}: {
  statements: { id: string; number: string; venueId: string; totalCents: number }[];
  venueName: (id: string) => string;
  onDone: (notice: Notice) => void;
}) {
  const [chosen, setChosen] = useState<string[]>(() => statements.map((statement) => statement.id));
  const [executionDate, setExecutionDate] = useState(parisToday());
  const total = statements
    .filter((statement) => chosen.includes(statement.id))
    .reduce((sum, statement) => sum + Number(statement.totalCents), 0);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) return onDone({ severity: 'error', text: 'Cochez au moins un relevé.' });
    await attempt(
      () => api.POST('/api/v1/payment-batches', { body: { statementIds: chosen, requestedExecutionDate: executionDate } }),
      'Lot de virements préparé : téléchargez son fichier SEPA pour la banque.',
      onDone,
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Checkbox
        legend="Relevés validés à payer"
        options={statements.map((statement) => ({
          label: `Relevé ${statement.number} — ${venueName(statement.venueId)} — ${euros(statement.totalCents)}`,
          nativeInputProps: {
            checked: chosen.includes(statement.id),
            onChange: (event) => setChosen(event.target.checked ? [...chosen, statement.id] : chosen.filter((id) => id !== statement.id)),
          },
        }))}
      />
      <p>
        {chosen.length} relevé(s), total {euros(total)}
      </p>
      <Input
        label="Date d’exécution demandée"
        nativeInputProps={{
          type: 'date',
          value: executionDate,
          min: parisToday(),
          onChange: (event) => setExecutionDate(event.target.value),
        }}
      />
      <button type="submit" className="fr-btn">
        Préparer le lot de virements
      </button>
    </form>
  );
}

function ConfirmForm({ batchId, messageId, onDone }: { batchId: string; messageId: string; onDone: (notice: Notice) => void }) {
  const [paidOn, setPaidOn] = useState(parisToday());
  const [bankReference, setBankReference] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await attempt(
      () =>
        api.POST('/api/v1/payment-batches/{id}/confirm', {
          params: { path: { id: batchId } },
          body: { paidOn, bankReference: bankReference.trim() || undefined },
        }),
      `Paiement du lot ${messageId} confirmé : les relevés sont payés.`,
      onDone,
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label={`Payé le (lot ${messageId})`}
            nativeInputProps={{ type: 'date', value: paidOn, onChange: (event) => setPaidOn(event.target.value) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label={`Référence bancaire (lot ${messageId})`}
            hintText="Facultatif."
            nativeInputProps={{ value: bankReference, onChange: (event) => setBankReference(event.target.value) }}
          />
        </div>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline">
        <li>
          <button type="submit" className="fr-btn">
            Confirmer le paiement du lot {messageId}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="fr-btn fr-btn--secondary"
            onClick={() =>
              attempt(
                () => api.POST('/api/v1/payment-batches/{id}/cancel', { params: { path: { id: batchId } } }),
                `Lot ${messageId} annulé : ses relevés peuvent entrer dans un nouveau lot.`,
                onDone,
              )
            }
          >
            Annuler le lot {messageId}
          </button>
        </li>
      </ul>
    </form>
  );
}
