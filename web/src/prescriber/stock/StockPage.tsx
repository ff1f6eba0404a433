import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link } from 'react-router';
import { REASON_CATEGORY_LABELS, type ReasonCategory } from '../../../../src/modules/passes/reason-category';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { CARNET_STATUS_LABELS, frenchDate, label } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { StockAlerts } from '../components/StockAlerts';

/** Rows shown per table; the count above each table says how many there are in all. */
const SHOWN = 100;

const shownOf = (shown: number, total: number) => (total > shown ? ` (les ${shown} premiers sur ${total})` : '');

/**
 * The structure's carnets: those it holds, with their expiry and the last day to hand them out, and those
 * it handed out, each with what became of its chèques (used, unused, expired, cancelled).
 */
export function StockPage() {
  usePageTitle('Stock de carnets');
  const stock = useApiData(async () => {
    const [held, handedOut] = await Promise.all([
      api.GET('/api/v1/carnets', { params: { query: { status: 'allocated', limit: SHOWN } } }),
      api.GET('/api/v1/carnet-issuances', { params: { query: { limit: SHOWN } } }),
    ]);
    if (!held.data || !handedOut.data) throw new Error('stock not loaded');
    return { held: held.data, handedOut: handedOut.data };
  }, []);

  return (
    <div className="fr-container fr-my-6w">
      <h1>Stock de carnets</h1>
      <StockAlerts />
      <DataStatus state={stock}>
        {({ held, handedOut }) => (
          <>
            <section aria-labelledby="held-carnets" className="fr-mb-6w">
              <h2 id="held-carnets">Carnets en stock : {held.total}</h2>
              {held.total > held.items.length && <p>Les {held.items.length} premiers, par numéro, sont affichés.</p>}
              {held.total === 0 ? (
                <p>Aucun carnet en stock. Votre financeur vous en attribue depuis son stock.</p>
              ) : (
                <Table
                  caption={`Carnets en stock, à remettre${shownOf(held.items.length, held.total)}`}
                  noCaption
                  headers={['Numéro', 'Chèques', 'Valable jusqu’au', 'À remettre avant le', 'État']}
                  data={held.items.map((carnet) => [
                    carnet.number,
                    String(carnet.vouchers.unused),
                    frenchDate(carnet.expiresAt),
                    frenchDate(carnet.distributionClosesAt),
                    new Date(carnet.distributionClosesAt).getTime() < Date.now()
                      ? 'Distribution arrêtée'
                      : label(CARNET_STATUS_LABELS, carnet.status),
                  ])}
                />
              )}
              <Link className="fr-btn" to="/prescripteur/remettre">
                Remettre un carnet
              </Link>
            </section>
            <section aria-labelledby="handed-out-carnets">
              <h2 id="handed-out-carnets">Carnets remis : {handedOut.total}</h2>
              {handedOut.total > handedOut.items.length && <p>Les {handedOut.items.length} derniers remis sont affichés.</p>}
              {handedOut.total === 0 ? (
                <p>Votre structure n’a encore remis aucun carnet.</p>
              ) : (
                <Table
                  caption={`Carnets remis par votre structure et leurs chèques${shownOf(handedOut.items.length, handedOut.total)}`}
                  noCaption
                  headers={[
                    'Numéro',
                    'Remis le',
                    'À',
                    'Motif',
                    'État',
                    'Chèques utilisés',
                    'Non utilisés',
                    'Expirés',
                    'Annulés',
                    'Remplacement',
                  ]}
                  data={handedOut.items.map((issuance) => [
                    issuance.carnetNumber,
                    frenchDate(issuance.issuedAt),
                    issuance.beneficiaryFirstName ?? 'Données effacées',
                    REASON_CATEGORY_LABELS[issuance.reasonCategory as ReasonCategory] ?? issuance.reasonCategory,
                    label(CARNET_STATUS_LABELS, issuance.carnetStatus),
                    String(issuance.vouchers.used),
                    String(issuance.vouchers.unused),
                    String(issuance.vouchers.expired),
                    String(issuance.vouchers.cancelled),
                    issuance.replacedByCarnetNumber
                      ? `Remplacé par ${issuance.replacedByCarnetNumber}`
                      : issuance.replacesCarnetNumber
                        ? `Remplace ${issuance.replacesCarnetNumber}`
                        : '—',
                  ])}
                />
              )}
            </section>
          </>
        )}
      </DataStatus>
    </div>
  );
}
