import { useCallback, useEffect, useState } from 'react';
import { openVoucherQr } from '../../../../src/modules/signing/voucher-qr-text';
import { api } from '../../api/client';
import type { ChequeInput } from '../counter/basket';
import { type NetworkMode, probeNow, reachApi, reportUnreachable, useNetworkMode } from './network-monitor';
import type { UnreachableCause } from './network-state';
import { judgeQrOffline, verifiedRevocationPage } from './offline-verify';
import {
  type CachedRevocations,
  deviceId,
  enqueueScan,
  type PublicKeySet,
  type QueuedScan,
  queuedScans,
  readMeta,
  settleBatch,
  type SyncOutcome,
  takeBatch,
  deleteMeta,
  writeMeta,
} from './offline-store';

const REVOCATION_PAGE = 5000;

/**
 * How long a batch may take to be settled: up to 500 scans, each written in its own savepoint, sent over a
 * phone's uplink. Longer than a single check's deadline; a batch whose answer is lost is safe to send again
 * (same Idempotency-Key, the server replays its first answer).
 */
const BATCH_TIMEOUT_MS = 30_000;

/** Keys first (they verify the list), then the signed revocation list from where the device left it. */
async function refreshVerificationData(): Promise<void> {
  const keys = await api.GET('/api/v1/public/signing-keys');
  if (!keys.data) return;
  const keySet = keys.data as PublicKeySet;
  await writeMeta('keys', keySet);
  const cached = await readMeta<CachedRevocations>('revocations');
  const serials = new Set(cached?.serials ?? []);
  let since = cached?.until ?? '0';
  for (let pages = 0; pages < 100; pages++) {
    const answer = await api.GET('/api/v1/public/revocations', { params: { query: { since, limit: REVOCATION_PAGE } } });
    if (!answer.data) return;
    const list = await verifiedRevocationPage(answer.data, keySet);
    const now = Date.now();
    for (const entry of list.entries) if (Date.parse(entry.expiresAt) >= now) serials.add(entry.serial);
    since = list.until;
    await writeMeta('revocations', {
      until: since,
      serials: [...serials],
      fetchedAt: new Date().toISOString(),
    } satisfies CachedRevocations);
    if (!list.hasMore) return;
  }
}

export type OfflineEntry =
  | { outcome: 'queued'; scan: QueuedScan }
  | { outcome: 'duplicate'; label: string }
  | { outcome: 'refused'; refusal: 'INVALID_SIGNATURE' | 'EXPIRED' | 'CANCELLED'; label: string; serial: string | null }
  | { outcome: 'cannot_verify' };

/** A chèque the online counter was handling when the API stopped answering, handed to the offline side. */
export interface CarriedCheque {
  input: ChequeInput;
  label: string;
  /** It was in the basket: the server had said it may be redeemed here. */
  checkedOnline: boolean;
}

/**
 * What the online counter hands over as it goes degraded, so that the agent does not scan again: the chèque
 * being checked and those of the basket, for the service chosen ('' when none was yet). `answerLostAt` when
 * they were in a redemption request that got no answer.
 */
export interface Handover {
  cheques: CarriedCheque[];
  serviceId: string;
  answerLostAt: string | null;
}

export interface OfflineCounter extends NetworkMode {
  /** The API answers: the usual counter. Otherwise the offline counter, for `mode` 'offline' or 'degraded'. */
  online: boolean;
  queue: QueuedScan[];
  syncing: boolean;
  /** Why the last attempt to send the queue failed, in French; null when it did not. */
  syncFailure: string | null;
  lastSync: SyncOutcome | null;
  dismissLastSync: () => void;
  /** A QR text read without network: verified on the device, then queued. */
  queueQr: (text: string, serviceId: string) => Promise<OfflineEntry>;
  /** A typed code whose check character is right: queued, to be verified at synchronisation. */
  queueTypedCode: (code: string, label: string, serviceId: string) => Promise<OfflineEntry>;
  /** A chèque handed over by the online counter: queued as it came, or as checked online. */
  queueCarried: (cheque: CarriedCheque, serviceId: string, answerLostAt: string | null) => Promise<OfflineEntry>;
  /** The API did not answer one of the counter's calls: the counter goes degraded. */
  reportUnreachable: (cause: UnreachableCause) => void;
  /** Degraded: try the API now rather than at the next planned probe. */
  probeNow: () => void;
  sync: () => Promise<void>;
}

let syncRunning: Promise<void> | null = null;

/**
 * The counter's offline side for one venue: the queue kept in IndexedDB, the keys and revocation list
 * refreshed whenever there is network, and the queue sent through the offline-batches endpoint as soon
 * as the API answers again — the browser's network back, or a probe answered after the degraded mode —
 * and at each opening, so a queue left by a closed page or a restarted phone resumes.
 */
export function useOfflineCounter(venueId: string): OfflineCounter {
  const network = useNetworkMode();
  const online = network.mode === 'online';
  const [queue, setQueue] = useState<QueuedScan[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [syncFailure, setSyncFailure] = useState<string | null>(null);
  const [lastSync, setLastSync] = useState<SyncOutcome | null>(null);

  const reload = useCallback(async () => {
    setQueue(await queuedScans(venueId));
    setLastSync((await readMeta<SyncOutcome>(`lastSync:${venueId}`)) ?? null);
  }, [venueId]);

  const sendOnce = useCallback(async () => {
    const batch = await takeBatch(venueId);
    if (!batch) return;
    const body = {
      deviceId: await deviceId(),
      scans: batch.scans.map((scan) => ({ ...scan.input, scannedAt: scan.scannedAt, serviceId: scan.serviceId })),
    };
    // Unanswered, the batch keeps its key: the next synchronisation sends it again as it is.
    const reached = await reachApi(
      ({ signal }) =>
        api.POST('/api/v1/redemptions/offline-batches', { params: { header: { 'Idempotency-Key': batch.key } }, body, signal }),
      BATCH_TIMEOUT_MS,
    );
    if (!reached.reached) throw new Error(`The API did not answer (${reached.cause})`);
    const answer = reached.answer;
    if (!answer.data) throw new Error(`HTTP ${answer.response.status}`);
    await settleBatch(batch.key, {
      venueId,
      settledAt: new Date().toISOString(),
      labels: batch.scans.map((scan) => scan.label),
      answerLostAt: batch.scans.map((scan) => scan.answerLostAt ?? null),
      report: answer.data,
    });
  }, [venueId]);

  const sync = useCallback(async () => {
    // One synchronisation at a time, even with the page open twice in the same tab's lifetime.
    syncRunning ??= (async () => {
      setSyncing(true);
      setSyncFailure(null);
      try {
        // Scans taken while a batch was on its way go in the next one.
        while ((await queuedScans(venueId)).length > 0) await sendOnce();
      } catch {
        setSyncFailure(
          'Les chèques en attente n’ont pas pu être envoyés. Ils restent sur cet appareil ; un nouvel essai aura lieu au retour du réseau.',
        );
      } finally {
        setSyncing(false);
        syncRunning = null;
        await reload();
      }
    })();
    return syncRunning;
  }, [venueId, sendOnce, reload]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!online) return;
    void refreshVerificationData().catch(() => undefined);
    void sync();
  }, [online, sync]);

  const queueScan = useCallback(
    async (scan: Omit<QueuedScan, 'id' | 'venueId' | 'scannedAt'>): Promise<OfflineEntry> => {
      if ((await queuedScans(venueId)).some((queued) => queued.code === scan.code)) return { outcome: 'duplicate', label: scan.label };
      const queued: QueuedScan = { ...scan, id: crypto.randomUUID(), venueId, scannedAt: new Date().toISOString() };
      await enqueueScan(queued);
      await reload();
      return { outcome: 'queued', scan: queued };
    },
    [venueId, reload],
  );

  const queueQr = useCallback(
    async (text: string, serviceId: string): Promise<OfflineEntry> => {
      const keys = await readMeta<PublicKeySet>('keys');
      if (!keys) return { outcome: 'cannot_verify' };
      const revocations = await readMeta<CachedRevocations>('revocations');
      const judged = await judgeQrOffline(text, keys, new Set(revocations?.serials ?? []), new Date());
      if (!judged.ok)
        return { outcome: 'refused', refusal: judged.refusal, label: judged.serial ?? 'inconnu', serial: judged.serial ?? null };
      return queueScan({ serviceId, input: { qr: text }, code: judged.code, label: judged.serial, verifiedLocally: true });
    },
    [queueScan],
  );

  const queueTypedCode = useCallback(
    (code: string, label: string, serviceId: string) => queueScan({ serviceId, input: { code }, code, label, verifiedLocally: false }),
    [queueScan],
  );

  const queueCarried = useCallback(
    async (cheque: CarriedCheque, serviceId: string, answerLostAt: string | null): Promise<OfflineEntry> => {
      const { input, label } = cheque;
      if (!cheque.checkedOnline) {
        return 'qr' in input ? queueQr(input.qr, serviceId) : queueTypedCode(input.code, label, serviceId);
      }
      // The server verified it moments ago; its code (from the QR's payload) only keeps it from being queued twice.
      const code = 'qr' in input ? openVoucherQr(input.qr).payload.code : input.code;
      return queueScan({
        serviceId,
        input,
        code,
        label,
        verifiedLocally: false,
        checkedOnline: true,
        ...(answerLostAt ? { answerLostAt } : {}),
      });
    },
    [queueScan, queueQr, queueTypedCode],
  );

  const dismissLastSync = useCallback(() => {
    setLastSync(null);
    void deleteMeta(`lastSync:${venueId}`);
  }, [venueId]);

  return {
    ...network,
    online,
    queue,
    syncing,
    syncFailure,
    lastSync,
    dismissLastSync,
    queueQr,
    queueTypedCode,
    queueCarried,
    reportUnreachable,
    probeNow,
    sync,
  };
}
