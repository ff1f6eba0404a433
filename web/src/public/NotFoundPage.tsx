import { Link } from 'react-router';
import { usePageTitle } from '../layout/usePageTitle';
import { useSession } from '../session/SessionContext';
import { spaceOf } from '../session/spaces';

export function NotFoundPage() {
  usePageTitle('Page non trouvée');
  const { actor } = useSession();
  const home = spaceOf(actor ?? null)?.path ?? '/connexion';
  return (
    <div className="fr-container fr-my-6w">
      <h1>Page non trouvée</h1>
      <p>La page que vous cherchez n'existe pas ou a été déplacée.</p>
      <Link className="fr-link" to={home}>
        Revenir à l'accueil
      </Link>
    </div>
  );
}
