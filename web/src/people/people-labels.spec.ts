import { peopleRefusal, personState } from './people-labels';

const NOW = new Date('2026-03-10T12:00:00Z');

describe('a person’s state in a list', () => {
  it('shows a pending invitation’s dates, in Paris', () => {
    expect(
      personState({ status: 'invited', invitationSentAt: '2026-03-09T23:30:00Z', invitationExpiresAt: '2026-03-16T23:30:00Z' }, NOW),
    ).toBe('Invitation envoyée le 10 mars 2026 — expire le 17 mars 2026');
  });

  it.each([
    ['2026-03-10T11:59:59Z', 'Invitation expirée'],
    ['2026-03-10T12:00:00Z', 'Invitation expirée'],
    [null, 'Invitation expirée'],
  ])('says an invitation expiring %s has expired', (expiresAt, text) => {
    expect(personState({ status: 'invited', invitationSentAt: '2026-03-03T12:00:00Z', invitationExpiresAt: expiresAt }, NOW)).toBe(text);
  });

  it.each([
    ['active', 'Actif'],
    ['deactivated', 'Désactivé'],
  ])('names the other states (%s)', (status, text) => {
    expect(personState({ status, invitationSentAt: null, invitationExpiresAt: null }, NOW)).toBe(text);
  });

  it('answers each refusal by its code, and a generic sentence otherwise', () => {
    expect(peopleRefusal({ code: 'EMAIL_ALREADY_USED' })).toMatch(/^Cette adresse e-mail a déjà un compte ou une invitation en cours/);
    expect(peopleRefusal({ code: 'INVITATION_NOT_PENDING' })).toMatch(/plus d’invitation en attente/);
    expect(peopleRefusal({ code: 'SOMETHING_ELSE' })).toBe('L’action a échoué. Réessayez dans un instant.');
    expect(peopleRefusal(undefined)).toBe('L’action a échoué. Réessayez dans un instant.');
  });
});
