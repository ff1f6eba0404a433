import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FIRST_NAME_PATTERN } from '../../../../src/modules/passes/first-name.rules';
import { REASON_CATEGORIES, REASON_CATEGORY_LABELS, type ReasonCategory } from '../../../../src/modules/passes/reason-category';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { euros, frenchDate } from '../../layout/labels';
import { usePageTitle } from '../../layout/usePageTitle';
import { CarnetPicker, type HeldCarnet } from '../components/CarnetPicker';
import { printableCarnetUrl } from '../components/carnet-pdf';
import { type Commune, CommuneField } from './CommuneField';
import { HolderCheck, type PersonIdentity } from './HolderCheck';

type Issued = components['schemas']['IssuedCarnetDto'];

interface Form {
  firstName: string;
  birthYear: string;
  commune: Commune | null;
  targetPublic: boolean | null;
  reason: ReasonCategory | '';
  consent: boolean;
  identity: PersonIdentity;
}

const EMPTY: Form = {
  firstName: '',
  birthYear: '',
  commune: null,
  targetPublic: null,
  reason: '',
  consent: false,
  identity: { fullName: '', birthDate: '' },
};

type Problems = Partial<Record<'carnet' | 'firstName' | 'birthYear' | 'commune' | 'targetPublic' | 'reason' | 'consent', string>>;

function problemsOf(form: Form, carnet: HeldCarnet | null): Problems {
  const problems: Problems = {};
  const thisYear = new Date().getFullYear();
  if (!carnet) problems.carnet = 'Choisissez le carnet à remettre.';
  if (!form.firstName.trim()) problems.firstName = 'Saisissez le prénom (ou le surnom) à imprimer sur le carnet.';
  else if (!FIRST_NAME_PATTERN.test(form.firstName.trim()))
    problems.firstName = 'Lettres seulement (accents, espaces, tirets et apostrophes acceptés), 40 au plus.';
  if (form.birthYear && !(/^\d{4}$/.test(form.birthYear) && Number(form.birthYear) >= 1900 && Number(form.birthYear) <= thisYear)) {
    problems.birthYear = `Une année entre 1900 et ${thisYear}, ou rien.`;
  }
  if (!form.commune) problems.commune = 'Cherchez puis choisissez la commune où vit la personne.';
  if (form.targetPublic === null) problems.targetPublic = 'Répondez oui ou non.';
  if (!form.reason) problems.reason = 'Choisissez le motif.';
  if (!form.consent) problems.consent = 'La personne doit avoir entendu ce texte et être d’accord.';
  return problems;
}

const SERVER_REFUSALS: Record<string, string> = {
  DISTRIBUTION_CLOSED: 'La distribution de ce carnet est arrêtée (ses chèques expirent bientôt) : choisissez-en un autre.',
  INVALID_STATE_TRANSITION: 'Ce carnet vient d’être remis ou retiré de votre stock : choisissez-en un autre.',
  NO_ISSUABLE_VOUCHERS: 'Tous les chèques de ce carnet sont en opposition : choisissez-en un autre.',
  NOT_FOUND: 'Ce carnet n’est plus dans le stock de votre structure : choisissez-en un autre.',
};

/**
 * The hand-out desk: a carnet of the stock, the few facts the programme needs, the consent read to the
 * person, then the carnet opens in the browser's PDF viewer to print at once. Built to be done in under a
 * minute between two appointments, on an old PC, with the keyboard or the mouse.
 */
export function HandOutPage() {
  usePageTitle('Remettre un carnet');
  const [carnet, setCarnet] = useState<HeldCarnet | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [stockVersion, setStockVersion] = useState(0);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const problems = submitted ? problemsOf(form, carnet) : {};
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));

  useEffect(() => {
    if (issued) doneHeading.current?.focus();
  }, [issued]);

  async function handOut(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (Object.keys(problemsOf(form, carnet)).length > 0 || !carnet || !form.commune || form.targetPublic === null || !form.reason) return;
    const identity =
      form.identity.fullName.trim() && form.identity.birthDate
        ? { fullName: form.identity.fullName.trim(), birthDate: form.identity.birthDate }
        : undefined;
    setSending(true);
    try {
      const answer = await api.POST('/api/v1/carnets/{id}/issue', {
        params: { path: { id: carnet.id } },
        body: {
          firstName: form.firstName.trim(),
          ...(form.birthYear ? { birthYear: Number(form.birthYear) } : {}),
          communeInseeCode: form.commune.inseeCode,
          targetPublic: form.targetPublic,
          reasonCategory: form.reason,
          consent: true,
          ...(identity ? { person: identity } : {}),
        },
      });
      if (answer.data) {
        setIssued(answer.data);
      } else {
        const code = (answer.error as { code?: string } | undefined)?.code ?? '';
        setFailure(SERVER_REFUSALS[code] ?? 'Le carnet n’a pas pu être remis. Vérifiez les informations et réessayez.');
        if (code in SERVER_REFUSALS) setStockVersion((version) => version + 1);
      }
    } catch {
      setFailure('La connexion a échoué : rien n’a été enregistré. Réessayez.');
    } finally {
      setSending(false);
    }
  }

  function next() {
    setIssued(null);
    setForm(EMPTY);
    setSubmitted(false);
    setStockVersion((version) => version + 1);
  }

  if (issued) {
    return (
      <div className="fr-container fr-my-6w">
        <h1>Remettre un carnet</h1>
        <h2 ref={doneHeading} tabIndex={-1}>
          Carnet {issued.carnetNumber} remis à {form.firstName.trim()}
        </h2>
        <p>
          {issued.vouchers.length} chèques, {euros(issued.totalValueCents)}, valables jusqu’au {frenchDate(issued.expiresAt)}.
        </p>
        {issued.warnings.map((warning) => (
          <Alert
            key={warning.code}
            className="fr-mb-2w"
            severity="warning"
            small
            description={`Cette personne avait déjà ${warning.activeCarnets} carnet${warning.activeCarnets > 1 ? 's' : ''} en cours. Le carnet est bien remis.`}
          />
        ))}
        <p>Imprimez-le maintenant : il s’ouvre dans le lecteur PDF du navigateur, puis imprimez (Ctrl + P).</p>
        {/* Outside a DSFR button group, which would shrink a link with an icon to its icon alone. */}
        <p>
          <a
            className="fr-btn fr-btn--lg fr-icon-printer-line fr-btn--icon-left"
            href={printableCarnetUrl(issued.carnetId)}
            target="_blank"
            rel="noopener"
          >
            Imprimer le carnet {issued.carnetNumber} (PDF, nouvelle fenêtre)
          </a>
        </p>
        <button type="button" className="fr-btn fr-btn--secondary" onClick={next}>
          Remettre un autre carnet
        </button>
      </div>
    );
  }

  return (
    <div className="fr-container fr-my-6w">
      <h1>Remettre un carnet</h1>
      <form onSubmit={handOut} noValidate>
        <h2>Le carnet</h2>
        <CarnetPicker label="Carnet à remettre" value={carnet} onChange={setCarnet} reloadKey={stockVersion} />
        {problems.carnet && <p className="fr-error-text">{problems.carnet}</p>}

        <h2 className="fr-mt-4w">La personne</h2>
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
          <div className="fr-col-12 fr-col-md-7">
            <Input
              label="Prénom"
              hintText="Ou surnom : il est imprimé sur la couverture du carnet."
              state={problems.firstName ? 'error' : 'default'}
              stateRelatedMessage={problems.firstName}
              nativeInputProps={{
                value: form.firstName,
                autoComplete: 'off',
                maxLength: 40,
                onChange: (event) => set('firstName', event.target.value),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-5">
            <Input
              label="Année de naissance (facultatif)"
              hintText="Par exemple 1958."
              state={problems.birthYear ? 'error' : 'default'}
              stateRelatedMessage={problems.birthYear}
              nativeInputProps={{
                value: form.birthYear,
                inputMode: 'numeric',
                maxLength: 4,
                autoComplete: 'off',
                onChange: (event) => set('birthYear', event.target.value.trim()),
              }}
            />
          </div>
        </div>
        <CommuneField value={form.commune} onChange={(commune) => set('commune', commune)} problem={problems.commune ?? null} />
        <RadioButtons
          legend="La personne fait-elle partie du public prioritaire du programme ?"
          hintText="Personnes éloignées de l’emploi ou en insertion : la moitié au moins des carnets doit leur aller."
          orientation="horizontal"
          state={problems.targetPublic ? 'error' : 'default'}
          stateRelatedMessage={problems.targetPublic}
          options={[
            {
              label: 'Oui',
              nativeInputProps: { name: 'target-public', checked: form.targetPublic === true, onChange: () => set('targetPublic', true) },
            },
            {
              label: 'Non',
              nativeInputProps: { name: 'target-public', checked: form.targetPublic === false, onChange: () => set('targetPublic', false) },
            },
          ]}
        />
        <Select
          label="Motif de la remise"
          state={problems.reason ? 'error' : 'default'}
          stateRelatedMessage={problems.reason}
          nativeSelectProps={{ value: form.reason, onChange: (event) => set('reason', event.target.value as ReasonCategory) }}
        >
          <option value="" disabled>
            Choisissez le motif
          </option>
          {REASON_CATEGORIES.map((reason) => (
            <option key={reason} value={reason}>
              {REASON_CATEGORY_LABELS[reason]}
            </option>
          ))}
        </Select>

        <h2 className="fr-mt-4w">Avant de remettre le carnet</h2>
        <HolderCheck identity={form.identity} onChange={(identity) => set('identity', identity)} />
        <div className="fr-callout fr-mb-2w">
          <h3 className="fr-callout__title">À lire à la personne</h3>
          <p className="fr-callout__text" id="consent-text">
            « Pour vous remettre ce carnet, nous enregistrons votre prénom, votre commune, le motif et, si vous le voulez, votre année de
            naissance. Ils servent uniquement à suivre le Pass numérique : les lieux où vous utiliserez vos chèques ne les voient pas. Ils
            sont effacés un an après la fin de votre dernier carnet. Vous pouvez nous demander à tout moment de les voir ou de les effacer.
            Êtes-vous d’accord ? »
          </p>
        </div>
        <Checkbox
          className="fr-mb-3w"
          state={problems.consent ? 'error' : 'default'}
          stateRelatedMessage={problems.consent}
          options={[
            {
              label: 'J’ai lu ce texte à la personne et elle est d’accord',
              nativeInputProps: {
                checked: form.consent,
                'aria-describedby': 'consent-text',
                onChange: (event) => set('consent', event.target.checked),
              },
            },
          ]}
        />
        {submitted && Object.keys(problems).length > 0 && (
          <Alert
            className="fr-mb-2w"
            severity="error"
            small
            description="Le formulaire contient des erreurs : elles sont signalées sous chaque champ."
          />
        )}
        {failure && <Alert className="fr-mb-2w" severity="error" small description={failure} />}
        <button type="submit" className="fr-btn fr-btn--lg" disabled={sending}>
          {sending ? 'Remise en cours…' : 'Remettre le carnet'}
        </button>
      </form>
    </div>
  );
}
