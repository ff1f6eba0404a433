import { Navigate, Outlet, useLocation } from 'react-router';
import { LOGIN_PATH, RETURN_PARAMETER } from '../api/client';
import { useSession } from './SessionContext';
import { SPACES, type Role } from './spaces';
import { Loading } from '../layout/Loading';

/**
 * Guards a role's space: nobody logged in → the login page, which brings them back here; someone of
 * another role → their own space (they never see this one's menus or pages).
 */
export function RequireSpace({ role }: { role: Role }) {
  const { actor } = useSession();
  const location = useLocation();
  if (actor === undefined) return <Loading />;
  if (actor === null) {
    const here = `${location.pathname}${location.search}`;
    return <Navigate to={`${LOGIN_PATH}?${RETURN_PARAMETER}=${encodeURIComponent(here)}`} replace />;
  }
  if (actor.role !== role) return <Navigate to={actor.role ? SPACES[actor.role].path : '/'} replace />;
  return <Outlet />;
}
