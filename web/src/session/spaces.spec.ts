import {
  isCurrentEntry,
  isMenuGroup,
  type MenuEntry,
  type MenuLink,
  menuOf,
  PUBLIC_MENU,
  type Role,
  type SessionActor,
  shownTo,
  SPACES,
} from './spaces';

function actorOf(role: Role, isOrganisationAdmin = false): SessionActor {
  return { role, isOrganisationAdmin } as SessionActor;
}

const linksOf = (menu: MenuEntry[]): MenuLink[] => menu.flatMap((entry) => (isMenuGroup(entry) ? entry.links : [entry]));
const labelsOf = (menu: MenuEntry[]) =>
  menu.map((entry) => (isMenuGroup(entry) ? { [entry.label]: entry.links.map((link) => link.label) } : entry.label));

describe('menus of the spaces', () => {
  it('groups ANCT’s thirteen pages into drop-downs, leaving seven entries on the bar', () => {
    const menu = menuOf(actorOf('anct_admin'));
    expect(labelsOf(menu)).toEqual([
      { Pilotage: ['Accueil ANCT', 'Chiffres nationaux'] },
      { 'Programmes et commandes': ['Programmes', 'Commandes'] },
      'Lieux',
      { Finances: ['Remboursements', 'Part de l’État', 'Rapprochement'] },
      'Organisations',
      { 'Suivi technique': ['Journal d’audit', 'Traitements', "Files d'attente"] },
      'Mon compte',
    ]);
    expect(linksOf(menu)).toHaveLength(13);
  });

  it.each(Object.values(SPACES))('gives $role each page once, in its own space (or a page of the server)', (space) => {
    const paths = linksOf(space.menu).map((link) => link.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const link of linksOf(space.menu)) {
      if (!link.external) expect(link.path === space.path || link.path.startsWith(`${space.path}/`)).toBe(true);
    }
    for (const entry of space.menu) if (isMenuGroup(entry)) expect(entry.links.length).toBeGreaterThanOrEqual(2);
  });

  it('shows administrators’ links to administrators only, also inside a group, and leaves out a group left empty', () => {
    expect(linksOf(menuOf(actorOf('venue_agent', true))).map((link) => link.label)).toContain('Sites et services');
    expect(linksOf(menuOf(actorOf('venue_agent'))).map((link) => link.label)).not.toContain('Sites et services');

    const menu: MenuEntry[] = [
      { label: 'Accueil', path: '/financeur' },
      {
        label: 'Administration',
        links: [
          { label: 'Structures', path: '/financeur/structures', adminOnly: true },
          { label: 'Clés', path: '/financeur/cles', adminOnly: true },
        ],
      },
      {
        label: 'Stock',
        links: [
          { label: 'Stock et attribution', path: '/financeur/stock' },
          { label: 'Stock dormant', path: '/financeur/stock-dormant', adminOnly: true },
        ],
      },
    ];
    expect(labelsOf(shownTo(menu, false))).toEqual(['Accueil', { Stock: ['Stock et attribution'] }]);
    expect(labelsOf(shownTo(menu, true))).toEqual([
      'Accueil',
      { Administration: ['Structures', 'Clés'] },
      { Stock: ['Stock et attribution', 'Stock dormant'] },
    ]);
  });

  it('shows the public menu to a person who is not logged in', () => {
    expect(menuOf(null)).toBe(PUBLIC_MENU);
  });

  it('marks current the link of the page shown, or of the page above it, and the group holding it', () => {
    const menu = menuOf(actorOf('anct_admin'));
    const current = (pathname: string) =>
      menu.flatMap((entry) => [
        ...(isCurrentEntry(entry, pathname, '/anct') ? [entry.label] : []),
        ...(isMenuGroup(entry) ? entry.links.filter((link) => isCurrentEntry(link, pathname, '/anct')).map((link) => link.label) : []),
      ]);
    expect(current('/anct')).toEqual(['Pilotage', 'Accueil ANCT']);
    expect(current('/anct/commandes')).toEqual(['Programmes et commandes', 'Commandes']);
    expect(current('/anct/commandes/4f1c')).toEqual(['Programmes et commandes', 'Commandes']);
    expect(current('/anct/remboursements/releves/9a2b')).toEqual(['Finances', 'Remboursements']);
    expect(current('/anct/lieux/7c3d')).toEqual(['Lieux']);
    expect(current('/anct/compte')).toEqual(['Mon compte']);
    // A path that only starts like an entry's is not below it.
    expect(current('/anct/lieuxx')).toEqual([]);
    // The server's pages are never the application's current page.
    expect(current('/admin/queues')).toEqual([]);
  });
});
