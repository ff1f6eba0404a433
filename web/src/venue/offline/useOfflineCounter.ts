import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
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

/** `navigator.onLine`, followed as it changes. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

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
  | { outcome: 'refused'; refusal: 'INVALID_SIGNATURE' | 'EXPIRED' | 'CANCELLED'; label: string }
  | { outcome: 'cannot_verify' };

export interface OfflineCounter {
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
  sync: () => Promise<void>;
}

let syncRunning: Promise<void> | null = null;

/**
 * The counter's offline side for one venue: the queue kept in IndexedDB, the keys and revocation list
 * refreshed whenever there is network, and the queue sent through the offline-batches endpoint as soon
 * as the network is back (and at each opening, so a queue left by a closed page or a restarted phone resumes).
 */
export function useOfflineCounter(venueId: string): OfflineCounter {
  const online = useOnline();
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
    const answer = await api.POST('/api/v1/redemptions/offline-batches', {
      params: { header: { 'Idempotency-Key': batch.key } },
      body: {
        deviceId: await deviceId(),
        scans: batch.scans.map((scan) => ({ ...scan.input, scannedAt: scan.scannedAt, serviceId: scan.serviceId })),
      },
    });
    if (!answer.data) throw new Error(`HTTP ${answer.response.status}`);
    await settleBatch(batch.key, {
      venueId,
      settledAt: new Date().toISOString(),
      labels: batch.scans.map((scan) => scan.label),
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
      if (!judged.ok) return { outcome: 'refused', refusal: judged.refusal, label: judged.serial ?? 'inconnu' };
      return queueScan({ serviceId, input: { qr: text }, code: judged.code, label: judged.serial, verifiedLocally: true });
    },
    [queueScan],
  );

  const queueTypedCode = useCallback(
    (code: string, label: string, serviceId: string) => queueScan({ serviceId, input: { code }, code, label, verifiedLocally: false }),
    [queueScan],
  );

  const dismissLastSync = useCallback(() => {
    setLastSync(null);
    void deleteMeta(`lastSync:${venueId}`);
  }, [venueId]);

  return { online, queue, syncing, syncFailure, lastSync, dismissLastSync, queueQr, queueTypedCode, sync };
}
