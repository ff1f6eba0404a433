import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { api } from '../../api/client';

export interface PersonIdentity {
  fullName: string;
  birthDate: string;
}

type Verdict = { kind: 'none' } | { kind: 'holds'; count: number } | { kind: 'error'; text: string };

/**
 * Optional: whether the person already holds an active carnet, in this structure or another, asked before
 * handing one out. Name and birth date are turned into a pseudonym by the server at once; the answer is a
 * warning to talk about with the person, never a refusal.
 */
export function HolderCheck({ identity, onChange }: { identity: PersonIdentity; onChange: (identity: PersonIdentity) => void }) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);
  const complete = identity.fullName.trim().length >= 2 && /^\d{4}-\d{2}-\d{2}$/.test(identity.birthDate);

  async function check() {
    setChecking(true);
    try {
      const answer = await api.POST('/api/v1/carnets/holder-check', {
        body: { fullName: identity.fullName.trim(), birthDate: identity.birthDate },
      });
      if (answer.data) setVerdict(answer.data.activeCarnets > 0 ? { kind: 'holds', count: answer.data.activeCarnets } : { kind: 'none' });
      else setVerdict({ kind: 'error', text: 'Vérifiez le nom et la date de naissance (une date passée).' });
    } catch {
      setVerdict({ kind: 'error', text: 'La vérification n’a pas pu être faite. Vous pouvez tout de même remettre le carnet.' });
    } finally {
      setChecking(false);
    }
  }

  const change = (next: PersonIdentity) => {
    setVerdict(null);
    onChange(next);
  };

  return (
    <fieldset className="fr-fieldset fr-mb-3w" aria-describedby="holder-check-hint">
      <legend className="fr-fieldset__legend">Vérification facultative : la personne a-t-elle déjà un carnet ?</legend>
      <p id="holder-check-hint" className="fr-hint-text fr-fieldset__element">
        Le nom et la date de naissance ne sont jamais enregistrés : seul un pseudonyme l’est, pour reconnaître la même personne plus tard.
      </p>
      <div className="fr-fieldset__element">
        <Input
          label="Nom et prénom"
          nativeInputProps={{
            value: identity.fullName,
            autoComplete: 'off',
            onChange: (event) => change({ ...identity, fullName: event.target.value }),
          }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Date de naissance"
          nativeInputProps={{
            type: 'date',
            value: identity.birthDate,
            max: new Date().toISOString().slice(0, 10),
            onChange: (event) => change({ ...identity, birthDate: event.target.value }),
          }}
        />
      </div>
      <div className="fr-fieldset__element">
        <button type="button" className="fr-btn fr-btn--secondary" disabled={!complete || checking} onClick={check}>
          {checking ? 'Vérification…' : 'Vérifier'}
        </button>
      </div>
      <div className="fr-fieldset__element" role="status">
        {verdict?.kind === 'none' && <Alert severity="info" small description="Cette personne n’a aucun carnet en cours." />}
        {verdict?.kind === 'holds' && (
          <Alert
            severity="warning"
            title={`Cette personne a déjà ${verdict.count} carnet${verdict.count > 1 ? 's' : ''} en cours`}
            description="Vous pouvez tout de même lui en remettre un : parlez-en avec elle (carnet perdu, besoin d’autres ateliers…)."
          />
        )}
        {verdict?.kind === 'error' && <Alert severity="error" small description={verdict.text} />}
      </div>
    </fieldset>
  );
}
