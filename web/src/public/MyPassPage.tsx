import { Button } from '@codegouvfr/react-dsfr/Button';
import { Link } from 'react-router';
import { usePageTitle } from '../layout/usePageTitle';

/**
 * « Mon Pass numérique », for beneficiaries and the people who help them: what the carnet is, how and
 * where to use it, until when, what to do if it is lost. Short sentences, large type, printable. It shows
 * no personal data and looks nothing up by code.
 */
export function MyPassPage() {
  usePageTitle('Mon Pass numérique');
  return (
    <div className="fr-container fr-my-6w fr-text--lg">
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>Mon Pass numérique</h1>
          <p className="fr-text--lead">Le Pass numérique vous aide à apprendre le numérique, gratuitement.</p>

          <h2>Qu’est-ce que c’est ?</h2>
          <p className="fr-text--lg">C’est un carnet de chèques.</p>
          <p className="fr-text--lg">Chaque chèque vaut 10 €.</p>
          <p className="fr-text--lg">
            Avec ces chèques, vous payez des ateliers pour apprendre à utiliser un ordinateur, un téléphone ou internet.
          </p>
          <p className="fr-text--lg">Vous ne payez rien : le chèque paie pour vous.</p>

          <h2>Comment l’utiliser ?</h2>
          <ol>
            <li>Choisissez un lieu qui accepte le Pass numérique.</li>
            <li>Appelez le lieu ou allez-y pendant ses horaires d’ouverture.</li>
            <li>Apportez votre carnet. Ne détachez pas les chèques vous-même.</li>
            <li>Le lieu prend le nombre de chèques qu’il faut pour l’atelier. Souvent 1 chèque pour 2 heures.</li>
          </ol>

          <h2>Où ?</h2>
          <p className="fr-text--lg">
            Dans les lieux qui acceptent le Pass numérique : médiathèques, espaces numériques, associations, France services…
          </p>
          <p className="fr-text--lg">
            <Link className="fr-btn fr-btn--lg fr-icon-search-line fr-btn--icon-left" to="/trouver-un-lieu">
              Trouver un lieu près de chez moi
            </Link>
          </p>

          <h2>Jusqu’à quand ?</h2>
          <p className="fr-text--lg">La date de validité est écrite sur votre carnet et sur chaque chèque.</p>
          <p className="fr-text--lg">Après cette date, les chèques ne marchent plus. Utilisez-les avant.</p>

          <h2>J’ai perdu mon carnet</h2>
          <p className="fr-text--lg">
            Prévenez vite la structure qui vous a donné le carnet (par exemple le CCAS, la mairie ou France services).
          </p>
          <p className="fr-text--lg">
            Elle peut bloquer les chèques perdus, pour que personne ne les utilise. Elle peut aussi vous donner un nouveau carnet.
          </p>

          <h2>Vous aidez une personne ?</h2>
          <p className="fr-text--lg">Vous pouvez imprimer cette page et la lui donner.</p>
          <p className="fr-text--lg">Aidez-la à choisir un lieu près de chez elle et à appeler le lieu.</p>
          <p className="fr-text--lg">Ce site ne demande aucune information sur la personne.</p>

          <Button type="button" priority="secondary" iconId="fr-icon-printer-line" onClick={() => window.print()} className="fr-mt-2w">
            Imprimer cette page
          </Button>
        </div>
      </div>
    </div>
  );
}
