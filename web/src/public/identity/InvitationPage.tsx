import { api, errorMessage } from '../../api/client';
import { usePageTitle } from '../../layout/usePageTitle';
import { ChoosePasswordForm } from './ChoosePasswordForm';

/** The invitation e-mail's link: the invited person chooses a password and enters their space. */
export function InvitationPage() {
  usePageTitle('Activer votre compte');
  return (
    <ChoosePasswordForm
      title="Activer votre compte"
      intro={<p>Vous avez été invité sur le Pass numérique. Choisissez votre mot de passe pour activer votre compte.</p>}
      missingToken="Ouvrez le lien complet reçu par e-mail. S’il a expiré, demandez une nouvelle invitation à l’administrateur de votre structure."
      submitLabel="Activer mon compte"
      choose={async (token, password) => {
        const { data, error } = await api
          .POST('/api/v1/auth/session/invitation', { body: { token, password } })
          .catch(() => ({ data: undefined, error: undefined }));
        return data ? { actor: data } : { error: errorMessage(error, 'Le compte n’a pas pu être activé. Réessayez dans un instant.') };
      }}
    />
  );
}
