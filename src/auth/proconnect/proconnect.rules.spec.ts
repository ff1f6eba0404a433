import { decideLink, type LinkCandidate, type ProConnectIdentity } from './proconnect.rules';

const identity: ProConnectIdentity = { sub: 's1', idpId: 'idp', email: 'a@b.fr', siret: '123 456 789 00012' };
const account = (overrides: Partial<LinkCandidate> = {}): LinkCandidate => ({
  userId: 'u1',
  email: 'a@b.fr',
  status: 'invited',
  organisationSiret: '12345678900012',
  proconnectSub: null,
  proconnectIdpId: null,
  ...overrides,
});

describe('decideLink', () => {
  it.each([
    ['linked identity', account({ status: 'active', proconnectSub: 's1', proconnectIdpId: 'idp' }), null, { outcome: 'signed_in', userId: 'u1' }],
    ['linked but deactivated', account({ status: 'deactivated', proconnectSub: 's1' }), null, { outcome: 'refused', reason: 'ACCOUNT_DEACTIVATED' }],
    ['invited, same e-mail and SIRET', null, account(), { outcome: 'link', userId: 'u1' }],
    ['active password account, same SIRET', null, account({ status: 'active' }), { outcome: 'link', userId: 'u1' }],
    ['nobody with this e-mail', null, null, { outcome: 'refused', reason: 'UNKNOWN_PERSON' }],
    ['another SIRET', null, account({ organisationSiret: '98765432100019' }), { outcome: 'refused', reason: 'SIRET_MISMATCH' }],
    ['organisation without SIRET', null, account({ organisationSiret: null }), { outcome: 'refused', reason: 'SIRET_MISMATCH' }],
    ['deactivated account', null, account({ status: 'deactivated' }), { outcome: 'refused', reason: 'ACCOUNT_DEACTIVATED' }],
    ['account linked to another identity', null, account({ proconnectSub: 'other', proconnectIdpId: 'idp' }), { outcome: 'refused', reason: 'LINKED_TO_ANOTHER_IDENTITY' }],
  ])('%s', (_label, linked, byEmail, expected) => {
    expect(decideLink(identity, linked, byEmail)).toEqual(expected);
  });

  it('refuses when ProConnect gives no SIRET', () => {
    expect(decideLink({ ...identity, siret: null }, null, account())).toEqual({ outcome: 'refused', reason: 'SIRET_MISMATCH' });
  });
});
