import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { DataStatus } from '../layout/DataStatus';
import { frenchDate, frenchDateTime, label, ROLE_LABELS } from '../layout/labels';
import { type Notice, NoticeArea } from '../layout/NoticeArea';
import { useApiData } from '../layout/useApiData';
import { useActor } from '../session/SessionContext';
import { NETWORK_FAILURE, peopleRefusal, personState } from './people-labels';

type Person = components['schemas']['UserDto'];

/**
 * The people of one organisation, each pending invitation with its dates and two actions: send it again (a new
 * link, the old one stops working) or cancel it (after a confirmation; the address is free again). With `deactivation`
 * (an administrator's own organisation, ANCT, a funder for its structures) people are deactivated from here too, after
 * a confirmation; never the person looking, whom the server would refuse. `reload` is bumped by the page after it
 * invited someone.
 */
export function PeopleTable({
  organisationId,
  caption,
  reload = 0,
  deactivation = false,
}: {
  organisationId: string;
  caption: string;
  reload?: number;
  deactivation?: boolean;
}) {
  const actor = useActor();
  const [changes, setChanges] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const people = useApiData(async () => {
    const answer = await api.GET('/api/v1/users', { params: { query: { organisationId, limit: 200, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data;
  }, [organisationId, reload, changes]);

  async function act(call: () => Promise<{ error?: unknown; response: Response }>, success: (answer: unknown) => string) {
    setBusy(true);
    try {
      const answer = await call();
      if (answer.response.ok) {
        setNotice({ severity: 'success', text: success(answer) });
        setChanges((count) => count + 1);
      } else {
        setNotice({ severity: 'error', text: peopleRefusal(answer.error) });
      }
    } catch {
      setNotice({ severity: 'error', text: NETWORK_FAILURE });
    } finally {
      setBusy(false);
    }
  }

  const resend = (person: Person) =>
    act(
      () => api.POST('/api/v1/users/{id}/invitation', { params: { path: { id: person.id } } }),
      (answer) => {
        const invitation = (answer as { data?: components['schemas']['InvitationDto'] }).data;
        return invitation
          ? `Nouvelle invitation envoyée à ${person.email}, valable jusqu’au ${frenchDate(invitation.invitationExpiresAt)} ; l’ancien lien ne fonctionne plus. Vous pouvez aussi transmettre ce lien : ${invitation.invitationUrl}`
          : `Nouvelle invitation envoyée à ${person.email}.`;
      },
    );

  const cancel = (person: Person) => {
    const confirmed = window.confirm(
      `Annuler l’invitation de ${person.displayName} (${person.email}) ? Le lien envoyé ne fonctionnera plus et l’adresse pourra être invitée de nouveau.`,
    );
    if (!confirmed) return;
    return act(
      () => api.DELETE('/api/v1/users/{id}/invitation', { params: { path: { id: person.id } } }),
      () => `Invitation de ${person.displayName} annulée : l’adresse ${person.email} peut être invitée de nouveau.`,
    );
  };

  const deactivate = (person: Person) => {
    const confirmed = window.confirm(
      `Désactiver le compte de ${person.displayName} (${person.email}) ? Cette personne ne pourra plus se connecter et son adresse ne pourra pas être invitée de nouveau.`,
    );
    if (!confirmed) return;
    return act(
      () => api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id: person.id } } }),
      () => `${person.displayName} ne peut plus se connecter.`,
    );
  };

  function actionsOf(person: Person) {
    const buttons = [];
    if (person.status === 'invited') {
      buttons.push(
        <Button
          key="resend"
          size="small"
          priority="secondary"
          className="fr-mr-1w fr-mb-1w"
          disabled={busy}
          onClick={() => void resend(person)}
          nativeButtonProps={{ 'aria-label': `Renvoyer l’invitation à ${person.displayName}` }}
        >
          Renvoyer l’invitation
        </Button>,
        <Button
          key="cancel"
          size="small"
          priority="tertiary"
          className="fr-mr-1w fr-mb-1w"
          disabled={busy}
          onClick={() => void cancel(person)}
          nativeButtonProps={{ 'aria-label': `Annuler l’invitation de ${person.displayName}` }}
        >
          Annuler l’invitation
        </Button>,
      );
    }
    if (deactivation && person.status !== 'deactivated' && person.id !== actor.userId) {
      buttons.push(
        <Button
          key="deactivate"
          size="small"
          priority="tertiary"
          className="fr-mb-1w"
          disabled={busy}
          onClick={() => void deactivate(person)}
        >
          {`Désactiver ${person.displayName}`}
        </Button>,
      );
    }
    return buttons.length > 0 ? <div key={person.id}>{buttons}</div> : '—';
  }

  const now = new Date();
  return (
    <>
      <NoticeArea notice={notice} />
      <DataStatus state={people}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Personne pour l’instant.</p>
          ) : (
            <Table
              caption={caption}
              noCaption
              headers={['Nom', 'E-mail', 'Rôle', 'État', 'Dernière connexion', 'Actions']}
              data={page.items.map((person) => [
                `${person.displayName}${person.isOrganisationAdmin ? ' (administrateur)' : ''}`,
                person.email,
                label(ROLE_LABELS, person.role),
                personState(person, now),
                frenchDateTime(person.lastLoginAt),
                actionsOf(person),
              ])}
            />
          )
        }
      </DataStatus>
    </>
  );
}
