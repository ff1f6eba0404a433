import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { serviceCategoryLabel } from '../../../../src/modules/venues/service-category';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { useActor } from '../../session/SessionContext';
import { changeRefusal, loadVenueProfile, type VenueService } from './venue-profile';

/**
 * For the venue's administrator: its sites (what the public search and the national export show) and
 * its services (what the chèques pay for). Sites are corrected on their own page; a service is added,
 * corrected or deactivated (never deleted: redemptions and statements still name it).
 */
export function SitesAndServicesPage() {
  usePageTitle('Sites et services');
  const actor = useActor();
  const venueId = actor.organisationId ?? '';
  const [reload, setReload] = useState(0);
  const location = useLocation();
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(
    (location.state as { notice?: string } | null)?.notice
      ? { severity: 'success', text: (location.state as { notice: string }).notice }
      : null,
  );
  const venue = useApiData(() => loadVenueProfile(venueId), [venueId, reload]);

  async function deactivate(service: VenueService) {
    if (!window.confirm(`Désactiver le service « ${service.label} » ? Il ne sera plus proposé au guichet ni dans la recherche.`)) return;
    try {
      const answer = await api.POST('/api/v1/venues/{id}/services/{serviceId}/deactivate', {
        params: { path: { id: venueId, serviceId: service.id } },
      });
      setNotice(
        answer.response.ok
          ? { severity: 'success', text: `Le service « ${service.label} » est désactivé.` }
          : { severity: 'error', text: changeRefusal(answer.response.status, (answer.error as { code?: unknown } | undefined)?.code) },
      );
      setReload((count) => count + 1);
    } catch {
      setNotice({ severity: 'error', text: 'La connexion a échoué : rien n’a été changé. Réessayez.' });
    }
  }

  return (
    <div className="fr-container fr-my-6w">
      <h1>Sites et services</h1>
      {!actor.isOrganisationAdmin && (
        <Alert
          severity="info"
          small
          className="fr-mb-3w"
          description="Seul l’administrateur du lieu peut modifier les sites et les services."
        />
      )}
      <div aria-live="polite">
        {notice && (
          <Alert severity={notice.severity} small description={notice.text} className="fr-mb-3w" closable onClose={() => setNotice(null)} />
        )}
      </div>
      <DataStatus state={venue}>
        {(data) => (
          <>
            <h2>Vos sites</h2>
            <p>Ce que la recherche « Trouver un lieu » montre au public, et ce que la carte nationale reçoit.</p>
            <Table
              caption="Sites du lieu"
              noCaption
              headers={['Site', 'Adresse', 'État', 'Action']}
              data={data.sites.map((site) => [
                site.name,
                `${site.addressLine}, ${site.postalCode} ${site.city}`,
                site.active ? 'Actif' : 'Fermé',
                <Link key={site.id} className="fr-link" to={`sites/${site.id}`}>
                  Modifier<span className="fr-sr-only"> le site {site.name}</span>
                </Link>,
              ])}
            />
            <h2 className="fr-mt-6w">Vos services</h2>
            <p>Ce que les chèques paient chez vous, et combien de chèques une séance prend au plus.</p>
            <Link className="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left fr-mb-3w" to="services/nouveau">
              Ajouter un service
            </Link>
            <Table
              caption="Services du lieu"
              noCaption
              headers={['Service', 'Type d’aide', 'Durée', 'Chèques par séance', 'État', 'Actions']}
              data={data.services.map((service) => [
                service.label,
                serviceCategoryLabel(service.category),
                `${service.durationMinutes} min`,
                String(service.maxVouchers),
                service.active ? 'Actif' : 'Désactivé',
                <span key={service.id} className="fr-btns-group--inline-sm">
                  <Link className="fr-link fr-mr-2w" to={`services/${service.id}`}>
                    Modifier<span className="fr-sr-only"> le service {service.label}</span>
                  </Link>
                  {service.active && (
                    <Button type="button" priority="tertiary no outline" size="small" onClick={() => deactivate(service)}>
                      Désactiver<span className="fr-sr-only"> le service {service.label}</span>
                    </Button>
                  )}
                </span>,
              ])}
            />
          </>
        )}
      </DataStatus>
    </div>
  );
}
