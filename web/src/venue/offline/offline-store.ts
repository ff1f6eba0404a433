import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { components } from '../../api/schema';
import type { SessionActor } from '../../session/spaces';

export type PublicKeySet = components['schemas']['PublicKeySetDto'];
export type OfflineBatchReport = components['schemas']['OfflineBatchReportDto'];

/** A chèque taken without network, kept on the device until the offline-batches endpoint settles it. */
export interface QueuedScan {
  id: string;
  venueId: string;
  serviceId: string;
  /** What is sent: the scanned QR text, or the typed code (normalised). */
  input: { qr: string } | { code: string };
  /** Normalised 16-character code (from the QR payload, or as typed): one chèque is never queued twice. */
  code: string;
  /** What the agent recognises it by: the serial read from the QR, else the code in groups. */
  label: string;
  /** Device clock, ISO 8601. */
  scannedAt: string;
  /** True when the QR's signature, expiry and revocation were verified on the device. */
  verifiedLocally: boolean;
  /** True when the server said it was redeemable just before the network stopped answering. */
  checkedOnline?: boolean;
  /**
   * Device time of a redemption request that had this chèque and got no answer: the server may have redeemed
   * it then, and the synchronisation's "already redeemed here" is that redemption, not a conflict.
   */
  answerLostAt?: string;
  /** Set when the scan is put in a batch being sent: a retry resends the same batch with the same Idempotency-Key. */
  batchKey?: string;
}

/** The signed revocation list as kept on the device: the serials still listed and where to resume. */
export interface CachedRevocations {
  until: string;
  serials: string[];
  fetchedAt: string;
}

export interface SyncOutcome {
  venueId: string;
  settledAt: string;
  /** Labels of the scans as the agent saw them, by their position in the batch. */
  labels: string[];
  /** Each scan's `answerLostAt`, by its position in the batch (absent from outcomes kept by an older version). */
  answerLostAt?: (string | null)[];
  report: OfflineBatchReport;
}

interface CounterDb extends DBSchema {
  meta: { key: string; value: unknown };
  queue: { key: string; value: QueuedScan; indexes: { byVenue: string } };
}

const DB_NAME = 'pass-numerique-guichet';
let opened: Promise<IDBPDatabase<CounterDb>> | null = null;

/** One IndexedDB database for the counter: it outlives a closed tab and a restarted phone. */
export function counterDb(): Promise<IDBPDatabase<CounterDb>> {
  opened ??= openDB<CounterDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('meta');
      db.createObjectStore('queue', { keyPath: 'id' }).createIndex('byVenue', 'venueId');
    },
  });
  return opened;
}

export async function readMeta<T>(key: string): Promise<T | undefined> {
  return (await (await counterDb()).get('meta', key)) as T | undefined;
}

export async function writeMeta(key: string, value: unknown): Promise<void> {
  await (await counterDb()).put('meta', value, key);
}

export async function deleteMeta(key: string): Promise<void> {
  await (await counterDb()).delete('meta', key);
}

/** The device's id, sent with every offline batch: made once, kept. */
export async function deviceId(): Promise<string> {
  const known = await readMeta<string>('deviceId');
  if (known) return known;
  const made = `guichet-${crypto.randomUUID()}`;
  await writeMeta('deviceId', made);
  return made;
}

export async function queuedScans(venueId: string): Promise<QueuedScan[]> {
  const scans = await (await counterDb()).getAllFromIndex('queue', 'byVenue', venueId);
  return scans.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
}

export async function enqueueScan(scan: QueuedScan): Promise<void> {
  await (await counterDb()).put('queue', scan);
}

/**
 * The scans to send now: those of a batch already tried (same key, same body: the server answers the first
 * outcome again), else every waiting scan, given a new key in the same transaction.
 */
export async function takeBatch(venueId: string): Promise<{ key: string; scans: QueuedScan[] } | null> {
  const transaction = (await counterDb()).transaction('queue', 'readwrite');
  const scans = (await transaction.store.index('byVenue').getAll(venueId)).sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  const pending = scans.find((scan) => scan.batchKey);
  let batch: { key: string; scans: QueuedScan[] } | null = null;
  if (pending?.batchKey) {
    batch = { key: pending.batchKey, scans: scans.filter((scan) => scan.batchKey === pending.batchKey) };
  } else if (scans.length > 0) {
    const key = crypto.randomUUID();
    batch = { key, scans: scans.map((scan) => ({ ...scan, batchKey: key })) };
    for (const scan of batch.scans) await transaction.store.put(scan);
  }
  await transaction.done;
  return batch;
}

/** Once the server has settled a batch: its scans leave the queue and its outcome is kept to be shown. */
export async function settleBatch(key: string, outcome: SyncOutcome): Promise<void> {
  const transaction = (await counterDb()).transaction(['queue', 'meta'], 'readwrite');
  const queue = transaction.objectStore('queue');
  for (const scan of await queue.getAll()) {
    if (scan.batchKey === key) await queue.delete(scan.id);
  }
  await transaction.objectStore('meta').put(outcome, `lastSync:${outcome.venueId}`);
  await transaction.done;
}

/**
 * The last logged-in venue agent, so that the counter opens without network. Only who they are (name,
 * role, venue) — never a token: the session stays in its HttpOnly cookie.
 */
export async function rememberActor(actor: SessionActor | null): Promise<void> {
  if (actor?.role === 'venue_agent') await writeMeta('actor', actor);
  else await deleteMeta('actor');
}

export async function rememberedActor(): Promise<SessionActor | null> {
  return (await readMeta<SessionActor>('actor')) ?? null;
}
