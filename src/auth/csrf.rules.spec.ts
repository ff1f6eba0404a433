import { checkCookieAuthenticatedRequest, type CookieRequestFacts } from './csrf.rules';

const base: CookieRequestFacts = {
  method: 'POST',
  origin: 'https://pass.example.fr',
  fetchSite: 'same-origin',
  ownOrigins: ['https://pass.example.fr'],
  csrfHeader: 'token-123',
  csrfCookie: 'token-123',
};

describe('checkCookieAuthenticatedRequest', () => {
  it.each([
    ['a read, whatever its origin', { method: 'GET', origin: 'https://evil.example', csrfHeader: undefined }, true],
    ['a change from our page with the token', {}, true],
    ['a change without Origin nor Sec-Fetch-Site but with the token (older browsers)', { origin: undefined, fetchSite: undefined }, true],
    ['a change without the header', { csrfHeader: undefined }, false],
    ['a change without the cookie', { csrfCookie: undefined }, false],
    ['a change with another token', { csrfHeader: 'token-124' }, false],
    ['a change from another origin, even with a token', { origin: 'https://evil.example' }, false],
    ['a change the browser calls cross-site', { fetchSite: 'cross-site' }, false],
    ['a change the browser calls same-site (a sibling subdomain)', { fetchSite: 'same-site' }, false],
  ])('%s', (_, facts, allowed) => {
    expect(checkCookieAuthenticatedRequest({ ...base, ...facts }).allowed).toBe(allowed);
  });

  it('checks only the origin when asked to (login: no token exists yet)', () => {
    expect(checkCookieAuthenticatedRequest({ ...base, csrfHeader: undefined, csrfCookie: undefined }, false).allowed).toBe(true);
    expect(checkCookieAuthenticatedRequest({ ...base, origin: 'https://evil.example' }, false).allowed).toBe(false);
  });
});
