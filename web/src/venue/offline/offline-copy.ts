import { readMeta, writeMeta } from './offline-store';

/**
 * Loads from the API and keeps a copy on the device; when there is no network (the request itself
 * fails, not an error answer), gives the copy last kept instead.
 */
export async function withOfflineCopy<T>(key: string, load: () => Promise<T>): Promise<T> {
  let data: T;
  try {
    data = await load();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const copy = await readMeta<T>(`copy:${key}`);
    if (copy === undefined) throw error;
    return copy;
  }
  await writeMeta(`copy:${key}`, data);
  return data;
}
