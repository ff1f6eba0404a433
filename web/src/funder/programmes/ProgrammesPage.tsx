import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { euros, frenchDate } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { dataOf } from '../funder-api';

const percent = (basisPoints: number) => `${(basisPoints / 100).toLocaleString('fr-FR')} %`;

/** The programmes the funder is enrolled in, each with its State envelope: granted, held by its orders, left. */
export function ProgrammesPage() {
  usePageTitle('Programmes');
  const programmes = useApiData(async () => dataOf(await api.GET('/api/v1/programmes', { params: { query: { limit: 200 } } })), []);
  return (
    <div className="fr-container fr-my-6w">
      <h1>Programmes</h1>
      <p>
        Les programmes de l’ANCT auxquels votre collectivité est inscrite. L’enveloppe est le plafond de la part de l’État pour vos
        commandes ; chaque commande en réserve sa part maximale jusqu’à son refus ou son annulation.
      </p>
      <DataStatus state={programmes}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Votre collectivité n’est inscrite à aucun programme pour l’instant : l’ANCT vous y inscrit.</p>
          ) : (
            page.items.map((programme) => (
              <section key={programme.id} aria-labelledby={`programme-${programme.id}`} className="fr-mb-6w">
                <h2 id={`programme-${programme.id}`}>
                  {programme.name} ({programme.year}){programme.status === 'closed' ? ' — clos' : ''}
                </h2>
                <Table
                  caption={`Enveloppe de l’État sur ${programme.name}`}
                  noCaption
                  headers={['Enveloppe de l’État', 'Réservé par vos commandes', 'Restant']}
                  data={[
                    [
                      euros(programme.enrolment?.envelopeCents ?? 0),
                      euros(programme.enrolment?.reservedCents ?? 0),
                      <strong>{euros(programme.enrolment?.remainingCents ?? 0)}</strong>,
                    ],
                  ]}
                />
                <p>
                  Chèques de {euros(programme.faceValueCents)} en carnets de {programme.allowedCarnetSizes.join(' ou ')}, valables jusqu’au{' '}
                  {frenchDate(programme.validUntil)} ; frais de gestion {percent(programme.operatorFeeRateBp)} ; part de l’État{' '}
                  {percent(programme.stateShareRateBp)} des chèques utilisés ; commande minimale {euros(programme.minimumOrderCents)}.
                </p>
                {programme.status === 'open' && (
                  <Link className="fr-btn" to={`/financeur/commandes/nouvelle?programme=${programme.id}`}>
                    Commander<span className="fr-sr-only"> sur {programme.name}</span>
                  </Link>
                )}
              </section>
            ))
          )
        }
      </DataStatus>
    </div>
  );
}
