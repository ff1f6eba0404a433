import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isRefusalReason, REFUSAL_MESSAGES } from '../../../src/auth/proconnect/proconnect.rules';
import { PROCONNECT_REFUSAL_PARAMETER, WEB_PATHS } from '../../../src/web/web-paths';
import { api, errorMessage, RETURN_PARAMETER } from '../api/client';
import { Loading } from '../layout/Loading';
import { useApiData } from '../layout/useApiData';
import { useSession } from '../session/SessionContext';
import { landingPath } from '../session/spaces';
import { usePageTitle } from '../layout/usePageTitle';

/**
 * E-mail and password, or ProConnect when the platform offers it; back to the page asked for (the return
 * path), else to the role's own space. A ProConnect sign-in comes back here (signed in, or with the reason
 * of a refusal).
 */
export function LoginPage() {
  usePageTitle('Connexion');
  const { actor, setActor } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const requested = searchParams.get(RETURN_PARAMETER);
  const refusal = searchParams.get(PROCONNECT_REFUSAL_PARAMETER);
  const proconnect = useApiData(async () => (await api.GET('/api/v1/auth/proconnect')).data?.enabled === true, []);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(isRefusalReason(refusal) ? REFUSAL_MESSAGES[refusal] : null);
  const [submitting, setSubmitting] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
    // The session look-up first shows <Loading />: a refusal from ProConnect is focused once the form is there.
  }, [error, actor]);

  if (actor === undefined) return <Loading />;
  if (actor) return <Navigate to={landingPath(actor, requested)} replace />;
  const proconnectUrl = `/api/v1/auth/proconnect/login${requested ? `?${new URLSearchParams({ [RETURN_PARAMETER]: requested })}` : ''}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    const { data, error: failure } = await api
      .POST('/api/v1/auth/session', { body: { email, password } })
      .catch(() => ({ data: undefined, error: undefined }));
    setSubmitting(false);
    if (!data) {
      setError(errorMessage(failure, 'Connexion impossible pour le moment. Vérifiez votre réseau et réessayez.'));
      return;
    }
    setActor(data);
    void navigate(landingPath(data, requested), { replace: true });
  };

  return (
    <div className="fr-container fr-my-md-14v fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Connexion au Pass numérique</h1>
          {requested && !error && <p>Votre session a pris fin. Connectez-vous pour reprendre où vous en étiez.</p>}
          {proconnect.status === 'ready' && proconnect.data && (
            <section aria-labelledby="proconnect-title" className="fr-mb-4w">
              <h2 id="proconnect-title" className="fr-h5">
                Avec ProConnect
              </h2>
              <p className="fr-text--sm">L’identité des professionnels, avec l’adresse de votre structure.</p>
              <ProConnectButton url={proconnectUrl} />
              <p className="fr-hr-or">ou</p>
            </section>
          )}
          <form onSubmit={submit} noValidate={false}>
            <fieldset className="fr-fieldset" aria-labelledby="login-legend">
              <legend className="fr-fieldset__legend" id="login-legend">
                Vos identifiants
              </legend>
              {error && (
                <div className="fr-fieldset__element" ref={errorRef} tabIndex={-1}>
                  <Alert severity="error" small description={error} />
                </div>
              )}
              <div className="fr-fieldset__element">
                <Input
                  label="Adresse e-mail"
                  hintText="Format attendu : nom@domaine.fr"
                  nativeInputProps={{
                    type: 'email',
                    name: 'email',
                    autoComplete: 'username',
                    required: true,
                    value: email,
                    onChange: (event) => setEmail(event.target.value),
                  }}
                />
              </div>
              <div className="fr-fieldset__element">
                <PasswordInput
                  label="Mot de passe"
                  messagesHint=""
                  nativeInputProps={{
                    name: 'password',
                    autoComplete: 'current-password',
                    required: true,
                    value: password,
                    onChange: (event) => setPassword(event.target.value),
                  }}
                />
                <p className="fr-mt-1w fr-mb-0">
                  <Link className="fr-link" to={WEB_PATHS.forgottenPassword}>
                    Mot de passe oublié ?
                  </Link>
                </p>
              </div>
              <div className="fr-fieldset__element">
                <Button type="submit" disabled={submitting}>
                  Se connecter
                </Button>
              </div>
            </fieldset>
          </form>
          <p className="fr-mt-4w fr-text--sm">Pas encore de compte ? Votre administrateur vous envoie une invitation par e-mail.</p>
        </div>
      </div>
    </div>
  );
}
