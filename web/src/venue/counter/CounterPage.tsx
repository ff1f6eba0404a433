import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { DataStatus } from '../../layout/DataStatus';
import { undocumentedDataOf, useApiData } from '../../layout/useApiData';
import { usePageTitle } from '../../layout/usePageTitle';
import { OfflineCounter, OfflineSyncReport } from '../offline/OfflineCounter';
import { withOfflineCopy } from '../offline/offline-copy';
import { reachApi } from '../offline/network-monitor';
import { type CarriedCheque, type Handover, useOfflineCounter } from '../offline/useOfflineCounter';
import { useActor } from '../../session/SessionContext';
import { type BasketEntry, type ChequeInput, addToBasket, basketEntryOf, basketProblem, removeFromBasket } from './basket';
import { CameraScanner } from './camera/CameraScanner';
import type { ScanOutcome } from './camera/scan-feedback';
import { groupTypedCode, judgeTypedCode, typedCodeMessage } from './typed-code';
import { ACCEPTED, type AlreadyRedeemed, type Verdict, verdictOf } from './verdicts';
import { VerdictCard } from './VerdictCard';

interface CounterVenue {
  id: string;
  name: string;
  qualificationStatus: string | null;
  services: { id: string; label: string; maxVouchers: number; active: boolean }[];
}

interface CheckAnswer {
  serial: string;
  valueCents: number;
  redeemable: boolean;
  /** The one refusal shape of check and redeem (VoucherRefusalDto). */
  refusal: Refusal | null;
}

interface Refusal {
  code: string;
  message: string;
  alreadyRedeemed?: AlreadyRedeemed;
}

interface ErrorAnswer {
  code?: string;
  details?: {
    items?: { index: number; outcome: 'ok' | 'refused'; serial: string | null; refusal: Refusal | null }[];
    maxVouchers?: number;
  };
}

export interface ShownVerdict extends Verdict {
  /** What the agent recognises the chèque by: its serial once known, else the code typed. */
  label: string;
}

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

export function euros(cents: number): string {
  return EUROS.format(cents / 100);
}

/**
 * The counter: chèques scanned with the camera, or typed (or read by a barcode scanner that types and
 * presses Enter) go into a basket, each checked as it comes; the agent picks the service and confirms, and the whole basket is
 * redeemed at once or not at all. The basket carries its own Idempotency-Key: a retry after a network
 * failure replays the first answer instead of redeeming twice. When the API does not answer a check or a
 * redemption (network error, deadline, "unavailable"), the counter goes offline and hands it the chèques it
 * was handling.
 */
export function CounterPage() {
  usePageTitle('Encaisser des chèques');
  const actor = useActor();
  const venue = useApiData(
    // Kept on the device: without network, the counter opens with the venue's services as last seen.
    () =>
      withOfflineCopy(`venue:${actor.organisationId}`, async (signal) =>
        undocumentedDataOf<CounterVenue>(
          await api.GET('/api/v1/venues/{id}', { params: { path: { id: actor.organisationId ?? '' } }, signal }),
        ),
      ),
    [actor.organisationId],
  );
  return (
    <div className="fr-container fr-my-6w">
      <h1>Encaisser des chèques</h1>
      <DataStatus state={venue}>{(data) => <Counter venue={data} />}</DataStatus>
    </div>
  );
}

function Counter({ venue }: { venue: CounterVenue }) {
  const services = venue.services.filter((service) => service.active);
  const [typed, setTyped] = useState('');
  const [fieldMessage, setFieldMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [basket, setBasket] = useState<BasketEntry[]>([]);
  const [onlyService, ...otherServices] = services;
  const [serviceId, setServiceId] = useState(onlyService && otherServices.length === 0 ? onlyService.id : '');
  const [basketKey, setBasketKey] = useState(() => crypto.randomUUID());
  const [verdicts, setVerdicts] = useState<ShownVerdict[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [redeeming, setRedeeming] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);
  const service = services.find((candidate) => candidate.id === serviceId) ?? null;
  const offline = useOfflineCounter(venue.id);
  const problem = basketProblem(basket, service);
  /** The chèques handed to the offline counter, until it has queued them. */
  const [handover, setHandover] = useState<Handover | null>(null);

  /**
   * The API did not answer: the offline counter takes the chèques in hand, queued as soon as it knows the
   * service. They leave the basket only once queued, so that if the API answers first, nothing is lost.
   */
  function handOver(cheques: CarriedCheque[], answerLostAt: string | null) {
    setFailure(null);
    setHandover({ cheques, serviceId, answerLostAt });
  }

  function handoverTaken(taken: Handover) {
    const queued = new Set(taken.cheques.filter((cheque) => cheque.checkedOnline).map((cheque) => cheque.label));
    setBasket((current) => current.filter((entry) => !queued.has(entry.serial)));
    setBasketKey(crypto.randomUUID());
    if (taken.cheques.some((cheque) => !cheque.checkedOnline && 'code' in cheque.input)) setTyped('');
    setHandover((current) => (current === taken ? null : current));
  }

  // Back online before the service was chosen: the chèques are still in the basket (and the field).
  useEffect(() => {
    if (offline.online) setHandover(null);
  }, [offline.online]);

  /** The basket's chèques, as handed over: checked online. */
  const basketCheques = (): CarriedCheque[] => basket.map((entry) => ({ input: entry.input, label: entry.serial, checkedOnline: true }));

  /** Any change to what would be sent is another operation: it gets its own key. */
  function changeBasket(next: BasketEntry[]) {
    setBasket(next);
    setBasketKey(crypto.randomUUID());
  }

  /**
   * Checks one chèque with the server, typed or scanned alike, and puts it in the basket when it may be
   * redeemed here; otherwise its verdict is shown. The same chèque is never in the basket twice.
   */
  async function checkCheque(input: ChequeInput, label: string): Promise<ScanOutcome> {
    const known = basketEntryOf(basket, input);
    if (known) return { kind: 'already_in_basket', serial: known.serial };
    setFailure(null);
    try {
      const reached = await reachApi(({ signal }) => api.POST('/api/v1/redemptions/check', { body: input, signal }));
      if (!reached.reached) {
        handOver([...basketCheques(), { input, label, checkedOnline: false }], null);
        return { kind: 'failed', message: 'Le réseau ne répond pas : le chèque est vérifié sur cet appareil.' };
      }
      const answer = reached.answer;
      if (answer.response.ok) {
        const checked = answer.data as unknown as CheckAnswer;
        if (!checked.redeemable) {
          const verdict = verdictOf(checked.refusal?.code ?? 'INVALID_CODE', checked.refusal?.alreadyRedeemed);
          setVerdicts([{ label: checked.serial, ...verdict }]);
          return { kind: 'refused', serial: checked.serial, title: verdict.title };
        }
        if (basket.some((entry) => entry.serial === checked.serial)) return { kind: 'already_in_basket', serial: checked.serial };
        changeBasket(addToBasket(basket, { input, serial: checked.serial, valueCents: checked.valueCents }));
        setVerdicts([]);
        return { kind: 'added', serial: checked.serial };
      }
      // 422: a refusal of the code itself; 400: a scanned text that cannot be a chèque's QR (too long).
      if (answer.response.status === 422 || (answer.response.status === 400 && 'qr' in input)) {
        const verdict = verdictOf(
          (answer.error as ErrorAnswer | undefined)?.code ?? ('qr' in input ? 'INVALID_SIGNATURE' : 'INVALID_CODE'),
        );
        setVerdicts([{ label, ...verdict }]);
        return { kind: 'refused', serial: null, title: verdict.title };
      }
      const message = 'Le chèque n’a pas pu être vérifié. Réessayez dans un instant.';
      setFailure(message);
      return { kind: 'failed', message };
    } catch {
      const message = 'La connexion a échoué : le chèque n’a pas pu être vérifié. Réessayez.';
      setFailure(message);
      return { kind: 'failed', message };
    }
  }

  async function addTypedCode(event: FormEvent) {
    event.preventDefault();
    const judged = judgeTypedCode(typed);
    if (judged.state !== 'ok') {
      setFieldMessage(typedCodeMessage(judged) ?? 'Saisissez le code du chèque.');
      codeField.current?.focus();
      return;
    }
    setFieldMessage(null);
    setChecking(true);
    try {
      const outcome = await checkCheque({ code: judged.code }, groupTypedCode(judged.code));
      if (outcome.kind === 'added') setTyped('');
      if (outcome.kind === 'already_in_basket') setFieldMessage('Ce chèque est déjà dans le panier.');
    } finally {
      setChecking(false);
      codeField.current?.focus();
    }
  }

  async function redeem() {
    if (!service || problem) return;
    setFailure(null);
    setRedeeming(true);
    try {
      const sentAt = new Date().toISOString();
      const reached = await reachApi(({ signal }) =>
        api.POST('/api/v1/redemptions', {
          params: { header: { 'Idempotency-Key': basketKey } },
          body: { serviceId: service.id, vouchers: basket.map((entry) => entry.input) },
          signal,
        }),
      );
      if (!reached.reached) {
        // The server may have redeemed them: they are queued marked so, and the synchronisation, which never
        // redeems a chèque twice, recognises this venue's own redemption instead of reporting a conflict.
        handOver(basketCheques(), sentAt);
        return;
      }
      const answer = reached.answer;
      if (answer.response.ok) {
        setVerdicts(basket.map((entry) => ({ label: entry.serial, ...ACCEPTED })));
        changeBasket([]);
      } else if (answer.response.status === 422 || answer.response.status === 409) {
        const error = answer.error as ErrorAnswer | undefined;
        const items = error?.details?.items;
        if (items) {
          setVerdicts(
            items.map((item) => {
              const entry = basket[item.index];
              const label = item.serial ?? (entry ? entry.serial : `Chèque ${item.index + 1}`);
              return item.outcome === 'ok'
                ? {
                    label,
                    accepted: true,
                    title: 'Chèque valable',
                    reason: 'Ce chèque est bon, mais rien n’a été encaissé.',
                    action: 'Retirez du panier les chèques refusés, puis encaissez à nouveau.',
                  }
                : { label, ...verdictOf(item.refusal?.code ?? 'INVALID_CODE', item.refusal?.alreadyRedeemed) };
            }),
          );
        } else {
          setVerdicts([{ label: 'Panier', ...verdictOf(error?.code ?? 'INVALID_CODE') }]);
        }
      } else {
        setFailure('L’encaissement n’a pas abouti. Réessayez : le même panier ne sera jamais encaissé deux fois.');
      }
    } catch {
      setFailure('La connexion a échoué. Réessayez : le même panier ne sera jamais encaissé deux fois.');
    } finally {
      setRedeeming(false);
    }
  }

  const total = basket.reduce((sum, entry) => sum + entry.valueCents, 0);
  if (!offline.online) {
    return <OfflineCounter offline={offline} services={services} handover={handover} onHandoverTaken={handoverTaken} />;
  }
  return (
    <>
      <OfflineSyncReport offline={offline} />
      {venue.qualificationStatus !== 'qualified' && (
        <Alert
          className="fr-mb-4w"
          severity="warning"
          title="Votre lieu n’est pas encore habilité"
          description="Vous pouvez vérifier des chèques, mais pas les encaisser tant que l’ANCT n’a pas habilité votre lieu."
        />
      )}
      <section aria-labelledby="counter-add" className="fr-mb-4w">
        <h2 id="counter-add">Ajouter un chèque</h2>
        <CameraScanner onScan={(qr) => checkCheque({ qr }, 'QR code scanné')} />
        <form onSubmit={addTypedCode} noValidate>
          <Input
            label="Code du chèque"
            hintText="16 caractères, comme imprimés sur le chèque : XXXX-XXXX-XXXX-XXXX. Un lecteur de codes-barres fonctionne aussi."
            state={fieldMessage ? 'error' : 'default'}
            stateRelatedMessage={fieldMessage ?? undefined}
            nativeInputProps={{
              ref: codeField,
              value: typed,
              autoComplete: 'off',
              autoCapitalize: 'characters',
              spellCheck: false,
              onChange: (event) => {
                setTyped(groupTypedCode(event.target.value));
                const judged = judgeTypedCode(event.target.value);
                // A complete code is judged at once; while typing, only an impossible character is flagged.
                setFieldMessage(
                  judged.state === 'typo' || judged.state === 'bad_character' || judged.state === 'too_long'
                    ? typedCodeMessage(judged)
                    : null,
                );
              },
            }}
          />
          <button type="submit" className="fr-btn fr-btn--secondary" disabled={checking}>
            {checking ? 'Vérification…' : 'Ajouter au panier'}
          </button>
        </form>
      </section>

      {verdicts.length > 0 && (
        <section aria-labelledby="counter-verdicts" className="fr-mb-4w">
          <h2 id="counter-verdicts">Résultat</h2>
          <div role="status">
            {verdicts.map((verdict, index) => (
              <VerdictCard key={`${verdict.label}-${index}`} verdict={verdict} />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="counter-basket" className="fr-mb-4w">
        <h2 id="counter-basket">Panier</h2>
        {basket.length === 0 ? (
          <p>Le panier est vide : ajoutez les chèques de la personne.</p>
        ) : (
          <ul className="fr-raw-list">
            {basket.map((entry) => (
              <li key={entry.serial} className="fr-mb-1w">
                <span className="fr-text--lg fr-mr-2w">
                  Chèque {entry.serial} — {euros(entry.valueCents)}
                </span>
                <button
                  type="button"
                  className="fr-btn fr-btn--tertiary fr-btn--sm"
                  onClick={() => changeBasket(removeFromBasket(basket, entry.serial))}
                >
                  Retirer le chèque {entry.serial}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p>
          {basket.length} chèque{basket.length > 1 ? 's' : ''} · {euros(total)}
        </p>
        {services.length === 0 ? (
          <p>Votre lieu n’a aucun service ouvert : demandez à son administrateur d’en ajouter un.</p>
        ) : (
          <Select
            label="Service"
            hint="Le nombre de chèques qu’il demande par personne est indiqué."
            state={problem && basket.length > 0 && service ? 'error' : 'default'}
            stateRelatedMessage={problem && basket.length > 0 && service ? problem : undefined}
            nativeSelectProps={{
              value: serviceId,
              onChange: (event) => {
                setServiceId(event.target.value);
                setBasketKey(crypto.randomUUID());
              },
            }}
          >
            <option value="" disabled>
              Choisissez le service
            </option>
            {services.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label} — {candidate.maxVouchers} chèque{candidate.maxVouchers > 1 ? 's' : ''} maximum
              </option>
            ))}
          </Select>
        )}
        {failure && <Alert className="fr-mb-2w" severity="error" small description={failure} />}
        <button
          type="button"
          className="fr-btn"
          disabled={basket.length === 0 || !service || problem !== null || redeeming}
          onClick={redeem}
        >
          {redeeming ? 'Encaissement…' : `Encaisser ${basket.length} chèque${basket.length > 1 ? 's' : ''}`}
        </button>
      </section>
    </>
  );
}
