import { cookiesMustBeSecure, parseCookieHeader, serializeCookie } from './session-cookies';

describe('session cookies', () => {
  it('reads a Cookie header, first value winning, encoded values decoded', () => {
    expect(parseCookieHeader('a=1; pn_csrf=x%2By; a=2; broken; =v')).toEqual({ a: '1', pn_csrf: 'x+y' });
    expect(parseCookieHeader(undefined)).toEqual({});
  });

  it('writes HttpOnly, Secure and SameSite=Strict as asked', () => {
    expect(serializeCookie('pn_access', 'a b', { maxAgeSeconds: 900, path: '/', httpOnly: true, secure: true })).toBe(
      'pn_access=a%20b; Path=/; Max-Age=900; SameSite=Strict; HttpOnly; Secure',
    );
    expect(serializeCookie('pn_csrf', '', { maxAgeSeconds: -5, path: '/', httpOnly: false, secure: false })).toBe(
      'pn_csrf=; Path=/; Max-Age=0; SameSite=Strict',
    );
  });

  it('is Secure everywhere except plain HTTP on the local machine', () => {
    expect(cookiesMustBeSecure('https://pass.example.fr')).toBe(true);
    expect(cookiesMustBeSecure('http://pass.example.fr')).toBe(true);
    expect(cookiesMustBeSecure('http://localhost:3000')).toBe(false);
    expect(cookiesMustBeSecure('http://127.0.0.1:3000')).toBe(false);
  });
});
