import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { frenchDate } from '../layout/labels';
import { type Notice, NoticeArea } from '../layout/NoticeArea';
import { NETWORK_FAILURE, peopleRefusal } from './people-labels';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Invites one person into `organisationId` (the caller's own, or a structure its funder works with). The link is
 * e-mailed; it is shown here too, to hand over if the e-mail goes astray. `onInvited` refreshes the list.
 */
export function InvitePersonForm({ organisationId, onInvited }: { organisationId: string; onInvited: () => void }) {
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [admin, setAdmin] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const problems = {
    displayName: displayName.trim() === '' ? 'Saisissez le prénom et le nom de la personne.' : null,
    email: EMAIL.test(email.trim()) ? null : 'Saisissez une adresse e-mail, par exemple nom@ccas.fr.',
  };
  const state = (problem: string | null) => (submitted && problem ? { state: 'error' as const, stateRelatedMessage: problem } : {});

  async function invite(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setNotice(null);
    if (problems.displayName || problems.email) return;
    setBusy(true);
    try {
      const answer = await api.POST('/api/v1/users', {
        body: { displayName: displayName.trim(), email: email.trim(), isOrganisationAdmin: admin, organisationId },
      });
      if (answer.data) {
        const invitation = answer.data;
        setNotice({
          severity: 'success',
          text: `Invitation envoyée à ${invitation.user.email}, valable jusqu’au ${frenchDate(invitation.invitationExpiresAt)}. Vous pouvez aussi lui transmettre ce lien : ${invitation.invitationUrl}`,
        });
        setDisplayName('');
        setEmail('');
        setAdmin(false);
        setSubmitted(false);
        onInvited();
      } else {
        setNotice({ severity: 'error', text: peopleRefusal(answer.error) });
      }
    } catch {
      setNotice({ severity: 'error', text: NETWORK_FAILURE });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={invite} noValidate>
      <Input
        label="Prénom et nom"
        {...state(problems.displayName)}
        nativeInputProps={{ value: displayName, onChange: (event) => setDisplayName(event.target.value), autoComplete: 'off' }}
      />
      <Input
        label="Adresse e-mail"
        {...state(problems.email)}
        nativeInputProps={{ value: email, onChange: (event) => setEmail(event.target.value), type: 'email', autoComplete: 'off' }}
      />
      <Checkbox
        options={[
          {
            label: 'Administrateur',
            hintText: 'Peut inviter et désactiver ses collègues.',
            nativeInputProps: { checked: admin, onChange: (event) => setAdmin(event.target.checked) },
          },
        ]}
      />
      <NoticeArea notice={notice} />
      <Button type="submit" disabled={busy}>
        Envoyer l’invitation
      </Button>
    </form>
  );
}
