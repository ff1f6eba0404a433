import { Table } from '@codegouvfr/react-dsfr/Table';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { CARNET_STATUS_LABELS, euros, frenchDate, label } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { dataOf } from '../funder-api';

/** Carnets that will expire unused within the warning window (J-30), and the credit notes for expired value. */
export function ExpiryPage() {
  usePageTitle('Échéances et avoirs');
  const data = useApiData(async () => {
    const [warnings, creditNotes, balances, orders] = await Promise.all([
      api.GET('/api/v1/expiry-warnings', { params: { query: { limit: 200 } } }),
      api.GET('/api/v1/ledger/entries', { params: { query: { kind: 'expired_value_credit_note', limit: 200 } } }),
      api.GET('/api/v1/ledger/balances'),
      api.GET('/api/v1/orders', { params: { query: { limit: 200 } } }),
    ]);
    return { warnings: dataOf(warnings), creditNotes: dataOf(creditNotes), balances: dataOf(balances), orders: dataOf(orders).items };
  }, []);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Échéances et avoirs</h1>
      <DataStatus state={data}>
        {({ warnings, creditNotes, balances, orders }) => {
          const orderNumber = (id: string | null) => orders.find((order) => order.id === id)?.number ?? '—';
          const unusedValue = warnings.items.reduce((sum, warning) => sum + Number(warning.unusedValueCents), 0);
          return (
            <>
              <h2>Carnets qui expireront sans être utilisés</h2>
              <p>
                {warnings.total === 0
                  ? `Aucun carnet n’arrive à échéance dans les ${warnings.withinDays} jours avec des chèques inutilisés.`
                  : `${warnings.total} ${warnings.total === 1 ? 'carnet arrive' : 'carnets arrivent'} à échéance dans les ${warnings.withinDays} jours avec des chèques inutilisés${warnings.total > warnings.items.length ? '' : ` (${euros(unusedValue)})`}. Remettez-les ou réattribuez-les avant la fin de la distribution, 15 jours avant l’échéance.`}
              </p>
              {warnings.items.length > 0 && (
                <Table
                  caption={`Échéances des ${warnings.withinDays} prochains jours`}
                  headers={['Carnet', 'Commande', 'Où il est', 'Valable jusqu’au', 'Encaissable jusqu’au', 'Chèques inutilisés', 'Valeur']}
                  data={warnings.items.map((warning) => [
                    warning.carnetNumber,
                    warning.orderNumber,
                    `${label(CARNET_STATUS_LABELS, warning.carnetStatus)}${warning.prescriberName ? ` — ${warning.prescriberName}` : ''}`,
                    frenchDate(warning.expiresAt),
                    frenchDate(warning.redeemableUntil),
                    String(warning.unusedVouchers),
                    euros(warning.unusedValueCents),
                  ])}
                />
              )}
              <h2>Avoirs reçus</h2>
              <p>
                Après l’échéance, la valeur des chèques non utilisés vous est rendue sous forme d’avoir. Total des avoirs :{' '}
                <strong>{euros(balances.balances.creditNotesCents)}</strong>.
              </p>
              {creditNotes.items.length === 0 ? (
                <p>Aucun avoir pour l’instant.</p>
              ) : (
                <Table
                  caption="Avoirs sur chèques expirés ou annulés"
                  headers={['Date', 'Commande', 'Montant']}
                  data={creditNotes.items.map((entry) => [
                    frenchDate(entry.occurredAt),
                    orderNumber(entry.orderId),
                    euros(entry.amountCents),
                  ])}
                />
              )}
            </>
          );
        }}
      </DataStatus>
    </div>
  );
}
