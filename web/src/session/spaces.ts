import type { components } from '../api/schema';

export type SessionActor = components['schemas']['SessionActorDto'];
export type Role = NonNullable<SessionActor['role']>;

export interface MenuItem {
  label: string;
  path: string;
  /** A page served by the server itself (outside the web application), opened by a full page load. */
  external?: boolean;
  /** Only for the organisation's administrator (the API refuses the others: OrganisationAdminOnly). */
  adminOnly?: boolean;
}

export interface Space {
  role: Role;
  /** The space's root path, in French: where the role lands after login. */
  path: string;
  title: string;
  menu: MenuItem[];
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
      { label: 'Accueil ANCT', path: '/anct' },
      { label: 'Programmes', path: '/anct/programmes' },
      { label: 'Commandes', path: '/anct/commandes' },
      { label: 'Lieux', path: '/anct/lieux' },
      { label: 'Remboursements', path: '/anct/remboursements' },
      { label: 'Part de l’État', path: '/anct/part-etat' },
      { label: 'Rapprochement', path: '/anct/rapprochement' },
      { label: 'Organisations', path: '/anct/organisations' },
      { label: 'Journal d’audit', path: '/anct/journal' },
      { label: 'Traitements', path: '/anct/traitements' },
      { label: 'Chiffres nationaux', path: '/anct/chiffres' },
      { label: "Files d'attente", path: '/admin/queues', external: true },
      { label: 'Mon compte', path: '/anct/compte' },
    ],
  },
};

/** The public pages' menu, for a person who is not logged in (beneficiaries, helpers, venues that apply). */
export const PUBLIC_MENU: MenuItem[] = [
  { label: 'Trouver un lieu', path: '/trouver-un-lieu' },
  { label: 'Mon Pass numérique', path: '/mon-pass-numerique' },
  { label: 'Candidater', path: '/candidater' },
];

/** The menu a person sees: their space's, without the administrator's entries unless they are one. */
export function menuOf(actor: SessionActor | null): MenuItem[] {
  const space = spaceOf(actor);
  if (!space) return PUBLIC_MENU;
  return space.menu.filter((item) => !item.adminOnly || actor?.isOrganisationAdmin);
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
