import type { components } from '../api/schema';

export type SessionActor = components['schemas']['SessionActorDto'];
export type Role = NonNullable<SessionActor['role']>;

export interface MenuLink {
  label: string;
  path: string;
  /** A page served by the server itself (outside the web application), opened by a full page load. */
  external?: boolean;
  /** Only for the organisation's administrator (the API refuses the others: OrganisationAdminOnly). */
  adminOnly?: boolean;
}

/**
 * A drop-down of the main navigation (the DSFR "menu"): a button that opens a short list of links. A space
 * whose links would not fit on one line at desktop width groups them, under words its users would use.
 */
export interface MenuGroup {
  label: string;
  links: MenuLink[];
}

export type MenuEntry = MenuLink | MenuGroup;

export function isMenuGroup(entry: MenuEntry): entry is MenuGroup {
  return 'links' in entry;
}

export interface Space {
  role: Role;
  /** The space's root path, in French: where the role lands after login. */
  path: string;
  title: string;
  menu: MenuEntry[];
}

/**
 * One space per role, each with its own menu; a role never sees another's. A new page of a space is
 * added to its menu here and to its routes in App.tsx.
 */
export const SPACES: Record<Role, Space> = {
  venue_agent: {
    role: 'venue_agent',
    path: '/guichet',
    title: 'Guichet',
    menu: [
      { label: 'Accueil du guichet', path: '/guichet' },
      { label: 'Encaisser des chèques', path: '/guichet/encaisser' },
      { label: 'Historique', path: '/guichet/historique' },
      { label: 'Relevés', path: '/guichet/releves' },
      { label: 'Coordonnées bancaires', path: '/guichet/banque' },
      { label: 'Sites et services', path: '/guichet/lieu', adminOnly: true },
      { label: 'Mon compte', path: '/guichet/compte' },
    ],
  },
  prescriber_agent: {
    role: 'prescriber_agent',
    path: '/prescripteur',
    title: 'Espace prescripteur',
    menu: [
      { label: 'Accueil prescripteur', path: '/prescripteur' },
      { label: 'Remettre un carnet', path: '/prescripteur/remettre' },
      { label: 'Stock', path: '/prescripteur/stock' },
      { label: 'Opposition', path: '/prescripteur/opposition' },
      { label: 'Impressions', path: '/prescripteur/impressions' },
      { label: 'Mon compte', path: '/prescripteur/compte' },
    ],
  },
  funder_manager: {
    role: 'funder_manager',
    path: '/financeur',
    title: 'Espace financeur',
    menu: [
      { label: 'Accueil financeur', path: '/financeur' },
      { label: 'Tableau de bord', path: '/financeur/tableau-de-bord' },
      { label: 'Programmes', path: '/financeur/programmes' },
      { label: 'Commandes', path: '/financeur/commandes' },
      { label: 'Stock et attribution', path: '/financeur/stock' },
      { label: 'Stock dormant', path: '/financeur/stock-dormant' },
      { label: 'Structures', path: '/financeur/structures' },
      { label: 'Échéances et avoirs', path: '/financeur/echeances' },
      { label: 'Mon compte', path: '/financeur/compte' },
    ],
  },
  anct_admin: {
    role: 'anct_admin',
    path: '/anct',
    title: 'Espace ANCT',
    menu: [
      {
        label: 'Pilotage',
        links: [
          { label: 'Accueil ANCT', path: '/anct' },
          { label: 'Chiffres nationaux', path: '/anct/chiffres' },
        ],
      },
      {
        label: 'Programmes et commandes',
        links: [
          { label: 'Programmes', path: '/anct/programmes' },
          { label: 'Commandes', path: '/anct/commandes' },
        ],
      },
      { label: 'Lieux', path: '/anct/lieux' },
      {
        label: 'Finances',
        links: [
          { label: 'Remboursements', path: '/anct/remboursements' },
          { label: 'Part de l’État', path: '/anct/part-etat' },
          { label: 'Rapprochement', path: '/anct/rapprochement' },
        ],
      },
      { label: 'Organisations', path: '/anct/organisations' },
      {
        label: 'Suivi technique',
        links: [
          { label: 'Journal d’audit', path: '/anct/journal' },
          { label: 'Traitements', path: '/anct/traitements' },
          { label: "Files d'attente", path: '/admin/queues', external: true },
        ],
      },
      { label: 'Mon compte', path: '/anct/compte' },
    ],
  },
};

/** The public pages' menu, for a person who is not logged in (beneficiaries, helpers, venues that apply). */
export const PUBLIC_MENU: MenuEntry[] = [
  { label: 'Trouver un lieu', path: '/trouver-un-lieu' },
  { label: 'Mon Pass numérique', path: '/mon-pass-numerique' },
  { label: 'Candidater', path: '/candidater' },
];

/** The menu a person sees: their space's (see `shownTo`), or the public pages' when not logged in. */
export function menuOf(actor: SessionActor | null): MenuEntry[] {
  const space = spaceOf(actor);
  return space ? shownTo(space.menu, actor?.isOrganisationAdmin === true) : PUBLIC_MENU;
}

/** A menu without the administrator's links unless the person is one; a group left with no link is left out. */
export function shownTo(menu: MenuEntry[], isOrganisationAdmin: boolean): MenuEntry[] {
  const shown = (link: MenuLink) => !link.adminOnly || isOrganisationAdmin;
  return menu.flatMap((entry): MenuEntry[] => {
    if (!isMenuGroup(entry)) return shown(entry) ? [entry] : [];
    const links = entry.links.filter(shown);
    return links.length === 0 ? [] : [{ ...entry, links }];
  });
}

/**
 * Whether an entry leads to the page shown: a link to its own path or to a page below it (an order's page
 * is under Commandes), the space's home to itself only; a group when one of its links does. A page served
 * by the server is never the one shown in the application.
 */
export function isCurrentEntry(entry: MenuEntry, pathname: string, spacePath: string | null): boolean {
  if (isMenuGroup(entry)) return entry.links.some((link) => isCurrentEntry(link, pathname, spacePath));
  if (entry.external) return false;
  return pathname === entry.path || (entry.path !== spacePath && pathname.startsWith(`${entry.path}/`));
}

export function spaceOf(actor: SessionActor | null): Space | null {
  return actor?.role ? SPACES[actor.role] : null;
}

/** Where to go after login: the page asked for if it lies in the person's own space, else the space's home. */
export function landingPath(actor: SessionActor, requested: string | null): string {
  const space = spaceOf(actor);
  if (!space) return '/';
  const sameSpace =
    requested &&
    requested.startsWith('/') &&
    !requested.startsWith('//') &&
    (requested === space.path || requested.startsWith(`${space.path}/`) || requested.startsWith(`${space.path}?`));
  return sameSpace ? requested : space.path;
}
