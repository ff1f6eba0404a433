import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { readablePhone } from '../../../../src/modules/venues/standard/standard-phone.rules';
import { api } from '../../api/client';
import { usePageTitle } from '../../layout/usePageTitle';
import { type SiteFormValues, siteBody, siteProblems } from '../../public/site-form/site-form-values';
import { SiteFields } from '../../public/site-form/SiteFields';
import { useActor } from '../../session/SessionContext';
import { loadHoursRules, OsmHoursEditor, useHoursCheck } from './OsmHoursEditor';
import { changeRefusal, loadVenueProfile, type VenueSite } from './venue-profile';

function formValuesOf(site: VenueSite): SiteFormValues {
  return {
    name: site.name,
    addressLine: site.addressLine,
    addressComplement: site.addressComplement ?? '',
    postalCode: site.postalCode,
    city: site.city,
    communeInseeCode: site.communeInseeCode,
    accessibilityNotes: site.accessibilityNotes ?? '',
    summary: site.summary ?? '',
    standardServices: site.standardServices as SiteFormValues['standardServices'],
    publics: site.publics as SiteFormValues['publics'],
    specificSupport: site.specificSupport as SiteFormValues['specificSupport'],
    fees: site.fees as SiteFormValues['fees'],
    accessModes: site.accessModes as SiteFormValues['accessModes'],
    supportModes: site.supportModes as SiteFormValues['supportModes'],
    phone: site.phone ? readablePhone(site.phone) : '',
    email: site.emails[0] ?? '',
    website: site.websites[0] ?? '',
    appointmentUrl: site.appointmentUrl ?? '',
    acceslibreUrl: site.acceslibreUrl ?? '',
  };
}

/**
 * One site's page for the venue's administrator: the standard's fields and the opening hours in OSM
 * syntax (checked as typed by the server's own parser), saved as a whole (PUT). What the form does not
 * show (coordinates, long description, further e-mails and websites) is sent back unchanged.
 */
export function SiteEditPage() {
  const { siteId = '' } = useParams();
  const actor = useActor();
  const venueId = actor.organisationId ?? '';
  const navigate = useNavigate();
  const [original, setOriginal] = useState<VenueSite | null | 'error'>(null);
  const [values, setValues] = useState<SiteFormValues | null>(null);
  const [hours, setHours] = useState('');
  const [acceptsPass, setAcceptsPass] = useState(true);
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const { rules, problem: hoursProblem } = useHoursCheck(hours);
  usePageTitle(values ? `Modifier le site ${values.name}` : 'Modifier un site');

  useEffect(() => {
    let cancelled = false;
    Promise.all([loadVenueProfile(venueId), loadHoursRules()])
      .then(([venue, hoursRules]) => {
        if (cancelled) return;
        const site = venue.sites.find((candidate) => candidate.id === siteId);
        if (!site) return setOriginal('error');
        setOriginal(site);
        setValues(formValuesOf(site));
        setHours(site.openingHoursOsm ?? hoursRules.slotsToOpeningHours(site.openingHours) ?? '');
        setAcceptsPass(site.acceptsPassNumerique);
      })
      .catch(() => !cancelled && setOriginal('error'));
    return () => {
      cancelled = true;
    };
  }, [venueId, siteId]);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  if (original === 'error')
    return (
      <div className="fr-container fr-my-6w">
        <Alert severity="error" small description="Ce site n’a pas pu être chargé. Revenez à la liste des sites." />
      </div>
    );
  if (!original || !values)
    return (
      <div className="fr-container fr-my-6w">
        <p role="status">Chargement…</p>
      </div>
    );

  const problems = siteProblems(values);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!original || original === 'error' || !values) return;
    if (Object.keys(problems).length > 0 || hoursProblem) {
      setShowErrors(true);
      setFailure('Corrigez les champs signalés, puis enregistrez.');
      return;
    }
    const body = siteBody(values);
    setSaving(true);
    setFailure(null);
    try {
      const answer = await api.PUT('/api/v1/venues/{id}/sites/{siteId}', {
        params: { path: { id: venueId, siteId } },
        body: {
          ...body,
          openingHours: [],
          openingHoursOsm: hours.trim() || undefined,
          acceptsPassNumerique: acceptsPass,
          emails: body.emails.length > 0 ? [...body.emails, ...original.emails.slice(1)] : [],
          websites: body.websites.length > 0 ? [...body.websites, ...original.websites.slice(1)] : [],
          description: original.description ?? undefined,
          latitude: original.latitude ?? undefined,
          longitude: original.longitude ?? undefined,
        },
      });
      if (answer.response.ok) {
        void navigate('/guichet/lieu', {
          state: { notice: `Le site « ${body.name} » est enregistré. La recherche publique le montre déjà.` },
        });
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
      <h1>Modifier le site {original.name}</h1>
      {failure && (
        <div ref={failureRef} tabIndex={-1} role="alert">
          <Alert severity="error" small description={failure} className="fr-mb-3w" />
        </div>
      )}
      <form onSubmit={save} noValidate>
        <SiteFields idPrefix="site" site={values} onChange={setValues} problems={problems} showErrors={showErrors} />
        <OsmHoursEditor value={hours} onChange={setHours} problem={hoursProblem} rules={rules} />
        <Checkbox
          options={[
            {
              label: 'Ce site accepte les chèques Pass numérique',
              hintText: 'Décochez si ce site ne prend pas les chèques : il reste dans l’annuaire national.',
              nativeInputProps: { checked: acceptsPass, onChange: (event) => setAcceptsPass(event.target.checked) },
            },
          ]}
        />
        <Button type="submit" disabled={saving}>
          Enregistrer le site
        </Button>
      </form>
    </div>
  );
}
