import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useRef, useState } from 'react';
import type { ShownVerdict } from '../counter/CounterPage';
import { groupTypedCode, judgeTypedCode, typedCodeMessage } from '../counter/typed-code';
import { verdictOf } from '../counter/verdicts';
import { VerdictCard } from '../counter/VerdictCard';
import { conflictVerdict } from './offline-conflicts';
import type { OfflineCounter as OfflineState } from './useOfflineCounter';

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

function cheques(count: number): string {
  return `${count} chèque${count > 1 ? 's' : ''}`;
}

/** The sentence that says the counter works offline, and what that means for the chèques taken. */
export function offlineHeadline(count: number): string {
  return `Hors ligne — ${cheques(count)} en attente, accepté${count > 1 ? 's' : ''} sous réserve`;
}

const ON_HOLD = {
  accepted: true,
  title: 'Accepté sous réserve',
  action: 'Gardez le chèque papier. Il sera encaissé au retour du réseau ; un éventuel refus vous sera signalé.',
};

interface Service {
  id: string;
  label: string;
  maxVouchers: number;
}

/**
 * The counter without network: a QR text (from a scanner that types) is verified on the device — signature,
 * expiry, revocation list — and a typed code by its check character; both are queued on the device.
 */
export function OfflineCounter({ offline, services }: { offline: OfflineState; services: Service[] }) {
  const [typed, setTyped] = useState('');
  const [fieldMessage, setFieldMessage] = useState<string | null>(null);
  const [onlyService, ...otherServices] = services;
  const [serviceId, setServiceId] = useState(onlyService && otherServices.length === 0 ? onlyService.id : '');
  const [verdict, setVerdict] = useState<ShownVerdict | null>(null);
  const field = useRef<HTMLInputElement>(null);

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
        setVerdict({
          ...ON_HOLD,
          label: entry.scan.label,
          reason: entry.scan.verifiedLocally
            ? 'Le QR code est authentique, valable et non déclaré perdu ou volé, d’après cet appareil.'
            : 'Le code est bien formé. Le chèque sera vérifié au retour du réseau.',
        });
        setTyped('');
        break;
      case 'duplicate':
        setFieldMessage(`Le chèque ${entry.label} est déjà en attente.`);
        break;
      case 'refused':
        setVerdict({ label: entry.label, ...verdictOf(entry.refusal) });
        setTyped('');
        break;
      case 'cannot_verify':
        setFieldMessage('Cet appareil n’a pas encore les clés pour vérifier les QR codes : saisissez le code imprimé sous le QR code.');
        break;
    }
    field.current?.focus();
  }

  return (
    <>
      <Alert
        className="fr-mb-4w"
        severity="warning"
        title={offlineHeadline(offline.queue.length)}
        description="Pas de réseau : les chèques sont vérifiés sur cet appareil et gardés en attente. Ils seront encaissés automatiquement au retour du réseau."
      />
      <section aria-labelledby="offline-add" className="fr-mb-4w">
        <h2 id="offline-add">Ajouter un chèque hors ligne</h2>
        <form onSubmit={add} noValidate>
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
      {verdict && (
        <section aria-labelledby="offline-verdict" className="fr-mb-4w">
          <h2 id="offline-verdict">Résultat</h2>
          <div role="status">
            <VerdictCard verdict={verdict} />
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
              Chèque {scan.label} — lu le {PARIS_TIME.format(new Date(scan.scannedAt))} —{' '}
              {scan.verifiedLocally ? 'QR code vérifié sur cet appareil' : 'code saisi, vérifié à l’envoi'}
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
  const report = lastSync?.report;
  const conflicts = report?.items.filter((item) => item.outcome === 'conflict') ?? [];
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
        {report && lastSync && (
          <>
            <Alert
              className="fr-mb-2w"
              severity={conflicts.length > 0 ? 'warning' : 'success'}
              title={`Synchronisation faite : ${cheques(report.acceptedCount)} encaissé${report.acceptedCount > 1 ? 's' : ''}, ${report.conflictCount} en conflit`}
              description={`Envoyés le ${PARIS_TIME.format(new Date(lastSync.settledAt))}.`}
            />
            {conflicts.map((item) => (
              <VerdictCard
                key={item.index}
                verdict={{
                  label: item.serial ?? lastSync.labels[item.index] ?? `n° ${item.index + 1}`,
                  ...conflictVerdict(item.reason, item.details),
                }}
              />
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
