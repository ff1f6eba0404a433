import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link, useParams } from 'react-router';
import { readablePhone } from '../../../../src/modules/venues/standard/standard-phone.rules';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { OpeningStatus } from './OpeningStatus';

function List({ items }: { items: readonly string[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/**
 * A venue's public page: where it is, when it is open (this week, in plain French), what the chèques pay
 * for here and how many each session takes, how to reach it. No map tiles from elsewhere: a phone opens
 * its own map application from the address.
 */
export function VenueSitePage() {
  const { siteId = '' } = useParams();
  const site = useApiData(async () => {
    const answer = await api.GET('/api/v1/public/venue-sites/{id}', { params: { path: { id: siteId } } });
    if (answer.response.status === 404 || answer.response.status === 400) return null;
    if (!answer.data) throw new Error(`HTTP ${answer.response.status}`);
    return answer.data;
  }, [siteId]);
  usePageTitle(site.status === 'ready' && site.data ? site.data.name : 'Un lieu');

  return (
    <div className="fr-container fr-my-6w">
      <p>
        <Link
          className="fr-link fr-icon-arrow-left-line fr-link--icon-left"
          to="/trouver-un-lieu"
          onClick={(event) => window.history.length > 1 && (event.preventDefault(), window.history.back())}
        >
          Retour à la recherche
        </Link>
      </p>
      <DataStatus state={site}>
        {(data) =>
          !data ? (
            <>
              <h1>Ce lieu n’est pas dans la liste</h1>
              <p>Il a peut-être fermé. Cherchez un autre lieu près de chez vous.</p>
            </>
          ) : (
            <>
              <h1 className="fr-mb-1w">{data.name}</h1>
              {data.venueName !== data.name && <p className="fr-text--lg fr-mb-1w">{data.venueName}</p>}
              <OpeningStatus openNow={data.openNow} text={data.openingStatus} />
              {data.summary && <p className="fr-text--lg">{data.summary}</p>}

              <h2 className="fr-mt-4w">Adresse</h2>
              <p className="fr-text--lg fr-mb-1w">
                {data.addressLine}
                {data.addressComplement && (
                  <>
                    <br />
                    {data.addressComplement}
                  </>
                )}
                <br />
                {data.postalCode} {data.city}
              </p>
              {data.latitude !== null && data.longitude !== null && (
                <p>
                  <a
                    className="fr-link"
                    href={`geo:${data.latitude},${data.longitude}?q=${data.latitude},${data.longitude}(${encodeURIComponent(data.name)})`}
                  >
                    Ouvrir l’adresse dans mon application de cartes
                  </a>
                </p>
              )}
              {data.accessModes.length > 0 && (
                <>
                  <h3 className="fr-h6">Comment venir</h3>
                  <List items={data.accessModes} />
                </>
              )}
              {data.appointmentUrl && (
                <p>
                  <a
                    className="fr-link"
                    href={data.appointmentUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    title="Prendre rendez-vous en ligne — nouvelle fenêtre"
                  >
                    Prendre rendez-vous en ligne
                  </a>
                </p>
              )}

              <h2 className="fr-mt-4w">Horaires</h2>
              {data.week.length === 0 ? (
                <p>Le lieu n’a pas donné ses horaires. Appelez-le avant de venir.</p>
              ) : (
                <Table
                  caption="Horaires de cette semaine"
                  headers={['Jour', 'Horaires']}
                  data={data.week.map((day) => [day.day, day.hours])}
                />
              )}

              <h2 className="fr-mt-4w">Avec le Pass numérique</h2>
              {data.passServices.length === 0 ? (
                <p>Ce lieu n’accepte pas les chèques Pass numérique pour l’instant.</p>
              ) : (
                <>
                  <p>Ici, vos chèques paient :</p>
                  <ul>
                    {data.passServices.map((service) => (
                      <li key={service.label} className="fr-mb-1w">
                        <span className="fr-text--bold">{service.label}</span> — {service.categoryLabel}, {service.durationMinutes} minutes.{' '}
                        {service.maxVouchers === 1 ? '1 chèque par séance.' : `Jusqu’à ${service.maxVouchers} chèques par séance.`}
                      </li>
                    ))}
                  </ul>
                </>
              )}

              {(data.services.length > 0 ||
                data.publics.length > 0 ||
                data.specificSupport.length > 0 ||
                data.fees.length > 0 ||
                data.supportModes.length > 0) && (
                <>
                  <h2 className="fr-mt-4w">Ce que propose le lieu</h2>
                  {data.services.length > 0 && <List items={data.services} />}
                  {data.supportModes.length > 0 && (
                    <>
                      <h3 className="fr-h6">Comment le lieu vous accompagne</h3>
                      <List items={data.supportModes} />
                    </>
                  )}
                  {data.publics.length > 0 && (
                    <>
                      <h3 className="fr-h6">Publics accueillis en particulier</h3>
                      <List items={data.publics} />
                    </>
                  )}
                  {data.specificSupport.length > 0 && (
                    <>
                      <h3 className="fr-h6">Accompagnement adapté</h3>
                      <List items={data.specificSupport} />
                    </>
                  )}
                  {data.fees.length > 0 && (
                    <>
                      <h3 className="fr-h6">Frais</h3>
                      <List items={data.fees} />
                    </>
                  )}
                </>
              )}

              {(data.accessibilityNotes || data.acceslibreUrl) && (
                <>
                  <h2 className="fr-mt-4w">Accessibilité</h2>
                  {data.accessibilityNotes && <p>{data.accessibilityNotes}</p>}
                  {data.acceslibreUrl && (
                    <p>
                      <a
                        className="fr-link"
                        href={data.acceslibreUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        title="Fiche acceslibre — nouvelle fenêtre"
                      >
                        Voir la fiche acceslibre du lieu
                      </a>
                    </p>
                  )}
                </>
              )}

              <h2 className="fr-mt-4w">Contact</h2>
              {!data.phone && data.emails.length === 0 && data.websites.length === 0 && (
                <p>Le lieu n’a pas donné de contact. Passez aux horaires d’ouverture.</p>
              )}
              <ul className="fr-raw-list fr-text--lg">
                {data.phone && (
                  <li>
                    Téléphone : <a href={`tel:${data.phone}`}>{readablePhone(data.phone)}</a>
                  </li>
                )}
                {data.emails.map((email) => (
                  <li key={email}>
                    E-mail : <a href={`mailto:${email}`}>{email}</a>
                  </li>
                ))}
                {data.websites.map((website) => (
                  <li key={website}>
                    Site web :{' '}
                    <a href={website} target="_blank" rel="noopener noreferrer" title={`${website} — nouvelle fenêtre`}>
                      {website}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </DataStatus>
    </div>
  );
}
