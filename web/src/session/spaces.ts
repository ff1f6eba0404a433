import type { components } from '../api/schema';

export type SessionActor = components['schemas']['SessionActorDto'];
export type Role = NonNullable<SessionActor['role']>;

export interface MenuItem {
  label: string;
  path: string;
  /** A page served by the server itself (outside the web application), opened by a full page load. */
  external?: boolean;
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
      { label: 'Mon compte', path: '/financeur/compte' },
    ],
  },
  anct_admin: {
    role: 'anct_admin',
    path: '/anct',
    title: 'Espace ANCT',
    menu: [
      { label: 'Accueil ANCT', path: '/anct' },
      { label: "Files d'attente", path: '/admin/queues', external: true },
      { label: 'Mon compte', path: '/anct/compte' },
    ],
  },
};

export function spaceOf(actor: SessionActor | null): Space | null {
  return actor?.role ? SPACES[actor.role] : null;
}

/** Where to go after login: the page asked for if it lies in the person's own space, else the space's home. */
export function landingPath(actor: SessionActor, requested: string | null): string {
  const space = spaceOf(actor);
  if (!space) return '/';
  const sameSpace = requested && requested.startsWith('/') && !requested.startsWith('//') && (requested === space.path || requested.startsWith(`${space.path}/`) || requested.startsWith(`${space.path}?`));
  return sameSpace ? requested : space.path;
}
