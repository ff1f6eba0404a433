import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { frenchDate } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';

type AlertGroup = components['schemas']['CarnetAlertGroupDto'];

const carnets = (count: number) => `${count} carnet${count > 1 ? 's' : ''}`;
const range = (group: AlertGroup) =>
  group.carnetCount > 1 ? `nos ${group.firstCarnetNumber} à ${group.lastCarnetNumber}` : `no ${group.firstCarnetNumber}`;

/**
 * What the structure must act on in its stock: carnets that can no longer be handed out (J-15) and carnets
 * that expire soon (J-30). Says nothing when all is well; the server decides (same rule as the hand-out).
 */
export function StockAlerts({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const alerts = useApiData(async () => {
    const answer = await api.GET('/api/v1/carnets/alerts');
    if (!answer.data) throw new Error(`HTTP ${answer.response.status}`);
    return answer.data;
  }, []);
  if (alerts.status !== 'ready') return null;
  const { expiringSoon, distributionClosed, warningDays, distributionStopDays } = alerts.data;
  if (expiringSoon.length === 0 && distributionClosed.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="stock-alerts" className="fr-mb-4w">
      <Heading id="stock-alerts">Alertes sur votre stock</Heading>
      {distributionClosed.map((group) => (
        <Alert
          key={`closed-${group.orderId}-${group.expiresAt}`}
          className="fr-mb-2w"
          severity="error"
          title={`Distribution arrêtée : ${carnets(group.carnetCount)} ne ${group.carnetCount > 1 ? 'peuvent' : 'peut'} plus être remis`}
          description={`Commande ${group.orderNumber} (${range(group)}) : la remise a pris fin le ${frenchDate(group.distributionClosesAt)}, ${distributionStopDays} jours avant l’expiration des chèques le ${frenchDate(group.expiresAt)}. Ne les remettez plus ; votre financeur peut les reprendre.`}
        />
      ))}
      {expiringSoon.map((group) => (
        <Alert
          key={`soon-${group.orderId}-${group.expiresAt}`}
          className="fr-mb-2w"
          severity="warning"
          title={`${carnets(group.carnetCount)} expire${group.carnetCount > 1 ? 'nt' : ''} dans moins de ${warningDays} jours`}
          description={`Commande ${group.orderNumber} (${range(group)}) : chèques valables jusqu’au ${frenchDate(group.expiresAt)}. Remettez ces carnets en priorité, au plus tard le ${frenchDate(group.distributionClosesAt)}.`}
        />
      ))}
    </section>
  );
}
