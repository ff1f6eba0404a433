import { Link } from 'react-router';
import { api } from '../api/client';
import type { OrganisationView } from '../api/views';
import { DataStatus } from '../layout/DataStatus';
import { OrganisationSummary } from '../layout/OrganisationSummary';
import { undocumentedDataOf, useApiData } from '../layout/useApiData';
import { usePageTitle } from '../layout/usePageTitle';
import { useActor } from '../session/SessionContext';
import { StockAlerts } from './components/StockAlerts';

/** The prescriber's home: what needs attention in the stock, the counts, and the way to the hand-out desk. */
export function PrescriberHomePage() {
  usePageTitle('Espace prescripteur');
  const actor = useActor();
  const home = useApiData(async () => {
    const [organisation, stock] = await Promise.all([
      api.GET('/api/v1/organisations/{id}', { params: { path: { id: actor.organisationId ?? '' } } }),
      api.GET('/api/v1/carnets/stock'),
    ]);
    if (!stock.data) throw new Error(`HTTP ${stock.response.status}`);
    return { organisation: undocumentedDataOf<OrganisationView>(organisation), totals: stock.data.totals };
  }, [actor.organisationId]);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Espace prescripteur</h1>
      <StockAlerts />
      <DataStatus state={home}>
        {({ organisation, totals }) => (
          <>
            <OrganisationSummary organisation={organisation} />
            <h2>Vos carnets</h2>
            <ul>
              <li>
                <strong>{totals.allocated}</strong> en stock, à remettre
              </li>
              <li>
                <strong>{totals.issued}</strong> remis et en cours d’utilisation
              </li>
              <li>
                <strong>{totals.fully_used}</strong> entièrement utilisés, <strong>{totals.expired}</strong> expirés,{' '}
                <strong>{totals.cancelled}</strong> en opposition
              </li>
            </ul>
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <Link className="fr-btn" to="/prescripteur/remettre">
                  Remettre un carnet
                </Link>
              </li>
              <li>
                <Link className="fr-btn fr-btn--secondary" to="/prescripteur/stock">
                  Voir le stock
                </Link>
              </li>
            </ul>
          </>
        )}
      </DataStatus>
    </div>
  );
}
