import { Link } from 'react-router';
import { WEB_PATHS } from '../../../../src/web/web-paths';
import { api, errorMessage } from '../../api/client';
import { usePageTitle } from '../../layout/usePageTitle';
import { ChoosePasswordForm } from './ChoosePasswordForm';

/** "Choisir un nouveau mot de passe": the page of the reset e-mail's link. */
export function NewPasswordPage() {
  usePageTitle('Choisir un nouveau mot de passe');
  return (
    <ChoosePasswordForm
      title="Choisir un nouveau mot de passe"
      intro={<p>Ce lien ne sert qu’une fois. Vos autres sessions ouvertes seront fermées.</p>}
      missingToken={
        <>
          Ouvrez le lien complet reçu par e-mail, ou <Link to={WEB_PATHS.forgottenPassword}>demandez un nouveau lien</Link>.
        </>
      }
      submitLabel="Enregistrer et me connecter"
      choose={async (token, password) => {
        const { data, error } = await api
          .POST('/api/v1/auth/session/password-reset', { body: { token, password } })
          .catch(() => ({ data: undefined, error: undefined }));
        return data
          ? { actor: data }
          : { error: errorMessage(error, 'Le mot de passe n’a pas pu être enregistré. Réessayez dans un instant.') };
      }}
    />
  );
}
