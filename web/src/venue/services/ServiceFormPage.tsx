import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { usePageTitle } from '../../layout/usePageTitle';
import { EMPTY_SERVICE, type ServiceFormValues, serviceBody, serviceProblems } from '../../public/site-form/service-form-values';
import { ServiceFields } from '../../public/site-form/ServiceFields';
import { useActor } from '../../session/SessionContext';
import { changeRefusal, loadVenueProfile } from '../sites/venue-profile';

/** Adds a service to the venue's catalogue (no id in the address) or corrects one. */
export function ServiceFormPage() {
  const { serviceId } = useParams();
  const creating = !serviceId;
  const actor = useActor();
  const venueId = actor.organisationId ?? '';
  const navigate = useNavigate();
  const [values, setValues] = useState<ServiceFormValues | null>(creating ? EMPTY_SERVICE : null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  usePageTitle(creating ? 'Ajouter un service' : 'Modifier un service');

  useEffect(() => {
    if (creating) return;
    let cancelled = false;
    loadVenueProfile(venueId)
      .then((venue) => {
        if (cancelled) return;
        const service = venue.services.find((candidate) => candidate.id === serviceId);
        if (!service) return setLoadFailed(true);
        setValues({
          label: service.label,
          category: service.category,
          durationMinutes: String(service.durationMinutes),
          maxVouchers: String(service.maxVouchers),
        });
      })
      .catch(() => !cancelled && setLoadFailed(true));
    return () => {
      cancelled = true;
    };
  }, [venueId, serviceId, creating]);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  if (loadFailed)
    return (
      <div className="fr-container fr-my-6w">
        <Alert severity="error" small description="Ce service n’a pas pu être chargé. Revenez à la liste des services." />
      </div>
    );
  if (!values)
    return (
      <div className="fr-container fr-my-6w">
        <p role="status">Chargement…</p>
      </div>
    );
  const problems = serviceProblems(values);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!values) return;
    if (Object.keys(problems).length > 0) {
      setShowErrors(true);
      setFailure('Corrigez les champs signalés, puis enregistrez.');
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const body = serviceBody(values);
      const answer = !serviceId
        ? await api.POST('/api/v1/venues/{id}/services', { params: { path: { id: venueId } }, body })
        : await api.PUT('/api/v1/venues/{id}/services/{serviceId}', { params: { path: { id: venueId, serviceId } }, body });
      if (answer.response.ok) {
        void navigate('/guichet/lieu', { state: { notice: `Le service « ${body.label} » est enregistré.` } });
      } else {
        setFailure(changeRefusal(answer.response.status, (answer.error as { code?: unknown } | undefined)?.code));
      }
    } catch {
      setFailure('La connexion a échoué : rien n’a été enregistré. Réessayez.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="fr-container fr-my-6w">
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/guichet/lieu">
          Retour aux sites et services
        </Link>
      </p>
      <h1>{creating ? 'Ajouter un service' : `Modifier le service ${values.label}`}</h1>
      {failure && (
        <div ref={failureRef} tabIndex={-1} role="alert">
          <Alert severity="error" small description={failure} className="fr-mb-3w" />
        </div>
      )}
      <form onSubmit={save} noValidate>
        <ServiceFields idPrefix="service" service={values} problems={showErrors ? problems : {}} onChange={setValues} />
        <Button type="submit" disabled={saving}>
          Enregistrer le service
        </Button>
      </form>
    </div>
  );
}
