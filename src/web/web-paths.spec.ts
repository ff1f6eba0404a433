import { webLink, WEB_PATHS } from './web-paths';

describe('webLink', () => {
  it('joins the public base address and a web route, the token in the fragment', () => {
    expect(webLink('https://pass.example.gouv.fr/', WEB_PATHS.newPassword, 'a+b/c')).toBe(
      'https://pass.example.gouv.fr/nouveau-mot-de-passe#token=a%2Bb%2Fc',
    );
    expect(webLink('http://localhost:3000', WEB_PATHS.venueStatements)).toBe('http://localhost:3000/guichet/releves');
  });
});
