import { Display, headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LOGIN_PATH } from '../api/client';
import { useSession } from '../session/SessionContext';
import { menuOf, spaceOf } from '../session/spaces';

const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
);

/** Header (with the role's own menu), main content, footer, and the display settings (light/dark). */
export function AppLayout() {
  const { actor, logout } = useSession();
  const space = spaceOf(actor ?? null);
  const location = useLocation();
  const navigate = useNavigate();
  const homePath = space?.path ?? '/';

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
        brandTop={BRAND_TOP}
        serviceTitle="Pass numérique"
        serviceTagline={space ? space.title : 'Chèques pour se former au numérique'}
        homeLinkProps={{ to: homePath, title: 'Accueil — Pass numérique' }}
        quickAccessItems={quickAccessItems}
        navigation={menuOf(actor ?? null).map((item) => ({
          text: item.label,
          linkProps: item.external ? { to: item.path, reloadDocument: true } : { to: item.path },
          isActive:
            !item.external &&
            (location.pathname === item.path || (item.path !== space?.path && location.pathname.startsWith(`${item.path}/`))),
        }))}
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
