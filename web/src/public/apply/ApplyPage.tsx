import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formatParisLongDate } from '../../../../src/common/time/paris-time';
import { isValidSiret } from '../../../../src/modules/organisations/organisations.rules';
import type { OpeningSlot } from '../../../../src/modules/venues/opening-hours';
import { api } from '../../api/client';
import { usePageTitle } from '../../layout/usePageTitle';
import { type SiteFormValues, EMPTY_SITE, siteBody, siteProblems } from '../site-form/site-form-values';
import { SiteFields } from '../site-form/SiteFields';
import { slotsProblems, SlotsEditor } from '../site-form/SlotsEditor';
import { EMPTY_SERVICE, type ServiceFormValues, serviceBody, serviceProblems } from '../site-form/service-form-values';
import { ServiceFields } from '../site-form/ServiceFields';

interface ApplySite {
  site: SiteFormValues;
  slots: OpeningSlot[];
}

const STEPS = ['Votre structure', 'Vos lieux', 'Vos services', 'La personne à contacter', 'Vérifier et envoyer'] as const;

/** The refusals of the application endpoint, in plain French, with the step to go back to. */
function refusal(code: unknown): { text: string; step: number } {
  switch (code) {
    case 'INVALID_SIRET':
      return { text: 'Ce numéro SIRET n’existe pas. Vérifiez-le.', step: 0 };
    case 'SIRET_ALREADY_REGISTERED':
      return { text: 'Une demande existe déjà pour ce SIRET. Si c’est la vôtre, attendez la réponse de l’ANCT.', step: 0 };
    case 'EMAIL_ALREADY_USED':
      return { text: 'Un compte existe déjà avec cette adresse e-mail. Indiquez une autre adresse.', step: 3 };
    case 'UNKNOWN_COMMUNE':
      return { text: 'Une commune n’est pas reconnue. Vérifiez le code postal de chaque lieu.', step: 1 };
    case 'RATE_LIMITED':
      return { text: 'Trop de demandes ont été envoyées depuis votre connexion aujourd’hui. Réessayez demain.', step: 4 };
    default:
      return { text: 'La demande n’a pas pu être envoyée. Vérifiez les informations et réessayez.', step: 4 };
  }
}

/**
 * « Candidater » (no login): a digital-inclusion venue asks to take the Pass numérique, in five short
 * steps, then is told what happens next. The SIRET is checked as it is typed with the server's rule.
 */
export function ApplyPage() {
  usePageTitle('Candidater pour accepter le Pass numérique');
  const [step, setStep] = useState(0);
  const [structureName, setStructureName] = useState('');
  const [siret, setSiret] = useState('');
  const [sites, setSites] = useState<ApplySite[]>([{ site: EMPTY_SITE, slots: [] }]);
  const [services, setServices] = useState<ServiceFormValues[]>([EMPTY_SERVICE]);
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** Where the invitation was e-mailed: the only way in, since the answer never carries its link. */
  const [sent, setSent] = useState<{ email: string; expiresAt: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepRef = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    (sent ? headingRef.current : stepRef.current)?.focus();
  }, [step, sent]);

  const compactSiret = siret.replace(/\s/g, '');
  const siretProblem =
    compactSiret.length === 14 && !isValidSiret(compactSiret)
      ? 'Ce numéro SIRET contient une erreur. Relisez-le.'
      : showErrors && !isValidSiret(compactSiret)
        ? 'Le SIRET a 14 chiffres.'
        : null;
  const nameProblem = showErrors && structureName.trim().length < 2 ? 'Indiquez le nom de la structure.' : null;
  const namedSites = sites.map((entry, index) => (index === 0 ? { ...entry, site: { ...entry.site, name: structureName } } : entry));
  const siteIssues = namedSites.map((entry) => ({ fields: siteProblems(entry.site), slots: slotsProblems(entry.slots) }));
  const serviceIssues = services.map(serviceProblems);
  const contactNameProblem = showErrors && contactName.trim().length === 0 ? 'Indiquez votre nom.' : null;
  const contactEmailProblem =
    showErrors && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail.trim())
      ? 'Indiquez une adresse e-mail complète. Exemple : nom@mairie.fr.'
      : null;

  const stepIsValid = (index: number): boolean => {
    switch (index) {
      case 0:
        return structureName.trim().length >= 2 && isValidSiret(compactSiret);
      case 1:
        return siteIssues.every(
          (issue) =>
            Object.keys(issue.fields).length === 0 &&
            issue.slots.overlap === null &&
            issue.slots.bySlot.every((problem) => problem === null),
        );
      case 2:
        return serviceIssues.every((issue) => Object.keys(issue).length === 0);
      case 3:
        return contactName.trim().length > 0 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail.trim());
      default:
        return true;
    }
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    if (!stepIsValid(step)) {
      setShowErrors(true);
      return;
    }
    setShowErrors(false);
    setStep(step + 1);
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const firstInvalid = [0, 1, 2, 3].find((index) => !stepIsValid(index));
    if (firstInvalid !== undefined) {
      setShowErrors(true);
      setStep(firstInvalid);
      return;
    }
    const [seat, ...others] = namedSites;
    // The first place (the structure's address) cannot be removed, so there always is one.
    if (!seat) throw new Error('La candidature n’a aucun lieu.');
    const seatBody = siteBody(seat.site);
    setSending(true);
    setFailure(null);
    try {
      const answer = await api.POST('/api/v1/venues/applications', {
        body: {
          ...seatBody,
          name: structureName.trim(),
          siret: compactSiret,
          openingHours: seat.slots,
          admin: { displayName: contactName.trim(), email: contactEmail.trim() },
          services: services.map(serviceBody),
          additionalSites: others.map((entry) => ({ ...siteBody(entry.site), openingHours: entry.slots })),
        },
      });
      if (answer.data) {
        setSent(answer.data.adminInvitation);
      } else {
        const { text, step: backTo } = refusal((answer.error as { code?: unknown } | undefined)?.code);
        setFailure(text);
        setStep(backTo);
      }
    } catch {
      setFailure('La connexion a échoué : la demande n’est pas partie. Réessayez.');
    } finally {
      setSending(false);
    }
  };

  if (sent) {
    return (
      <div className="fr-container fr-my-6w">
        <h1 ref={headingRef} tabIndex={-1}>
          Votre demande est envoyée
        </h1>
        <Alert severity="success" title="Merci !" description="Nous avons bien reçu votre demande." className="fr-mb-4w" />
        <Alert
          severity="info"
          title="Consultez votre messagerie"
          description={`Nous avons envoyé une invitation à ${sent.email}. Elle contient le lien pour créer votre mot de passe. Ce lien fonctionne une seule fois, jusqu’au ${formatParisLongDate(new Date(sent.expiresAt))}. Vous ne trouvez pas l’e-mail ? Regardez dans les courriers indésirables.`}
          className="fr-mb-4w"
        />
        <h2>Et maintenant ?</h2>
        <ol className="fr-text--lg">
          <li>Ouvrez l’e-mail « Votre invitation » et choisissez votre mot de passe.</li>
          <li>Avec ce mot de passe, vous pouvez déjà compléter vos lieux et vos services.</li>
          <li>L’ANCT étudie votre demande. Elle vous répond par e-mail.</li>
          <li>Quand votre lieu est qualifié, il apparaît dans la recherche et vous pouvez encaisser les chèques.</li>
        </ol>
        <p>
          <Link className="fr-link" to="/trouver-un-lieu">
            Voir les lieux qui acceptent déjà le Pass numérique
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>Candidater pour accepter le Pass numérique</h1>
          <p className="fr-text--lg">
            Votre lieu aide les personnes à utiliser le numérique ? Faites la demande ici. Cela prend environ 10 minutes.
          </p>
          {/* The stepper's title is the step's heading (h2); focus goes to it at each step, for screen readers. */}
          <div ref={stepRef} tabIndex={-1}>
            <Stepper currentStep={step + 1} stepCount={STEPS.length} title={STEPS[step]} nextTitle={STEPS[step + 1]} />
          </div>
          {failure && (
            <div role="alert">
              <Alert severity="error" small description={failure} className="fr-mb-3w" />
            </div>
          )}
          <form onSubmit={step === STEPS.length - 1 ? send : next} noValidate>
            {step === 0 && (
              <>
                <Input
                  label="Nom de la structure"
                  hintText="Exemple : Espace numérique de la Guillotière"
                  state={nameProblem ? 'error' : 'default'}
                  stateRelatedMessage={nameProblem ?? undefined}
                  nativeInputProps={{
                    autoComplete: 'organization',
                    value: structureName,
                    onChange: (event) => setStructureName(event.target.value),
                  }}
                />
                <Input
                  label="Numéro SIRET"
                  hintText="14 chiffres. Vous le trouvez sur annuaire-entreprises.data.gouv.fr."
                  state={siretProblem ? 'error' : isValidSiret(compactSiret) ? 'success' : 'default'}
                  stateRelatedMessage={siretProblem ?? (isValidSiret(compactSiret) ? 'Numéro SIRET valide.' : undefined)}
                  nativeInputProps={{
                    inputMode: 'numeric',
                    autoComplete: 'off',
                    value: siret,
                    maxLength: 17,
                    onChange: (event) => setSiret(event.target.value.replace(/[^\d\s]/g, '')),
                  }}
                />
              </>
            )}
            {step === 1 && (
              <>
                <p>Où recevez-vous les personnes ? Le premier lieu est l’adresse de votre structure.</p>
                {namedSites.map((entry, index) => (
                  <section key={index} className="fr-mb-4w" aria-labelledby={`site-${index}-title`}>
                    <h3 id={`site-${index}-title`}>{index === 0 ? `Lieu 1 : ${structureName}` : `Lieu ${index + 1}`}</h3>
                    <SiteFields
                      idPrefix={`site-${index}`}
                      site={entry.site}
                      hideName={index === 0}
                      foldDetails
                      problems={siteProblems(entry.site)}
                      showErrors={showErrors}
                      onChange={(site) => setSites(sites.map((current, position) => (position === index ? { ...current, site } : current)))}
                    />
                    <SlotsEditor
                      idPrefix={`site-${index}`}
                      slots={entry.slots}
                      onChange={(slots) =>
                        setSites(sites.map((current, position) => (position === index ? { ...current, slots } : current)))
                      }
                    />
                    {index > 0 && (
                      <Button
                        type="button"
                        priority="tertiary"
                        iconId="fr-icon-delete-line"
                        onClick={() => setSites(sites.filter((_, position) => position !== index))}
                      >
                        Retirer le lieu {index + 1}
                      </Button>
                    )}
                  </section>
                ))}
                <Button
                  type="button"
                  priority="secondary"
                  iconId="fr-icon-add-line"
                  className="fr-mb-4w"
                  onClick={() => setSites([...sites, { site: EMPTY_SITE, slots: [] }])}
                >
                  Ajouter un autre lieu
                </Button>
              </>
            )}
            {step === 2 && (
              <>
                <p>Les ateliers ou rendez-vous que les chèques paient. Dites combien de chèques une séance demande au plus.</p>
                {services.map((service, index) => (
                  <section key={index} className="fr-mb-4w" aria-labelledby={`service-${index}-title`}>
                    <h3 id={`service-${index}-title`}>Service {index + 1}</h3>
                    <ServiceFields
                      idPrefix={`service-${index}`}
                      service={service}
                      problems={showErrors ? serviceProblems(service) : {}}
                      onChange={(changed) => setServices(services.map((current, position) => (position === index ? changed : current)))}
                    />
                    {services.length > 1 && (
                      <Button
                        type="button"
                        priority="tertiary"
                        iconId="fr-icon-delete-line"
                        onClick={() => setServices(services.filter((_, position) => position !== index))}
                      >
                        Retirer le service {index + 1}
                      </Button>
                    )}
                  </section>
                ))}
                <Button
                  type="button"
                  priority="secondary"
                  iconId="fr-icon-add-line"
                  className="fr-mb-4w"
                  onClick={() => setServices([...services, EMPTY_SERVICE])}
                >
                  Ajouter un service
                </Button>
              </>
            )}
            {step === 3 && (
              <>
                <p>Cette personne gère le compte du lieu. Elle reçoit un e-mail pour créer son mot de passe.</p>
                <Input
                  label="Prénom et nom"
                  state={contactNameProblem ? 'error' : 'default'}
                  stateRelatedMessage={contactNameProblem ?? undefined}
                  nativeInputProps={{ autoComplete: 'name', value: contactName, onChange: (event) => setContactName(event.target.value) }}
                />
                <Input
                  label="Adresse e-mail"
                  hintText="Format attendu : nom@domaine.fr"
                  state={contactEmailProblem ? 'error' : 'default'}
                  stateRelatedMessage={contactEmailProblem ?? undefined}
                  nativeInputProps={{
                    type: 'email',
                    autoComplete: 'email',
                    value: contactEmail,
                    onChange: (event) => setContactEmail(event.target.value),
                  }}
                />
              </>
            )}
            {step === 4 && (
              <dl className="fr-mb-4w">
                <dt className="fr-text--bold">Structure</dt>
                <dd>
                  {structureName} — SIRET {compactSiret}
                </dd>
                <dt className="fr-text--bold">Lieux</dt>
                {namedSites.map((entry, index) => (
                  <dd key={index}>
                    {entry.site.name}, {entry.site.addressLine}, {entry.site.postalCode} {entry.site.city}
                  </dd>
                ))}
                <dt className="fr-text--bold">Services</dt>
                {services.map((service, index) => (
                  <dd key={index}>
                    {service.label} — {service.durationMinutes} min, {service.maxVouchers} chèque{service.maxVouchers === '1' ? '' : 's'} au
                    plus
                  </dd>
                ))}
                <dt className="fr-text--bold">Contact</dt>
                <dd>
                  {contactName} — {contactEmail}
                </dd>
              </dl>
            )}
            <ul className="fr-btns-group fr-btns-group--inline-md">
              {step > 0 && (
                <li>
                  <Button type="button" priority="secondary" onClick={() => (setShowErrors(false), setStep(step - 1))}>
                    Étape précédente
                  </Button>
                </li>
              )}
              <li>
                <Button type="submit" disabled={sending}>
                  {step === STEPS.length - 1 ? 'Envoyer ma demande' : 'Étape suivante'}
                </Button>
              </li>
            </ul>
            {showErrors && !stepIsValid(step) && (
              <p className="fr-error-text" role="alert">
                Corrigez les champs signalés pour continuer.
              </p>
            )}
          </form>
        </div>
      </div>
    </div>
  );
}
