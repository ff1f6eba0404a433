import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { euros, frenchDate, label, LEDGER_ENTRY_KIND_LABELS, ORDER_STATUS_LABELS } from '../../layout/labels';
import { usePageTitle } from '../../layout/usePageTitle';
import { dataOf, type OrderLedgerView, type OrderView } from '../funder-api';
import { generationSentence, ORDER_STEPS, orderStep, refreshDelay } from './order-progress';

type Loaded = { status: 'loading' } | { status: 'error' } | { status: 'ready'; order: OrderView; ledger: OrderLedgerView };

/**
 * One order, followed live: its state, the generation of its carnets (the page asks the server again every
 * second while the worker generates, every few seconds while ANCT decides), its amounts, ledger and payment.
 */
export function OrderPage() {
  const { id = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(loaded.status === 'ready' ? `Commande ${loaded.order.number}` : 'Commande');

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastStatus: string | null = null;
    let ledger: OrderLedgerView | null = null;
    async function poll() {
      try {
        const order = dataOf(await api.GET('/api/v1/orders/{id}', { params: { path: { id } } }));
        // The ledger changes only with the state (approval, payment, cancellation): read again then.
        if (order.status !== lastStatus || !ledger)
          ledger = dataOf(await api.GET('/api/v1/orders/{id}/ledger', { params: { path: { id } } }));
        lastStatus = order.status;
        if (stopped) return;
        setLoaded({ status: 'ready', order, ledger });
        const delay = refreshDelay(order.status);
        if (delay !== null) timer = setTimeout(poll, delay);
      } catch {
        if (stopped) return;
        setLoaded((current) => (current.status === 'ready' ? current : { status: 'error' }));
        timer = setTimeout(poll, 5_000);
      }
    }
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, reload]);

  async function act(action: 'submit' | 'cancel') {
    setBusy(true);
    setNotice(null);
    try {
      const answer =
        action === 'submit'
          ? await api.POST('/api/v1/orders/{id}/submit', { params: { path: { id } } })
          : await api.POST('/api/v1/orders/{id}/cancel', { params: { path: { id } }, body: {} });
      if (!answer.response.ok) setNotice('L’action n’a pas pu être faite : la commande a peut-être changé d’état entre-temps.');
    } catch {
      setNotice('La connexion a échoué. Réessayez.');
    } finally {
      setBusy(false);
      setReload((count) => count + 1);
    }
  }

  if (loaded.status === 'loading')
    return (
      <div className="fr-container fr-my-6w">
        <p role="status">Chargement…</p>
      </div>
    );
  if (loaded.status === 'error')
    return (
      <div className="fr-container fr-my-6w">
        <h1>Commande</h1>
        <Alert severity="error" small description="Cette commande n’a pas pu être chargée. Rechargez la page." />
      </div>
    );
  const { order, ledger } = loaded;
  const step = orderStep(order.status);
  const generating = order.status === 'paid' || order.status === 'generating';
  return (
    <div className="fr-container fr-my-6w">
      <h1>Commande {order.number}</h1>
      <p role="status" aria-live="polite">
        État : <strong>{label(ORDER_STATUS_LABELS, order.status)}</strong>
        {order.status === 'ready' ? ' — les carnets sont dans votre stock.' : ''}
      </p>
      {step !== null && step > 0 ? (
        <Stepper
          currentStep={step}
          stepCount={ORDER_STEPS.length}
          title={ORDER_STEPS[step - 1]}
          nextTitle={step < ORDER_STEPS.length ? ORDER_STEPS[step] : undefined}
        />
      ) : null}
      {order.status === 'rejected' && (
        <Alert
          severity="warning"
          small
          description={`Refusée par l’ANCT : ${order.rejectionReason ?? 'sans motif'}`}
          className="fr-mb-3w"
        />
      )}
      {order.status === 'draft' && <p>Cette commande n’a pas encore été envoyée à l’ANCT.</p>}

      <h2>Génération des carnets</h2>
      <div className="fr-mb-3w">
        <label htmlFor="generation-progress">Carnets générés : {generationSentence(order)}</label>
        <br />
        <progress id="generation-progress" max={order.generation.totalCarnets} value={order.generation.doneCarnets} />
        <p className="fr-text--sm">
          {order.status === 'ready'
            ? `Terminée le ${frenchDate(order.readyAt)}.`
            : generating
              ? 'En cours : cette page se met à jour toute seule.'
              : 'Les carnets sont générés dès que l’ANCT a enregistré votre paiement.'}
        </p>
      </div>

      <h2>Montants</h2>
      <Table
        caption="Montants fixés à la création de la commande"
        noCaption
        headers={['Montant', 'Valeur']}
        data={[
          [
            'Carnets',
            `${order.carnetCount.toLocaleString('fr-FR')} carnets de ${order.carnetSize} chèques de ${euros(order.faceValueCents)}`,
          ],
          ['Valeur des chèques', euros(order.faceValueTotalCents)],
          ['Frais de gestion', euros(order.feeCents)],
          ['Total à payer', euros(order.totalDueCents)],
          ['Part maximale de l’État', euros(order.maxStateShareCents)],
        ]}
      />

      <h2>Paiement et écritures</h2>
      <p>
        {order.paymentReference
          ? `Paiement reçu le ${frenchDate(order.paymentDate)}, référence ${order.paymentReference}.`
          : order.status === 'approved'
            ? 'Validée : en attente de votre paiement.'
            : 'Aucun paiement enregistré.'}
        {ledger.entries.length > 0 && (
          <>
            {' '}
            Reste dû : <strong>{euros(ledger.balance.balanceDueCents)}</strong>.
          </>
        )}
      </p>
      {ledger.entries.length === 0 ? (
        <p>Aucune écriture : les sommes dues sont inscrites quand l’ANCT valide la commande.</p>
      ) : (
        <Table
          caption="Écritures de la commande"
          headers={['Date', 'Opération', 'Montant', 'Référence']}
          data={ledger.entries.map((entry) => [
            frenchDate(entry.occurredAt),
            label(LEDGER_ENTRY_KIND_LABELS, entry.kind),
            euros(entry.amountCents),
            entry.reference ?? '—',
          ])}
        />
      )}

      {notice && <Alert severity="error" small description={notice} className="fr-mb-3w" />}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {order.status === 'draft' && (
          <li>
            <Button onClick={() => act('submit')} disabled={busy}>
              Envoyer à l’ANCT
            </Button>
          </li>
        )}
        {['draft', 'submitted', 'approved'].includes(order.status) && (
          <li>
            <Button priority="secondary" onClick={() => act('cancel')} disabled={busy}>
              Annuler la commande
            </Button>
          </li>
        )}
        {order.status === 'ready' && (
          <li>
            <Link className="fr-btn" to={`/financeur/stock?commande=${order.id}`}>
              Attribuer ces carnets
            </Link>
          </li>
        )}
      </ul>
      <p>
        <Link to="/financeur/commandes">Toutes les commandes</Link>
      </p>
    </div>
  );
}
