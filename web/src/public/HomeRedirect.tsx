import { Navigate } from 'react-router';
import { LOGIN_PATH } from '../api/client';
import { Loading } from '../layout/Loading';
import { useSession } from '../session/SessionContext';
import { spaceOf } from '../session/spaces';

/** `/`: a logged-in person goes to their space, anybody else to the login page. */
export function HomeRedirect() {
  const { actor } = useSession();
  if (actor === undefined) return <Loading />;
  return <Navigate to={spaceOf(actor)?.path ?? LOGIN_PATH} replace />;
}
