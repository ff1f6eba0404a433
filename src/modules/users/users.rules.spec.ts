import type { OrganisationKind } from '../organisations/organisation-kind';
import type { UserStatus } from './user-status';
import {
  invitationExpiry,
  invitationOutcome,
  isInvitationExpired,
  peopleAccess,
  type ManagedOrganisation,
  type PeopleManager,
} from './users.rules';

const NOW = new Date('2026-03-10T12:00:00Z');
const LATER = new Date('2026-03-11T12:00:00Z');
const EARLIER = new Date('2026-03-09T12:00:00Z');

describe('inviting an address', () => {
  it.each<[string, string, { status: UserStatus; invitationExpiresAt: Date | null } | null]>([
    ['nobody has it', 'create', null],
    ['an invitation still running', 'taken', { status: 'invited', invitationExpiresAt: LATER }],
    ['an invitation expiring this very instant', 'reinvite', { status: 'invited', invitationExpiresAt: NOW }],
    ['an expired invitation, never accepted', 'reinvite', { status: 'invited', invitationExpiresAt: EARLIER }],
    ['an invitation without expiry', 'reinvite', { status: 'invited', invitationExpiresAt: null }],
    ['an active account', 'taken', { status: 'active', invitationExpiresAt: null }],
    ['an active account with a stale expiry', 'taken', { status: 'active', invitationExpiresAt: EARLIER }],
    ['a deactivated account', 'taken', { status: 'deactivated', invitationExpiresAt: EARLIER }],
  ])('%s → %s', (_case, outcome, existing) => {
    expect(invitationOutcome(existing, NOW)).toBe(outcome);
  });

  it('gives a link 7 days from its sending', () => {
    expect(invitationExpiry(NOW).toISOString()).toBe('2026-03-17T12:00:00.000Z');
    expect(isInvitationExpired(invitationExpiry(NOW), NOW)).toBe(false);
    expect(isInvitationExpired(invitationExpiry(EARLIER), new Date('2026-03-16T12:00:00Z'))).toBe(true);
  });
});

describe('whose people an actor may manage', () => {
  const FUNDER = 'f0000000-0000-4000-8000-000000000001';
  const OTHER_FUNDER = 'f0000000-0000-4000-8000-000000000002';
  const actor = (organisationKind: OrganisationKind, organisationId: string, isOrganisationAdmin: boolean): PeopleManager => ({
    organisationKind,
    organisationId,
    isOrganisationAdmin,
  });
  const organisation = (kind: OrganisationKind, id: string, funderIds: string[] = []): ManagedOrganisation => ({ id, kind, funderIds });
  const ccas = organisation('prescriber', 'p0000000-0000-4000-8000-000000000001', [FUNDER]);
  const sharedCcas = organisation('prescriber', 'p0000000-0000-4000-8000-000000000002', [OTHER_FUNDER, FUNDER]);
  const otherCcas = organisation('prescriber', 'p0000000-0000-4000-8000-000000000003', [OTHER_FUNDER]);
  const venue = organisation('venue', 'v0000000-0000-4000-8000-000000000001');
  const otherFunder = organisation('funder', OTHER_FUNDER);

  it.each<[string, string, PeopleManager, ManagedOrganisation | null]>([
    ['an admin, their own organisation', 'allowed', actor('venue', venue.id, true), venue],
    ['a non-admin, their own organisation', 'forbidden', actor('venue', venue.id, false), venue],
    ['an admin, another organisation', 'not_found', actor('venue', 'v0000000-0000-4000-8000-000000000009', true), venue],
    ['an ANCT admin, any organisation', 'allowed', actor('anct', 'a0000000-0000-4000-8000-000000000001', true), otherCcas],
    ['an ANCT agent without the admin flag', 'forbidden', actor('anct', 'a0000000-0000-4000-8000-000000000001', false), otherCcas],
    ['a funder, a structure it works with', 'allowed', actor('funder', FUNDER, true), ccas],
    ['a funder without the admin flag, a structure it works with', 'allowed', actor('funder', FUNDER, false), ccas],
    ['a funder, a structure shared with another funder', 'allowed', actor('funder', FUNDER, false), sharedCcas],
    ['a funder without the admin flag, its own organisation', 'forbidden', actor('funder', FUNDER, false), organisation('funder', FUNDER)],
    ['a funder, another funder’s structure', 'not_found', actor('funder', FUNDER, true), otherCcas],
    ['a funder, another funder', 'not_found', actor('funder', FUNDER, true), otherFunder],
    ['a funder, a venue', 'not_found', actor('funder', FUNDER, true), venue],
    ['a structure, its funder', 'not_found', actor('prescriber', ccas.id, true), organisation('funder', FUNDER)],
    ['anyone, a missing organisation', 'not_found', actor('anct', 'a0000000-0000-4000-8000-000000000001', true), null],
  ])('%s → %s', (_case, access, manager, target) => {
    expect(peopleAccess(manager, target)).toBe(access);
  });

  it('never lets a funder reach an organisation that does not list it among its funders', () => {
    const kinds: OrganisationKind[] = ['anct', 'funder', 'prescriber', 'venue'];
    for (const kind of kinds) {
      for (const isOrganisationAdmin of [true, false]) {
        const target = organisation(kind, 'o0000000-0000-4000-8000-000000000001', [OTHER_FUNDER]);
        expect(peopleAccess(actor('funder', FUNDER, isOrganisationAdmin), target)).toBe('not_found');
      }
    }
  });
});
