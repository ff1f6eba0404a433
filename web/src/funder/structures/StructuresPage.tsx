import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { COMMUNE_INSEE_CODE_PATTERN, isValidSiret } from '../../../../src/modules/organisations/organisations.rules';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { frenchDate } from '../../layout/labels';
import { useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { InvitePersonForm } from '../../people/InvitePersonForm';
import { PeopleTable } from '../../people/PeopleTable';
import { dataOf, errorCode, type OrganisationView } from '../funder-api';

interface Fields {
  name: string;
  siret: string;
  communeInseeCode: string;
  addressLine: string;
  agentName: string;
  agentEmail: string;
}

const EMPTY: Fields = { name: '', siret: '', communeInseeCode: '', addressLine: '', agentName: '', agentEmail: '' };

/** What is wrong with each field, with the server's own SIRET and INSEE code rules; only once the form was sent. */
function problemsOf(fields: Fields): Partial<Record<keyof Fields, string>> {
  const siret = fields.siret.replace(/\s/g, '');
  return {
    ...(fields.name.trim().length < 2 ? { name: 'Saisissez le nom de la structure.' } : {}),
    ...(!isValidSiret(siret) ? { siret: 'Saisissez les 14 chiffres du SIRET, sans erreur (la clé de contrôle ne correspond pas).' } : {}),
    ...(!COMMUNE_INSEE_CODE_PATTERN.test(fields.communeInseeCode.trim())
      ? { communeInseeCode: 'Saisissez le code INSEE de la commune (5 caractères, par exemple 69266).' }
      : {}),
    ...(fields.agentName.trim() === '' ? { agentName: 'Saisissez le nom de la personne à inviter.' } : {}),
    ...(!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.agentEmail.trim())
      ? { agentEmail: 'Saisissez une adresse e-mail, par exemple nom@ccas.fr.' }
      : {}),
  };
}

/**
 * The funder's prescriber structures, and the form that registers one and invites its first agent. "Voir les
 * agents" opens a structure's people: its pending invitations (re-send, cancel), the deactivation of an agent who
 * left (the structure may have no administrator left to do it) and the form to invite one more.
 */
export function StructuresPage() {
  usePageTitle('Structures prescriptrices');
  const [reload, setReload] = useState(0);
  const structures = useApiData(
    async () => dataOf(await api.GET('/api/v1/organisations', { params: { query: { kind: 'prescriber', limit: 200 } } })),
    [reload],
  );
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ severity: 'success' | 'error'; content: NonNullable<ReactNode> } | null>(null);
  const [opened, setOpened] = useState<OrganisationView | null>(null);
  const problems = submitted ? problemsOf(fields) : {};
  const field = (name: keyof Fields) => ({
    value: fields[name],
    onChange: (event: { target: { value: string } }) => setFields((current) => ({ ...current, [name]: event.target.value })),
  });
  const state = (name: keyof Fields) => (problems[name] ? { state: 'error' as const, stateRelatedMessage: problems[name] } : {});

  async function register(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setResult(null);
    if (Object.keys(problemsOf(fields)).length > 0) return;
    setBusy(true);
    try {
      const answer = await api.POST('/api/v1/organisations/prescribers', {
        body: {
          name: fields.name.trim(),
          siret: fields.siret.replace(/\s/g, ''),
          communeInseeCode: fields.communeInseeCode.trim().toUpperCase(),
          ...(fields.addressLine.trim() ? { addressLine: fields.addressLine.trim() } : {}),
          admin: { displayName: fields.agentName.trim(), email: fields.agentEmail.trim() },
        },
      });
      if (answer.data) {
        const invitation = answer.data.adminInvitation;
        setResult({
          severity: 'success',
          content: invitation ? (
            <>
              {answer.data.organisation.name} est inscrite. {invitation.user.displayName} reçoit une invitation par e-mail ; vous pouvez
              aussi lui transmettre ce lien, valable jusqu’au {frenchDate(invitation.invitationExpiresAt)} :{' '}
              <span className="fr-text--bold">{invitation.invitationUrl}</span>
            </>
          ) : (
            <>{answer.data.organisation.name} était déjà inscrite : elle est maintenant rattachée à votre collectivité, avec ses agents.</>
          ),
        });
        setFields(EMPTY);
        setSubmitted(false);
        setReload((count) => count + 1);
      } else {
        const code = errorCode(answer.error);
        setResult({
          severity: 'error',
          content:
            code === 'EMAIL_ALREADY_USED'
              ? 'Cette adresse e-mail a déjà un compte ou une invitation en cours : invitez une autre personne.'
              : code === 'INVALID_SIRET' || code === 'SIRET_ALREADY_REGISTERED'
                ? 'Ce SIRET ne peut pas être inscrit : vérifiez-le.'
                : 'La structure n’a pas pu être inscrite. Vérifiez les champs et réessayez.',
        });
      }
    } catch {
      setResult({ severity: 'error', content: 'La connexion a échoué : rien n’a été inscrit. Réessayez.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="fr-container fr-my-6w">
      <h1>Structures prescriptrices</h1>
      <p>Les CCAS, France Services et associations qui remettent vos carnets aux bénéficiaires.</p>
      <DataStatus state={structures}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Aucune structure inscrite pour l’instant.</p>
          ) : (
            <Table
              caption={`Vos structures (${page.total})`}
              headers={['Structure', 'SIRET', 'Commune (code INSEE)', 'Inscrite le', 'Agents']}
              data={page.items.map((structure) => [
                structure.name,
                structure.siret ?? '—',
                structure.communeInseeCode ?? '—',
                frenchDate(structure.createdAt),
                <Button
                  key={structure.id}
                  size="small"
                  priority="secondary"
                  onClick={() => setOpened(structure)}
                  nativeButtonProps={{ 'aria-label': `Voir les agents de ${structure.name}` }}
                >
                  Voir les agents
                </Button>,
              ])}
            />
          )
        }
      </DataStatus>

      {opened && <StructurePeople key={opened.id} structure={opened} />}

      <section aria-labelledby="register-title" className="fr-mt-6w">
        <h2 id="register-title">Inscrire une structure et inviter son premier agent</h2>
        <p>Une structure déjà inscrite (même SIRET) est simplement rattachée à votre collectivité.</p>
        <form onSubmit={register} noValidate>
          <Input label="Nom de la structure" {...state('name')} nativeInputProps={{ ...field('name'), autoComplete: 'organization' }} />
          <Input
            label="SIRET"
            hintText="14 chiffres"
            {...state('siret')}
            nativeInputProps={{ ...field('siret'), inputMode: 'numeric', autoComplete: 'off' }}
          />
          <Input
            label="Code INSEE de la commune"
            hintText="Par exemple 69266 pour Villeurbanne"
            {...state('communeInseeCode')}
            nativeInputProps={{ ...field('communeInseeCode'), autoComplete: 'off' }}
          />
          <Input label="Adresse (facultatif)" nativeInputProps={{ ...field('addressLine'), autoComplete: 'street-address' }} />
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Premier agent de la structure</legend>
            <div className="fr-fieldset__content">
              <Input label="Prénom et nom" {...state('agentName')} nativeInputProps={{ ...field('agentName'), autoComplete: 'off' }} />
              <Input
                label="Adresse e-mail"
                {...state('agentEmail')}
                nativeInputProps={{ ...field('agentEmail'), type: 'email', autoComplete: 'off' }}
              />
            </div>
          </fieldset>
          <div aria-live="polite">
            {result && <Alert severity={result.severity} small description={result.content} className="fr-mb-3w" />}
          </div>
          <Button type="submit" disabled={busy}>
            Inscrire et inviter
          </Button>
        </form>
      </section>
    </div>
  );
}

/** One structure's people (invitations, deactivation) and the form to invite an agent; the heading takes the focus when it opens. */
function StructurePeople({ structure }: { structure: OrganisationView }) {
  const [invited, setInvited] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="structure-people-title" className="fr-mt-6w">
      <h2 id="structure-people-title" ref={heading} tabIndex={-1}>
        Agents de {structure.name}
      </h2>
      <PeopleTable organisationId={structure.id} caption={`Agents de ${structure.name}`} reload={invited} deactivation />
      <h3 className="fr-mt-4w">Inviter un agent</h3>
      <InvitePersonForm organisationId={structure.id} onInvited={() => setInvited((count) => count + 1)} />
    </section>
  );
}
