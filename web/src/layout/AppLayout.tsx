import { Display, headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LOGIN_PATH } from '../api/client';
import { useSession } from '../session/SessionContext';
import { isCurrentEntry, isMenuGroup, type MenuLink, menuOf, spaceOf } from '../session/spaces';

const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
);

/** A link of the main navigation or of one of its drop-downs; react-dsfr marks the current one aria-current="page". */
function navigationLink(link: MenuLink, pathname: string, spacePath: string | null) {
  return {
    text: link.label,
    linkProps: link.external ? { to: link.path, reloadDocument: true } : { to: link.path },
    isActive: isCurrentEntry(link, pathname, spacePath),
  };
}

/** Header (with the role's own menu), main content, footer, and the display settings (light/dark). */
export function AppLayout() {
  const { actor, logout } = useSession();
  const space = spaceOf(actor ?? null);
  const location = useLocation();
  const navigate = useNavigate();
  const homePath = space?.path ?? '/';
  const spacePath = space?.path ?? null;

  const quickAccessItems = actor
    ? [
        headerFooterDisplayItem,
        {
          iconId: 'fr-icon-logout-box-r-line' as const,
          text: 'Se déconnecter',
          buttonProps: {
            onClick: async () => {
              await logout();
              void navigate(LOGIN_PATH, { replace: true });
            },
          },
        },
      ]
    : [headerFooterDisplayItem, { iconId: 'fr-icon-account-circle-line' as const, text: 'Se connecter', linkProps: { to: LOGIN_PATH } }];

  return (
    <>
      <Header
        // A new header for each space's menu: DSFR's script binds a drop-down to its navigation when both appear
        // together, not when React turns an existing link into a drop-down (after login, the public menu's).
        key={space?.role ?? 'public'}
        brandTop={BRAND_TOP}
        serviceTitle="Pass numérique"
        serviceTagline={space ? space.title : 'Chèques pour se former au numérique'}
        homeLinkProps={{ to: homePath, title: 'Accueil — Pass numérique' }}
        quickAccessItems={quickAccessItems}
        navigation={menuOf(actor ?? null).map((entry): MainNavigationProps.Item =>
          // A group is a DSFR drop-down: its button says aria-current when the page shown is one of its links.
          isMenuGroup(entry)
            ? {
                text: entry.label,
                isActive: isCurrentEntry(entry, location.pathname, spacePath),
                menuLinks: entry.links.map((link) => navigationLink(link, location.pathname, spacePath)),
              }
            : navigationLink(entry, location.pathname, spacePath),
        )}
      />
      <main id="contenu" role="main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer
        accessibility="partially compliant"
        contentDescription="Le Pass numérique finance des ateliers pour apprendre à utiliser le numérique. Service de l'Agence nationale de la cohésion des territoires."
        bottomItems={[headerFooterDisplayItem]}
        homeLinkProps={{ to: homePath, title: 'Accueil — Pass numérique' }}
      />
      <Display />
    </>
  );
}
