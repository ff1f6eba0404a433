import {
  decideLink,
  isRefusalReason,
  type LinkCandidate,
  type ProConnectIdentity,
  safeReturnPath,
  wantsJsonAnswer,
} from './proconnect.rules';

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
    [
      'linked identity',
      account({ status: 'active', proconnectSub: 's1', proconnectIdpId: 'idp' }),
      null,
      { outcome: 'signed_in', userId: 'u1' },
    ],
    [
      'linked but deactivated',
      account({ status: 'deactivated', proconnectSub: 's1' }),
      null,
      { outcome: 'refused', reason: 'ACCOUNT_DEACTIVATED' },
    ],
    ['invited, same e-mail and SIRET', null, account(), { outcome: 'link', userId: 'u1' }],
    ['active password account, same SIRET', null, account({ status: 'active' }), { outcome: 'link', userId: 'u1' }],
    ['nobody with this e-mail', null, null, { outcome: 'refused', reason: 'UNKNOWN_PERSON' }],
    ['another SIRET', null, account({ organisationSiret: '98765432100019' }), { outcome: 'refused', reason: 'SIRET_MISMATCH' }],
    ['organisation without SIRET', null, account({ organisationSiret: null }), { outcome: 'refused', reason: 'SIRET_MISMATCH' }],
    ['deactivated account', null, account({ status: 'deactivated' }), { outcome: 'refused', reason: 'ACCOUNT_DEACTIVATED' }],
    [
      'account linked to another identity',
      null,
      account({ proconnectSub: 'other', proconnectIdpId: 'idp' }),
      { outcome: 'refused', reason: 'LINKED_TO_ANOTHER_IDENTITY' },
    ],
  ])('%s', (_label, linked, byEmail, expected) => {
    expect(decideLink(identity, linked, byEmail)).toEqual(expected);
  });

  it('refuses when ProConnect gives no SIRET', () => {
    expect(decideLink({ ...identity, siret: null }, null, account())).toEqual({ outcome: 'refused', reason: 'SIRET_MISMATCH' });
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/prescripteur/compte', '/prescripteur/compte'],
    ['/guichet?x=1', '/guichet?x=1'],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['https://evil.example/', null],
    ['prescripteur', null],
    ['/a\nb', null],
    ['', null],
    [undefined, null],
    [`/${'a'.repeat(600)}`, null],
  ])('%j → %j', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });
});

describe('wantsJsonAnswer', () => {
  it.each([
    ['application/json', true],
    ['application/json, */*;q=0.1', true],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', false],
    ['text/html, application/json', false],
    [undefined, false],
    ['*/*', false],
  ])('%j → %s', (accept, expected) => {
    expect(wantsJsonAnswer(accept)).toBe(expected);
  });
});

describe('isRefusalReason', () => {
  it('knows the refusal codes only', () => {
    expect(isRefusalReason('SIRET_MISMATCH')).toBe(true);
    expect(isRefusalReason('toString')).toBe(false);
    expect(isRefusalReason(null)).toBe(false);
  });
});
