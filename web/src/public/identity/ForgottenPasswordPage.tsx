import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { WEB_PATHS } from '../../../../src/web/web-paths';
import { api, errorMessage } from '../../api/client';
import { usePageTitle } from '../../layout/usePageTitle';

/** "Mot de passe oublié": asks for a link by e-mail. The answer is the same whether the address has an account or not. */
export function ForgottenPasswordPage() {
  usePageTitle('Mot de passe oublié');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    const { data, error: failure } = await api
      .POST('/api/v1/auth/password-reset-requests', { body: { email } })
      .catch(() => ({ data: undefined, error: undefined }));
    setSubmitting(false);
    if (data) setSent(data.message);
    else setError(errorMessage(failure, 'La demande n’a pas pu être envoyée. Vérifiez l’adresse et votre réseau, puis réessayez.'));
  };

  return (
    <div className="fr-container fr-my-md-14v fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Mot de passe oublié</h1>
          <p>Indiquez l’adresse e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe.</p>
          <div role="status" aria-live="polite">
            {sent && <Alert severity="success" title="Demande envoyée" description={`${sent} Pensez à regarder dans vos indésirables.`} />}
          </div>
          <div role="alert">{error && <Alert severity="error" small description={error} />}</div>
          {!sent && (
            <form onSubmit={submit} className="fr-mt-2w">
              <Input
                label="Adresse e-mail"
                hintText="Format attendu : nom@domaine.fr"
                nativeInputProps={{
                  type: 'email',
                  name: 'email',
                  autoComplete: 'email',
                  required: true,
                  value: email,
                  onChange: (event) => setEmail(event.target.value),
                }}
              />
              <Button type="submit" disabled={submitting}>
                Recevoir un lien
              </Button>
            </form>
          )}
          <p className="fr-mt-4w">
            <Link className="fr-link" to={WEB_PATHS.login}>
              Revenir à la connexion
            </Link>
          </p>
        </div>
      </div>
    </div>
  );
}
