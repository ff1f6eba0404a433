export const ERASURE_REASONS = ['retention', 'request'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

const DAY_MS = 86_400_000;

/** Personal data of carnets finished before this instant has been kept long enough. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < 0) throw new RangeError(`Not a retention period in days: ${retentionDays}`);
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
