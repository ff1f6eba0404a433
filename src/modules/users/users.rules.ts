import type { OrganisationKind } from '../organisations/organisation-kind';
import type { UserStatus } from './user-status';

/** An invitation link works once, for this many days after it was (last) sent. */
export const INVITATION_VALIDITY_DAYS = 7;

export function invitationExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_VALIDITY_DAYS * 86_400_000);
}

/** The account an address already has, as far as inviting that address again is concerned. */
export interface AccountOfAddress {
  status: UserStatus;
  invitationExpiresAt: Date | null;
}

/**
 * What inviting an address does:
 * - `create`: nobody has it, a new invited user is made;
 * - `reinvite`: its only account is an invitation never accepted whose link has expired. Such an invitation
 *   holds the address no longer: the same user row is invited again (new link, new expiry), into the inviting
 *   organisation with the new name and rights — whoever asked first, perhaps with somebody else's address,
 *   must not keep it forever;
 * - `taken`: an active or deactivated account, or an invitation whose link still works (EMAIL_ALREADY_USED:
 *   its organisation may re-send or cancel it).
 */
export type InvitationOutcome = 'create' | 'reinvite' | 'taken';

export function invitationOutcome(existing: AccountOfAddress | null, now: Date): InvitationOutcome {
  if (!existing) return 'create';
  if (existing.status === 'invited' && isInvitationExpired(existing.invitationExpiresAt, now)) return 'reinvite';
  return 'taken';
}

/** An invitation without an expiry (none recorded) counts as expired: its link cannot be accepted. */
export function isInvitationExpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt === null || expiresAt.getTime() <= now.getTime();
}

/** Who is managing people (inviting, listing, re-sending or cancelling invitations, deactivating). */
export interface PeopleManager {
  organisationId: string;
  organisationKind: OrganisationKind;
  isOrganisationAdmin: boolean;
}

/** The organisation whose people are managed, with the funders a prescriber structure works with. */
export interface ManagedOrganisation {
  id: string;
  kind: OrganisationKind;
  funderIds: readonly string[];
}

/**
 * Whose people an actor may manage:
 * - an organisation's administrators, their own organisation's;
 * - ANCT's administrators, every organisation's;
 * - any manager of a funder, those of the prescriber structures it works with (it registers them and invites
 *   their first agent: it must be able to replace an agent who left or never accepted, and to end the access of
 *   one who left, even when the structure has no administrator left);
 * - nobody else: another organisation answers `not_found`, exactly like a missing one, so ids cannot be probed.
 * Within reach but without the administrator flag: `forbidden`.
 */
export type PeopleAccess = 'allowed' | 'forbidden' | 'not_found';

export function peopleAccess(actor: PeopleManager, target: ManagedOrganisation | null): PeopleAccess {
  if (!target) return 'not_found';
  if (actor.organisationKind === 'anct' || target.id === actor.organisationId) return actor.isOrganisationAdmin ? 'allowed' : 'forbidden';
  if (actor.organisationKind === 'funder' && target.kind === 'prescriber' && target.funderIds.includes(actor.organisationId)) {
    return 'allowed';
  }
  return 'not_found';
}
