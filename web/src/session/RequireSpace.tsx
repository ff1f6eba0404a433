import { Navigate, Outlet, useLocation } from 'react-router';
import { LOGIN_PATH, RETURN_PARAMETER } from '../api/client';
import { useSession } from './SessionContext';
import { SPACES, type Role } from './spaces';
import { Loading } from '../layout/Loading';

/**
 * Guards a role's space: nobody logged in → the login page, which brings them back here (unless they just
 * logged out); someone of another role → their own space (they never see this one's menus or pages).
 */
export function RequireSpace({ role }: { role: Role }) {
  const { actor, loggedOut } = useSession();
  const location = useLocation();
  if (actor === undefined) return <Loading />;
  // Logged out here: the login page as the header's button shows it (one navigation, not two that race).
  if (actor === null && loggedOut) return <Navigate to={LOGIN_PATH} replace />;
  if (actor === null) {
    const here = `${location.pathname}${location.search}`;
    return <Navigate to={`${LOGIN_PATH}?${RETURN_PARAMETER}=${encodeURIComponent(here)}`} replace />;
  }
  if (actor.role !== role) return <Navigate to={actor.role ? SPACES[actor.role].path : '/'} replace />;
  return <Outlet />;
}
