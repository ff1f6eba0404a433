import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros, frenchDate, label, ORDER_STATUS_LABELS } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { attempt, centsOf, frenchDateTime, type Notice, NoticeArea, parisToday, usePolling, useReload } from '../back-office';
import { nameIn, useOrganisationNames } from '../useFunders';

/** One order: its pricing, the decision (approve, reject with a reason), the payment received, then its generation followed live. */
export function OrderPage() {
  const { id = '' } = useParams();
  const [reload, bump] = useReload();
  const [notice, setNotice] = useState<Notice | null>(null);
  const funders = useOrganisationNames('funder');
  const order = useApiData(async () => {
    const answer = await api.GET('/api/v1/orders/{id}', { params: { path: { id } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [id, reload]);
  const generating = order.status === 'ready' && (order.data.status === 'paid' || order.data.status === 'generating');
  usePolling(generating, bump);
  usePageTitle(order.status === 'ready' ? `Commande ${order.data.number}` : 'Commande');
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);

  async function reject(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) return setReasonProblem('Indiquez le motif du refus : le financeur le lira.');
    setReasonProblem(null);
    if (
      await attempt(
        () => api.POST('/api/v1/orders/{id}/reject', { params: { path: { id } }, body: { reason: reason.trim() } }),
        'Commande refusée.',
        setNotice,
      )
    )
      bump();
  }

  return (
    <div className="fr-container fr-my-6w">
      <DataStatus state={order}>
        {(data) => (
          <>
            <h1>Commande {data.number}</h1>
            <p>
              Statut : <strong>{label(ORDER_STATUS_LABELS, data.status)}</strong> · financeur :{' '}
              {nameIn(funders.status === 'ready' ? funders.data : undefined, data.funderId)}
            </p>
            <NoticeArea notice={notice} />
            <h2>Tarification</h2>
            <dl className="fr-mb-4w">
              <dt>Carnets</dt>
              <dd>
                {data.carnetCount} carnet{data.carnetCount > 1 ? 's' : ''} de {data.carnetSize} chèques à {euros(data.faceValueCents)}
              </dd>
              <dt>Valeur faciale</dt>
              <dd>{euros(data.faceValueTotalCents)}</dd>
              <dt>Frais de l’opérateur</dt>
              <dd>{euros(data.feeCents)}</dd>
              <dt>Total dû par le financeur</dt>
              <dd>
                <strong>{euros(data.totalDueCents)}</strong>
              </dd>
              <dt>Part de l’État au plus</dt>
              <dd>{euros(data.maxStateShareCents)}</dd>
              <dt>Territoire</dt>
              <dd>{[...data.territoryDepartements, ...data.territoryCommunes].join(', ') || 'Toute la France'}</dd>
              {data.rejectionReason && (
                <>
                  <dt>Motif du refus</dt>
                  <dd>{data.rejectionReason}</dd>
                </>
              )}
              {data.paymentReference && (
                <>
                  <dt>Paiement reçu</dt>
                  <dd>
                    {data.paymentReference}, le {frenchDate(data.paymentDate)}
                  </dd>
                </>
              )}
            </dl>

            {data.status === 'submitted' && (
              <section aria-labelledby="decision">
                <h2 id="decision">Décision</h2>
                <button
                  type="button"
                  className="fr-btn fr-mb-3w"
                  onClick={async () => {
                    if (
                      await attempt(
                        () => api.POST('/api/v1/orders/{id}/approve', { params: { path: { id } } }),
                        'Commande validée : le financeur peut la payer.',
                        setNotice,
                      )
                    )
                      bump();
                  }}
                >
                  Valider la commande
                </button>
                <form onSubmit={reject} noValidate>
                  <Input
                    label="Motif du refus"
                    state={reasonProblem ? 'error' : 'default'}
                    stateRelatedMessage={reasonProblem ?? undefined}
                    textArea
                    nativeTextAreaProps={{ value: reason, onChange: (event) => setReason(event.target.value) }}
                  />
                  <button type="submit" className="fr-btn fr-btn--secondary">
                    Refuser la commande
                  </button>
                </form>
              </section>
            )}

            {data.status === 'approved' && (
              <PaymentForm
                orderId={id}
                totalDueCents={data.totalDueCents}
                onDone={(text) => (setNotice(text), text.severity === 'success' && bump())}
              />
            )}

            {['paid', 'generating', 'ready'].includes(data.status) && (
              <section aria-labelledby="generation">
                <h2 id="generation">Génération des carnets</h2>
                <p role="status">
                  {data.status === 'ready'
                    ? `Terminée le ${frenchDateTime(data.readyAt)} : ${data.generation.totalCarnets} carnets, ${data.generation.totalVouchers} chèques.`
                    : `En cours : ${data.generation.doneCarnets} carnets sur ${data.generation.totalCarnets}, ${data.generation.doneVouchers} chèques sur ${data.generation.totalVouchers}.`}
                </p>
                <progress
                  max={Math.max(1, data.generation.totalVouchers)}
                  value={data.generation.doneVouchers}
                  aria-label="Avancement de la génération"
                />
              </section>
            )}
          </>
        )}
      </DataStatus>
    </div>
  );
}

/** The funder's payment: the amount typed must equal what is due (checked here, and again by the server). */
function PaymentForm({ orderId, totalDueCents, onDone }: { orderId: string; totalDueCents: number; onDone: (notice: Notice) => void }) {
  const [reference, setReference] = useState('');
  const [date, setDate] = useState(parisToday());
  const [amount, setAmount] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const amountCents = centsOf(amount);
  const amountProblem =
    submitted && amountCents === null
      ? 'Saisissez le montant reçu en euros.'
      : amountCents !== null && amountCents !== totalDueCents
        ? `Le montant reçu doit être égal au total dû : ${euros(totalDueCents)}.`
        : null;
  const referenceProblem = submitted && reference.trim() === '' ? 'Saisissez la référence du virement.' : null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (amountCents !== totalDueCents || reference.trim() === '') return;
    await attempt(
      () =>
        api.POST('/api/v1/orders/{id}/payment', {
          params: { path: { id: orderId } },
          body: { paymentReference: reference.trim(), paymentDate: date, amountCents },
        }),
      'Paiement enregistré : la génération des carnets commence.',
      onDone,
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="payment">
      <h2 id="payment">Enregistrer le paiement</h2>
      <Input
        label="Référence du virement"
        state={referenceProblem ? 'error' : 'default'}
        stateRelatedMessage={referenceProblem ?? undefined}
        nativeInputProps={{ value: reference, onChange: (event) => setReference(event.target.value) }}
      />
      <Input
        label="Date de valeur"
        nativeInputProps={{ type: 'date', value: date, max: parisToday(), onChange: (event) => setDate(event.target.value) }}
      />
      <Input
        label="Montant reçu (€)"
        hintText={`Total dû : ${euros(totalDueCents)}`}
        state={amountProblem ? 'error' : amountCents === totalDueCents ? 'success' : 'default'}
        stateRelatedMessage={amountProblem ?? (amountCents === totalDueCents ? 'Le montant correspond au total dû.' : undefined)}
        nativeInputProps={{ value: amount, inputMode: 'decimal', onChange: (event) => setAmount(event.target.value) }}
      />
      <button type="submit" className="fr-btn">
        Enregistrer le paiement
      </button>
    </form>
  );
}
