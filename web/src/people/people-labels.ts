import { isInvitationExpired } from '../../../src/modules/users/users.rules';
import { frenchDate } from '../layout/labels';

export const USER_STATUS_LABELS: Record<string, string> = { invited: 'Invité', active: 'Actif', deactivated: 'Désactivé' };

export interface InvitationDates {
  status: string;
  invitationSentAt: string | null;
  invitationExpiresAt: string | null;
}

/** How a person's state reads in a list: the pending invitation's dates, or that it expired (the server's own rule). */
export function personState(person: InvitationDates, now: Date): string {
  if (person.status !== 'invited') return USER_STATUS_LABELS[person.status] ?? person.status;
  const expiresAt = person.invitationExpiresAt ? new Date(person.invitationExpiresAt) : null;
  if (isInvitationExpired(expiresAt, now)) return 'Invitation expirée';
  return `Invitation envoyée le ${frenchDate(person.invitationSentAt)} — expire le ${frenchDate(person.invitationExpiresAt)}`;
}

/** French sentences for the refusals met when inviting and managing people, by the API's code. */
const REFUSALS: Record<string, string> = {
  EMAIL_ALREADY_USED:
    'Cette adresse e-mail a déjà un compte ou une invitation en cours. Une invitation en cours peut être renvoyée ou annulée depuis la liste.',
  INVITATION_NOT_PENDING: 'Cette personne n’a plus d’invitation en attente (acceptée ou compte désactivé) : rechargez la page.',
  CANNOT_DEACTIVATE_SELF: 'Vous ne pouvez pas désactiver votre propre compte.',
  NOT_FOUND: 'Cette personne ou cette structure n’existe pas ou plus : rechargez la page.',
  FORBIDDEN: 'Seuls les administrateurs de la structure peuvent gérer ses personnes.',
  VALIDATION_FAILED: 'Vérifiez le nom et l’adresse e-mail.',
  RATE_LIMITED: 'Trop de tentatives. Patientez quelques minutes puis réessayez.',
};

export function peopleRefusal(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  return REFUSALS[code] ?? 'L’action a échoué. Réessayez dans un instant.';
}

export const NETWORK_FAILURE = 'La connexion a échoué : rien n’a été enregistré. Réessayez.';
