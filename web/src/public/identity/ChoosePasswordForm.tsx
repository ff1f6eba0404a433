import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../session/SessionContext';
import { landingPath, type SessionActor } from '../../session/spaces';

/** The server's rule (ResetPasswordDto, AcceptInvitationDto), said before sending. */
const MINIMUM_LENGTH = 12;

/** The token of an e-mail link (`…#token=…`: in the fragment, never sent to a server), read once and taken out of the address bar. */
function useLinkToken(): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token'));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
  }, []);
  return token;
}

export type ChooseOutcome = { actor: SessionActor } | { error: string };

/**
 * The page an e-mail link opens to choose a password (invitation, reset): the password twice, then the
 * person is signed in and lands in their space.
 */
export function ChoosePasswordForm(props: {
  title: string;
  intro: ReactNode;
  missingToken: NonNullable<ReactNode>;
  submitLabel: string;
  choose: (token: string, password: string) => Promise<ChooseOutcome>;
}) {
  const token = useLinkToken();
  const { setActor } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    if (password.length < MINIMUM_LENGTH) return setError(`Le mot de passe doit compter au moins ${MINIMUM_LENGTH} caractères.`);
    if (password !== confirmation) return setError('Les deux mots de passe ne sont pas identiques.');
    setSubmitting(true);
    setError(null);
    const outcome = await props.choose(token, password);
    setSubmitting(false);
    if ('error' in outcome) return setError(outcome.error);
    setActor(outcome.actor);
    void navigate(landingPath(outcome.actor, null), { replace: true });
  };

  return (
    <div className="fr-container fr-my-md-14v fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{props.title}</h1>
          {!token ? (
            <Alert severity="error" title="Lien incomplet" description={props.missingToken} />
          ) : (
            <>
              {props.intro}
              <form onSubmit={submit}>
                <fieldset className="fr-fieldset" aria-labelledby="choose-password-legend">
                  <legend className="fr-fieldset__legend" id="choose-password-legend">
                    Votre mot de passe
                  </legend>
                  {error && (
                    <div className="fr-fieldset__element" ref={errorRef} tabIndex={-1} role="alert">
                      <Alert severity="error" small description={error} />
                    </div>
                  )}
                  <div className="fr-fieldset__element">
                    <PasswordInput
                      label="Nouveau mot de passe"
                      messages={[
                        { message: `${MINIMUM_LENGTH} caractères minimum`, severity: password.length >= MINIMUM_LENGTH ? 'valid' : 'info' },
                      ]}
                      messagesHint="Votre mot de passe doit contenir :"
                      nativeInputProps={{
                        name: 'new-password',
                        autoComplete: 'new-password',
                        required: true,
                        minLength: MINIMUM_LENGTH,
                        value: password,
                        onChange: (event) => setPassword(event.target.value),
                      }}
                    />
                  </div>
                  <div className="fr-fieldset__element">
                    <PasswordInput
                      label="Confirmer le mot de passe"
                      messagesHint=""
                      nativeInputProps={{
                        name: 'confirm-password',
                        autoComplete: 'new-password',
                        required: true,
                        value: confirmation,
                        onChange: (event) => setConfirmation(event.target.value),
                      }}
                    />
                  </div>
                  <div className="fr-fieldset__element">
                    <Button type="submit" disabled={submitting}>
                      {props.submitLabel}
                    </Button>
                  </div>
                </fieldset>
              </form>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
