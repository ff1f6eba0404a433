import { useState } from 'react';
import { api } from '../api/client';
import type { OrganisationView } from '../api/views';
import { useActor } from '../session/SessionContext';
import { DataStatus } from './DataStatus';
import { label, ROLE_LABELS } from './labels';
import { NotificationPreferences } from './NotificationPreferences';
import { OrganisationSummary } from './OrganisationSummary';
import { undocumentedDataOf, useApiData } from './useApiData';
import { usePageTitle } from './usePageTitle';
import { InvitePersonForm } from '../people/InvitePersonForm';
import { PeopleTable } from '../people/PeopleTable';

/**
 * "Mon compte", in every space: who is logged in, for which organisation, with which rights, and which e-mails they
 * receive; an organisation's administrator also finds its people here, invites one, follows their invitations and
 * deactivates the account of one who left.
 */
export function AccountPage() {
  usePageTitle('Mon compte');
  const actor = useActor();
  const organisation = useApiData(
    async () =>
      undocumentedDataOf<OrganisationView>(
        await api.GET('/api/v1/organisations/{id}', { params: { path: { id: actor.organisationId ?? '' } } }),
      ),
    [actor.organisationId],
  );
  return (
    <div className="fr-container fr-my-6w">
      <h1>Mon compte</h1>
      <DataStatus state={organisation}>{(data) => <OrganisationSummary organisation={data} />}</DataStatus>
      <dl>
        <dt className="fr-text--bold">Adresse e-mail</dt>
        <dd className="fr-mb-2w">{actor.label}</dd>
        <dt className="fr-text--bold">Rôle</dt>
        <dd className="fr-mb-2w">
          {label(ROLE_LABELS, actor.role)}
          {actor.isOrganisationAdmin ? ' (administrateur de la structure)' : ''}
        </dd>
      </dl>
      <p className="fr-text--sm">L'affichage clair ou sombre se règle avec « Paramètres d'affichage », en haut et en bas de page.</p>
      <NotificationPreferences />
      {actor.isOrganisationAdmin && actor.organisationId && <OrganisationPeople organisationId={actor.organisationId} />}
    </div>
  );
}

function OrganisationPeople({ organisationId }: { organisationId: string }) {
  const [invited, setInvited] = useState(0);
  return (
    <section aria-labelledby="people-title" className="fr-mt-6w">
      <h2 id="people-title">Personnes de l’organisation</h2>
      <PeopleTable organisationId={organisationId} caption="Personnes de l’organisation" reload={invited} deactivation />
      <h3 className="fr-mt-4w">Inviter une personne</h3>
      <InvitePersonForm organisationId={organisationId} onInvited={() => setInvited((count) => count + 1)} />
    </section>
  );
}
