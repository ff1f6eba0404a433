import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { formatIban, type IbanRejection, validateIban } from '../../../../src/modules/reimbursements/iban.rules';
import { api } from '../../api/client';
import { usePageTitle } from '../../layout/usePageTitle';
import { useApiData } from '../../layout/useApiData';
import { useActor } from '../../session/SessionContext';

interface BankAccountView {
  iban: string;
  bic: string | null;
  holderName: string;
  updatedAt: string;
}

const IBAN_PROBLEMS: Record<IbanRejection, string> = {
  FORMAT: 'Un IBAN ne contient que des lettres et des chiffres, et commence par le code du pays (FR…).',
  COUNTRY: 'Ce pays ne fait pas partie de la zone SEPA : nous ne pouvons pas y verser les remboursements.',
  LENGTH: 'Ce numéro n’a pas la longueur d’un IBAN de ce pays : vérifiez qu’il est complet.',
  CHECKSUM: 'Cet IBAN contient une erreur de frappe : relisez-le sur votre RIB.',
};

/** The IBAN as typed, judged by the server's own rule (iban.rules.ts); null while it is too short to say. */
function ibanProblem(typed: string): string | null {
  const compact = typed.replace(/\s/g, '');
  if (compact.length < 15) return null;
  const judged = validateIban(typed);
  return judged.ok ? null : IBAN_PROBLEMS[judged.reason];
}

/**
 * Where the venue is reimbursed. The IBAN is checked as it is typed, with the rule the server applies;
 * once saved, the server only ever gives it back masked. Only the venue's administrator may change it.
 */
export function BankDetailsPage() {
  usePageTitle('Coordonnées bancaires');
  const actor = useActor();
  const venueId = actor.organisationId ?? '';
  const [reload, setReload] = useState(0);
  const account = useApiData(async () => {
    const answer = await api.GET('/api/v1/venues/{venueId}/bank-account', { params: { path: { venueId } } });
    if (answer.response.status === 404) return null;
    if (!answer.response.ok) throw new Error(`HTTP ${answer.response.status}`);
    return answer.data as unknown as BankAccountView;
  }, [venueId, reload]);
  const [iban, setIban] = useState('');
  const [holderName, setHolderName] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const problem =
    ibanProblem(iban) ?? (submitted && !validateIban(iban).ok ? 'Saisissez l’IBAN complet, tel qu’il figure sur votre RIB.' : null);
  const holderProblem = submitted && holderName.trim().length === 0 ? 'Saisissez le nom du titulaire du compte.' : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!validateIban(iban).ok || holderName.trim().length === 0) return;
    try {
      const answer = await api.PUT('/api/v1/venues/{venueId}/bank-account', {
        params: { path: { venueId } },
        body: { iban, holderName: holderName.trim() },
      });
      if (answer.response.ok) {
        setNotice({ severity: 'success', text: 'Vos coordonnées bancaires sont enregistrées.' });
        setIban('');
        setHolderName('');
        setSubmitted(false);
        setReload((count) => count + 1);
      } else if (answer.response.status === 403) {
        setNotice({ severity: 'error', text: 'Seul l’administrateur du lieu peut changer ses coordonnées bancaires.' });
      } else {
        setNotice({ severity: 'error', text: 'Les coordonnées n’ont pas pu être enregistrées : vérifiez l’IBAN et réessayez.' });
      }
    } catch {
      setNotice({ severity: 'error', text: 'La connexion a échoué : rien n’a été enregistré. Réessayez.' });
    }
  }

  return (
    <div className="fr-container fr-my-6w">
      <h1>Coordonnées bancaires</h1>
      <p>Le compte sur lequel nous versons les remboursements de vos chèques.</p>
      {account.status === 'loading' && <p role="status">Chargement…</p>}
      {account.status === 'error' && (
        <Alert severity="error" small description="Les informations n'ont pas pu être chargées. Rechargez la page." />
      )}
      {account.status === 'ready' &&
        (account.data ? (
          <div className="fr-callout fr-mb-4w">
            <h2 className="fr-callout__title">Compte enregistré</h2>
            <p className="fr-callout__text">
              IBAN : <span className="fr-text--bold">{account.data.iban}</span>
              <br />
              Titulaire : {account.data.holderName}
            </p>
          </div>
        ) : (
          <p className="fr-mb-4w">Aucun compte enregistré pour l’instant : vos remboursements ne peuvent pas être versés.</p>
        ))}
      {notice && <Alert className="fr-mb-2w" severity={notice.severity} small description={notice.text} />}
      <form onSubmit={save} noValidate aria-labelledby="bank-form">
        <h2 id="bank-form">{account.status === 'ready' && account.data ? 'Changer de compte' : 'Enregistrer un compte'}</h2>
        <Input
          label="IBAN"
          hintText="Tel qu’il figure sur votre RIB, par exemple FR76 3000 6000 0112 3456 7890 189."
          state={problem ? 'error' : iban && validateIban(iban).ok ? 'success' : 'default'}
          stateRelatedMessage={problem ?? (iban && validateIban(iban).ok ? 'IBAN valide.' : undefined)}
          nativeInputProps={{
            value: iban,
            autoComplete: 'off',
            spellCheck: false,
            onChange: (event) => setIban(formatIban(event.target.value)),
          }}
        />
        <Input
          label="Titulaire du compte"
          state={holderProblem ? 'error' : 'default'}
          stateRelatedMessage={holderProblem ?? undefined}
          nativeInputProps={{ value: holderName, autoComplete: 'organization', onChange: (event) => setHolderName(event.target.value) }}
        />
        <button type="submit" className="fr-btn">
          Enregistrer
        </button>
      </form>
    </div>
  );
}
