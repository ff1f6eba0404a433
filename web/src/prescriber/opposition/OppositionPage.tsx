import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useState } from 'react';
import { CARNET_NUMBER_PATTERN } from '../../../../src/modules/carnets/carnet-number.rules';
import { VOUCHER_SERIAL_PATTERN } from '../../../../src/modules/oppositions/serial.rules';
import { OPPOSITION_REASON_LABELS, type OppositionReason } from '../../../../src/modules/oppositions/opposition-reason';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { CARNET_STATUS_LABELS, frenchDate, label } from '../../layout/labels';
import { usePageTitle } from '../../layout/usePageTitle';
import { CarnetPicker, type HeldCarnet } from '../components/CarnetPicker';
import { printableCarnetUrl } from '../components/carnet-pdf';

type Issuance = components['schemas']['CarnetIssuanceDto'];
type Found = { kind: 'handed_out'; issuance: Issuance } | { kind: 'held'; carnet: HeldCarnet };

/** A structure declares what happened to the carnet or chèque; "blocked" is the funder's own decision. */
const PRESCRIBER_REASONS: OppositionReason[] = ['lost', 'stolen', 'damaged', 'not_received', 'fraud_suspected'];
const OPPOSABLE = ['allocated', 'issued'];

function ReasonSelect({ value, onChange, id }: { value: OppositionReason | ''; onChange: (reason: OppositionReason) => void; id: string }) {
  return (
    <Select
      label="Motif de l’opposition"
      nativeSelectProps={{ id, value, onChange: (event) => onChange(event.target.value as OppositionReason) }}
    >
      <option value="" disabled>
        Choisissez le motif
      </option>
      {PRESCRIBER_REASONS.map((reason) => (
        <option key={reason} value={reason}>
          {OPPOSITION_REASON_LABELS[reason]}
        </option>
      ))}
    </Select>
  );
}

/**
 * A lost or stolen carnet (or a single chèque) is put in opposition: its unused chèques are cancelled for
 * good and venues refuse them. The person then gets a replacement carnet from the stock, printed at once.
 */
export function OppositionPage() {
  usePageTitle('Opposition et remplacement');
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [lookupMessage, setLookupMessage] = useState<string | null>(null);
  const [reason, setReason] = useState<OppositionReason | ''>('');
  const [opposed, setOpposed] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [replacement, setReplacement] = useState<HeldCarnet | null>(null);
  const [replaced, setReplaced] = useState<{ carnetId: string; carnetNumber: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function lookUp(carnetNumber: string): Promise<void> {
    const issued = await api.GET('/api/v1/carnet-issuances', { params: { query: { carnetNumber } } });
    const issuance = issued.data?.items[0];
    if (issuance) return setFound({ kind: 'handed_out', issuance });
    const held = await api.GET('/api/v1/carnets', { params: { query: { number: carnetNumber } } });
    const carnet = held.data?.items[0];
    if (carnet) return setFound({ kind: 'held', carnet });
    setFound(null);
    setLookupMessage('Aucun carnet de votre structure ne porte ce numéro.');
  }

  async function search(event: FormEvent) {
    event.preventDefault();
    setFound(null);
    setOpposed(null);
    setReplaced(null);
    setFailure(null);
    setLookupMessage(null);
    const carnetNumber = number.trim();
    if (!CARNET_NUMBER_PATTERN.test(carnetNumber))
      return setLookupMessage('Un numéro de carnet s’écrit comme 2026-0042-000123 (il est imprimé sur la couverture).');
    await lookUp(carnetNumber);
  }

  const current = found
    ? found.kind === 'handed_out'
      ? { id: found.issuance.carnetId, number: found.issuance.carnetNumber, status: found.issuance.carnetStatus }
      : found.carnet
    : null;

  async function oppose() {
    if (!current || !reason) return setFailure('Choisissez le motif de l’opposition.');
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api.POST('/api/v1/carnets/{id}/opposition', { params: { path: { id: current.id } }, body: { reason } });
      if (!answer.data)
        return setFailure('L’opposition n’a pas pu être enregistrée : le carnet a peut-être changé d’état. Recherchez-le à nouveau.');
      setOpposed(
        `Carnet ${answer.data.carnetNumber} mis en opposition le ${frenchDate(answer.data.cancelledAt)} : ${answer.data.cancelledVouchers} chèque${answer.data.cancelledVouchers > 1 ? 's' : ''} annulé${answer.data.cancelledVouchers > 1 ? 's' : ''}, que plus aucun lieu n’acceptera.`,
      );
      await lookUp(current.number);
    } finally {
      setBusy(false);
    }
  }

  async function replace() {
    if (found?.kind !== 'handed_out' || !replacement) return setFailure('Choisissez le carnet de remplacement.');
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api.POST('/api/v1/carnets/{id}/replacement', {
        params: { path: { id: found.issuance.carnetId } },
        body: { replacementCarnetId: replacement.id },
      });
      if (!answer.data)
        return setFailure('Le remplacement n’a pas pu être fait : choisissez un autre carnet, ou recherchez à nouveau le carnet perdu.');
      setReplaced({ carnetId: answer.data.carnetId, carnetNumber: answer.data.carnetNumber });
      await lookUp(found.issuance.carnetNumber);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="fr-container fr-my-6w">
      <h1>Opposition et remplacement</h1>
      <section aria-labelledby="carnet-opposition" className="fr-mb-6w">
        <h2 id="carnet-opposition">Carnet perdu, volé ou abîmé</h2>
        <form onSubmit={search} noValidate className="fr-mb-3w">
          <Input
            label="Numéro du carnet"
            hintText="Imprimé sur la couverture, par exemple 2026-0042-000123. Il figure aussi dans la page Stock."
            state={lookupMessage ? 'error' : 'default'}
            stateRelatedMessage={lookupMessage ?? undefined}
            nativeInputProps={{ value: number, autoComplete: 'off', spellCheck: false, onChange: (event) => setNumber(event.target.value) }}
          />
          <button type="submit" className="fr-btn fr-btn--secondary">
            Rechercher le carnet
          </button>
        </form>
        <div role="status">
          {opposed && <Alert className="fr-mb-2w" severity="success" small description={opposed} />}
          {replaced && (
            <Alert
              className="fr-mb-2w"
              severity="success"
              title={`Carnet de remplacement ${replaced.carnetNumber} remis`}
              description="Imprimez-le maintenant et remettez-le à la personne."
            />
          )}
          {failure && <Alert className="fr-mb-2w" severity="error" small description={failure} />}
        </div>
        {replaced && (
          <a
            className="fr-btn fr-icon-printer-line fr-btn--icon-left fr-mb-3w"
            href={printableCarnetUrl(replaced.carnetId)}
            target="_blank"
            rel="noopener"
          >
            Imprimer le carnet {replaced.carnetNumber} (PDF, nouvelle fenêtre)
          </a>
        )}
        {found && current && (
          <div className="fr-callout fr-mb-3w">
            <h3 className="fr-callout__title">Carnet {current.number}</h3>
            {found.kind === 'handed_out' ? (
              <p className="fr-callout__text">
                Remis le {frenchDate(found.issuance.issuedAt)} à{' '}
                {found.issuance.beneficiaryFirstName ?? 'une personne dont les données sont effacées'}. État :{' '}
                {label(CARNET_STATUS_LABELS, found.issuance.carnetStatus)}. Chèques : {found.issuance.vouchers.used} utilisé(s),{' '}
                {found.issuance.vouchers.unused} non utilisé(s), {found.issuance.vouchers.cancelled} annulé(s),{' '}
                {found.issuance.vouchers.expired} expiré(s).
                {found.issuance.replacedByCarnetNumber && ` Remplacé par le carnet ${found.issuance.replacedByCarnetNumber}.`}
              </p>
            ) : (
              <p className="fr-callout__text">
                En stock dans votre structure, pas encore remis. État : {label(CARNET_STATUS_LABELS, found.carnet.status)}.
              </p>
            )}
          </div>
        )}
        {current && OPPOSABLE.includes(current.status) && (
          <div className="fr-mb-4w">
            <ReasonSelect id="carnet-opposition-reason" value={reason} onChange={setReason} />
            <p>Ses chèques non utilisés seront annulés définitivement : aucun lieu ne les acceptera plus.</p>
            <button type="button" className="fr-btn" disabled={busy} onClick={oppose}>
              Mettre le carnet {current.number} en opposition
            </button>
          </div>
        )}
        {found?.kind === 'handed_out' && found.issuance.carnetStatus === 'cancelled' && !found.issuance.replacedByCarnetId && (
          <div className="fr-mb-4w">
            <h3>Remplacer le carnet de {found.issuance.beneficiaryFirstName ?? 'la personne'}</h3>
            <p>Le carnet de remplacement est remis à la même personne, pour le même motif.</p>
            <CarnetPicker label="Carnet de remplacement" value={replacement} onChange={setReplacement} reloadKey={0} />
            <button type="button" className="fr-btn" disabled={busy || !replacement} onClick={replace}>
              Remettre le carnet de remplacement
            </button>
          </div>
        )}
      </section>
      <VoucherOpposition />
    </div>
  );
}

/** One chèque lost or stolen (the rest of the carnet stays usable), by the serial printed on it. */
function VoucherOpposition() {
  const [serial, setSerial] = useState('');
  const [reason, setReason] = useState<OppositionReason | ''>('');
  const [result, setResult] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  async function oppose(event: FormEvent) {
    event.preventDefault();
    const typed = serial.trim();
    if (!VOUCHER_SERIAL_PATTERN.test(typed))
      return setResult({
        severity: 'error',
        text: 'Le numéro d’un chèque s’écrit comme 2026-0042-000123-01 (il est imprimé sur le chèque).',
      });
    if (!reason) return setResult({ severity: 'error', text: 'Choisissez le motif de l’opposition.' });
    const answer = await api.POST('/api/v1/vouchers/{serial}/opposition', { params: { path: { serial: typed } }, body: { reason } });
    if (answer.data)
      setResult({ severity: 'success', text: `Chèque ${answer.data.serial} mis en opposition : aucun lieu ne l’acceptera plus.` });
    else if (answer.response.status === 404) setResult({ severity: 'error', text: 'Aucun chèque de votre structure ne porte ce numéro.' });
    else setResult({ severity: 'error', text: 'Ce chèque ne peut pas être mis en opposition : il est déjà utilisé, expiré ou annulé.' });
  }

  return (
    <section aria-labelledby="voucher-opposition">
      <h2 id="voucher-opposition">Un seul chèque perdu ou volé</h2>
      <form onSubmit={oppose} noValidate>
        <Input
          label="Numéro du chèque"
          hintText="Imprimé sur le chèque, par exemple 2026-0042-000123-01."
          nativeInputProps={{ value: serial, autoComplete: 'off', spellCheck: false, onChange: (event) => setSerial(event.target.value) }}
        />
        <ReasonSelect id="voucher-opposition-reason" value={reason} onChange={setReason} />
        <button type="submit" className="fr-btn">
          Mettre le chèque en opposition
        </button>
      </form>
      <div role="status" className="fr-mt-2w">
        {result && <Alert severity={result.severity} small description={result.text} />}
      </div>
    </section>
  );
}
