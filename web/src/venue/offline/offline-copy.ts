import { reportUnreachable } from './network-monitor';
import { REQUEST_TIMEOUT_MS, unreachableCause } from './network-state';
import { readMeta, writeMeta } from './offline-store';

/**
 * Loads from the API and keeps a copy on the device; when there is no network or none that answers in time
 * (the request itself fails, not an error answer), gives the copy last kept instead — and the counter opens
 * degraded rather than waiting on its first check.
 */
export async function withOfflineCopy<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Promise<T> {
  let data: T;
  try {
    data = await load(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
  } catch (error) {
    const cause = unreachableCause({ threw: error });
    if (!cause) throw error;
    const copy = await readMeta<T>(`copy:${key}`);
    if (copy === undefined) throw error;
    reportUnreachable(cause);
    return copy;
  }
  await writeMeta(`copy:${key}`, data);
  return data;
}
