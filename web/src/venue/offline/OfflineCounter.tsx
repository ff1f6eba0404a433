import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ShownVerdict } from '../counter/CounterPage';
import { CameraScanner } from '../counter/camera/CameraScanner';
import type { ScanOutcome } from '../counter/camera/scan-feedback';
import { groupTypedCode, judgeTypedCode, typedCodeMessage } from '../counter/typed-code';
import { verdictOf } from '../counter/verdicts';
import { VerdictCard } from '../counter/VerdictCard';
import type { UnreachableCause } from './network-state';
import { syncSummary } from './offline-conflicts';
import type { QueuedScan } from './offline-store';
import type { Handover, OfflineCounter as OfflineState, OfflineEntry } from './useOfflineCounter';

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

function cheques(count: number): string {
  return `${count} chèque${count > 1 ? 's' : ''}`;
}

/**
 * The sentence that says the counter works offline, and what that means for the chèques taken: "Hors ligne"
 * when the browser has no network, "Réseau instable" when it has one but the API does not answer.
 */
export function offlineHeadline(count: number, mode: 'offline' | 'degraded' = 'offline'): string {
  return `${mode === 'degraded' ? 'Réseau instable' : 'Hors ligne'} — ${cheques(count)} en attente, accepté${count > 1 ? 's' : ''} sous réserve`;
}

const TAKEN_ON_DEVICE = 'les chèques sont vérifiés sur cet appareil et mis en attente.';

/** What happened, plainly, and what the counter does about it. */
function offlineExplanation(mode: 'offline' | 'degraded', cause: UnreachableCause | null): string {
  if (mode === 'offline') {
    return `Pas de réseau : ${TAKEN_ON_DEVICE} Ils seront encaissés automatiquement au retour du réseau.`;
  }
  const what = cause === 'unavailable' ? 'Le service Pass numérique est momentanément indisponible' : 'Le réseau ne répond pas';
  return `${what} : ${TAKEN_ON_DEVICE} Le guichet réessaie tout seul et les encaisse dès que le réseau répond.`;
}

/** How each chèque waiting on the device was checked, in the queue's list. */
export function queuedScanNote(scan: QueuedScan): string {
  if (scan.answerLostAt) return 'encaissement resté sans réponse, confirmé à l’envoi';
  if (scan.checkedOnline) return 'vérifié en ligne avant la coupure';
  return scan.verifiedLocally ? 'QR code vérifié sur cet appareil' : 'code saisi, vérifié à l’envoi';
}

const ON_HOLD = {
  accepted: true,
  title: 'Accepté sous réserve',
  action: 'Gardez le chèque papier. Il sera encaissé au retour du réseau ; un éventuel refus vous sera signalé.',
};

function onHoldReason(scan: QueuedScan): string {
  if (scan.answerLostAt) {
    return 'Le réseau n’a pas confirmé l’encaissement : le chèque est gardé sur cet appareil et sera confirmé au retour du réseau, sans jamais être encaissé deux fois.';
  }
  if (scan.checkedOnline) return 'Le chèque a été vérifié en ligne juste avant la coupure du réseau.';
  return scan.verifiedLocally
    ? 'Le QR code est authentique, valable et non déclaré perdu ou volé, d’après cet appareil.'
    : 'Le code est bien formé. Le chèque sera vérifié au retour du réseau.';
}

/** The verdict of a chèque handed over by the online counter, whatever became of it. */
function handedVerdict(entry: OfflineEntry, label: string): ShownVerdict {
  switch (entry.outcome) {
    case 'queued':
      return { ...ON_HOLD, label: entry.scan.label, reason: onHoldReason(entry.scan) };
    case 'duplicate':
      return {
        label: entry.label,
        ...ON_HOLD,
        title: 'Déjà en attente',
        reason: 'Ce chèque est déjà en attente sur cet appareil : il ne le sera pas deux fois.',
      };
    case 'refused':
      return { label: entry.label, ...verdictOf(entry.refusal) };
    case 'cannot_verify':
      return {
        label,
        accepted: false,
        title: 'QR code non vérifiable ici',
        reason: 'Cet appareil n’a pas encore les clés pour vérifier les QR codes.',
        action: 'Saisissez le code imprimé sous le QR code.',
      };
  }
}

interface Service {
  id: string;
  label: string;
  maxVouchers: number;
}

/**
 * The counter without network, or with one that does not answer: a QR text (from a scanner that types) is
 * verified on the device — signature, expiry, revocation list — and a typed code by its check character; both
 * are queued on the device. The chèques the online counter was handling when the API stopped answering
 * (`handover`) are queued as soon as the service is known, so that the agent does not scan them again.
 */
export function OfflineCounter({
  offline,
  services,
  handover = null,
  onHandoverTaken,
}: {
  offline: OfflineState;
  services: Service[];
  handover?: Handover | null;
  onHandoverTaken?: (taken: Handover) => void;
}) {
  const [typed, setTyped] = useState('');
  const [fieldMessage, setFieldMessage] = useState<string | null>(null);
  const [onlyService, ...otherServices] = services;
  const [serviceId, setServiceId] = useState(onlyService && otherServices.length === 0 ? onlyService.id : '');
  const [verdicts, setVerdicts] = useState<ShownVerdict[]>([]);
  const field = useRef<HTMLInputElement>(null);
  const taken = useRef<Handover | null>(null);
  const mode = offline.mode === 'degraded' ? 'degraded' : 'offline';

  useEffect(() => {
    if (!handover || taken.current === handover) return;
    // The service the agent had chosen online, if any; else the one chosen here.
    if (!serviceId && handover.serviceId) return setServiceId(handover.serviceId);
    if (!serviceId) return;
    taken.current = handover;
    void (async () => {
      const shown: ShownVerdict[] = [];
      for (const cheque of handover.cheques) {
        shown.push(handedVerdict(await offline.queueCarried(cheque, serviceId, handover.answerLostAt), cheque.label));
      }
      setVerdicts(shown);
      onHandoverTaken?.(handover);
      // The online form the agent was using is gone: the focus goes to this one.
      field.current?.focus();
    })();
  }, [handover, serviceId, offline, onHandoverTaken]);

  const NO_KEYS = 'Cet appareil n’a pas encore les clés pour vérifier les QR codes : saisissez le code imprimé sous le QR code.';

  /** A QR code read by the camera: verified on the device and queued, as one typed by a scanner. */
  async function scanWithCamera(qr: string): Promise<ScanOutcome> {
    if (!serviceId) return { kind: 'failed', message: 'Choisissez d’abord le service, puis présentez à nouveau le chèque.' };
    const entry = await offline.queueQr(qr, serviceId);
    switch (entry.outcome) {
      case 'queued':
        setVerdicts([{ ...ON_HOLD, label: entry.scan.label, reason: onHoldReason(entry.scan) }]);
        return { kind: 'queued', serial: entry.scan.label };
      case 'duplicate':
        return { kind: 'already_queued', serial: entry.label };
      case 'refused': {
        const verdict = verdictOf(entry.refusal);
        setVerdicts([{ label: entry.label, ...verdict }]);
        return { kind: 'refused', serial: entry.serial, title: verdict.title };
      }
      case 'cannot_verify':
        return { kind: 'failed', message: NO_KEYS };
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!serviceId) {
      setFieldMessage('Choisissez d’abord le service.');
      return;
    }
    // Base45 has a space in its alphabet: a QR text is taken as it is, never trimmed.
    const isQr = /^\s*PN1:/i.test(typed);
    const text = isQr ? typed.replace(/^\s+/, '').replace(/[\r\n]+$/, '') : typed.trim();
    let entry;
    if (isQr) {
      entry = await offline.queueQr(text, serviceId);
    } else {
      const judged = judgeTypedCode(text);
      if (judged.state !== 'ok') {
        setFieldMessage(typedCodeMessage(judged) ?? 'Saisissez le code du chèque.');
        field.current?.focus();
        return;
      }
      entry = await offline.queueTypedCode(judged.code, groupTypedCode(judged.code), serviceId);
    }
    setFieldMessage(null);
    switch (entry.outcome) {
      case 'queued':
        setVerdicts([{ ...ON_HOLD, label: entry.scan.label, reason: onHoldReason(entry.scan) }]);
        setTyped('');
        break;
      case 'duplicate':
        setFieldMessage(`Le chèque ${entry.label} est déjà en attente.`);
        break;
      case 'refused':
        setVerdicts([{ label: entry.label, ...verdictOf(entry.refusal) }]);
        setTyped('');
        break;
      case 'cannot_verify':
        setFieldMessage(NO_KEYS);
        break;
    }
    field.current?.focus();
  }

  return (
    <>
      <Alert
        className="fr-mb-4w"
        severity="warning"
        title={offlineHeadline(offline.queue.length, mode)}
        description={
          <>
            {offlineExplanation(mode, offline.cause)}
            {mode === 'degraded' && (
              <>
                <br />
                <button
                  type="button"
                  className="fr-btn fr-btn--tertiary fr-btn--sm fr-mt-1w"
                  disabled={offline.probing}
                  onClick={offline.probeNow}
                >
                  {offline.probing ? 'Essai du réseau…' : 'Réessayer maintenant'}
                </button>
              </>
            )}
          </>
        }
      />
      {handover && !serviceId && (
        <Alert
          className="fr-mb-4w"
          severity="info"
          small
          description={`${cheques(handover.cheques.length)} en cours : choisissez le service, ${handover.cheques.length > 1 ? 'ils seront mis' : 'il sera mis'} en attente aussitôt.`}
        />
      )}
      <section aria-labelledby="offline-add" className="fr-mb-4w">
        <h2 id="offline-add">Ajouter un chèque hors ligne</h2>
        {services.length > 0 && (
          <Select label="Service" nativeSelectProps={{ value: serviceId, onChange: (event) => setServiceId(event.target.value) }}>
            <option value="" disabled>
              Choisissez le service
            </option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.label} — {cheques(service.maxVouchers)} maximum
              </option>
            ))}
          </Select>
        )}
        <CameraScanner onScan={scanWithCamera} />
        <form onSubmit={add} noValidate>
          <Input
            label="Code ou QR code du chèque"
            hintText="Le code de 16 caractères imprimé sur le chèque (XXXX-XXXX-XXXX-XXXX). Un lecteur de QR codes qui tape comme un clavier fonctionne aussi."
            state={fieldMessage ? 'error' : 'default'}
            stateRelatedMessage={fieldMessage ?? undefined}
            nativeInputProps={{
              ref: field,
              value: typed,
              autoComplete: 'off',
              autoCapitalize: 'characters',
              spellCheck: false,
              onChange: (event) => {
                const value = event.target.value;
                const isQr = /^\s*PN1:/i.test(value);
                setTyped(isQr ? value : groupTypedCode(value));
                const judged = judgeTypedCode(value);
                setFieldMessage(!isQr && judged.state === 'typo' ? typedCodeMessage(judged) : null);
              },
            }}
          />
          <button type="submit" className="fr-btn fr-btn--secondary">
            Mettre en attente
          </button>
        </form>
      </section>
      {verdicts.length > 0 && (
        <section aria-labelledby="offline-verdict" className="fr-mb-4w">
          <h2 id="offline-verdict">Résultat</h2>
          <div role="status">
            {verdicts.map((verdict, index) => (
              <VerdictCard key={`${verdict.label}-${index}`} verdict={verdict} />
            ))}
          </div>
        </section>
      )}
      <OfflineQueue offline={offline} />
    </>
  );
}

/** The chèques waiting on this device, with when each was taken. */
function OfflineQueue({ offline }: { offline: OfflineState }) {
  return (
    <section aria-labelledby="offline-queue" className="fr-mb-4w">
      <h2 id="offline-queue">Chèques en attente sur cet appareil</h2>
      {offline.queue.length === 0 ? (
        <p>Aucun chèque en attente.</p>
      ) : (
        <ul>
          {offline.queue.map((scan) => (
            <li key={scan.id}>
              Chèque {scan.label} — lu le {PARIS_TIME.format(new Date(scan.scannedAt))} — {queuedScanNote(scan)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Online again: the chèques still waiting (being sent) and what the last synchronisation decided, each
 * conflict with its reason and what to do. Shown until the agent has read it.
 */
export function OfflineSyncReport({ offline }: { offline: OfflineState }) {
  const { queue, syncing, syncFailure, lastSync } = offline;
  if (queue.length === 0 && !lastSync && !syncFailure) return null;
  const summary = lastSync ? syncSummary(lastSync) : null;
  return (
    <section aria-labelledby="offline-sync" className="fr-mb-4w">
      <h2 id="offline-sync">Chèques pris hors ligne</h2>
      <div role="status">
        {queue.length > 0 && (
          <p>
            {cheques(queue.length)} en attente sur cet appareil{syncing ? ' : envoi en cours…' : '.'}
          </p>
        )}
        {syncFailure && <Alert className="fr-mb-2w" severity="error" small description={syncFailure} />}
        {summary && lastSync && (
          <>
            <Alert
              className="fr-mb-2w"
              severity={summary.conflictCount > 0 ? 'warning' : 'success'}
              title={`Synchronisation faite : ${cheques(summary.acceptedCount)} encaissé${summary.acceptedCount > 1 ? 's' : ''}, ${summary.conflictCount} en conflit`}
              description={`Envoyés le ${PARIS_TIME.format(new Date(lastSync.settledAt))}.`}
            />
            {summary.verdicts.map(({ index, ...verdict }) => (
              <VerdictCard key={index} verdict={verdict} />
            ))}
            <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm" onClick={offline.dismissLastSync}>
              J’ai lu le résultat
            </button>
          </>
        )}
      </div>
    </section>
  );
}
