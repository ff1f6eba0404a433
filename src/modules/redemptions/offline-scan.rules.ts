import type { VenueQualificationStatus } from '../organisations/organisation-kind';
import { DEVICE_CLOCK_TOLERANCE_MS } from './redemption.rules';
import type { VoucherInputErrorCode, VoucherRefusalCode } from './redemptions.errors';

/**
 * Offline scans are settled when the device synchronises: each one is judged as of its scan time
 * (device clock), and the first valid redemption recorded wins — a later one is a conflict, never
 * a second payment.
 */
export type OfflineConflictReason =
  | VoucherRefusalCode
  | VoucherInputErrorCode
  | 'VENUE_NOT_QUALIFIED'
  | 'UNKNOWN_SERVICE'
  | 'UNKNOWN_SITE'
  | 'SCAN_IN_FUTURE'
  | 'SCAN_TOO_OLD'
  | 'OFFLINE_CEILING_EXCEEDED';

export interface OfflineItemResult {
  /** Position of the scan in the submitted batch. */
  index: number;
  outcome: 'accepted' | 'conflict';
  serial?: string;
  redemptionId?: string;
  valueCents?: number;
  /** True when this very scan had already been recorded by an earlier synchronisation. */
  alreadyRecorded?: boolean;
  reason?: OfflineConflictReason;
  details?: Record<string, unknown>;
}

/** Scan times come from the device: not from the future, and not older than the settings allow. */
export function scanTimeProblem(scannedAt: Date, now: Date, maxAgeMs: number): 'SCAN_IN_FUTURE' | 'SCAN_TOO_OLD' | null {
  if (scannedAt.getTime() > now.getTime() + DEVICE_CLOCK_TOLERANCE_MS) return 'SCAN_IN_FUTURE';
  if (now.getTime() - scannedAt.getTime() > maxAgeMs) return 'SCAN_TOO_OLD';
  return null;
}

export interface QualificationEvent {
  toStatus: VenueQualificationStatus;
  decidedAt: Date;
}

/** The venue's qualification at `at`: the status of its last decision at or before `at`; none yet = pending. */
export function qualificationStatusAt(events: readonly QualificationEvent[], at: Date): VenueQualificationStatus {
  let status: VenueQualificationStatus = 'pending';
  let latest = -Infinity;
  for (const event of events) {
    const time = event.decidedAt.getTime();
    if (time <= at.getTime() && time >= latest) {
      latest = time;
      status = event.toStatus;
    }
  }
  return status;
}

/**
 * The programme's per-venue ceiling on offline value: what the venue already redeemed offline in the
 * window, plus what this batch accepts, stays at or under it. Scans are taken in scan-time order, so
 * the earliest ones fit first.
 */
export class OfflineCeiling {
  private readonly used: Map<string, number>;

  constructor(
    private readonly ceilingByProgramme: ReadonlyMap<string, number>,
    alreadyUsedByProgramme: ReadonlyMap<string, number>,
  ) {
    this.used = new Map(alreadyUsedByProgramme);
  }

  remaining(programmeId: string): number {
    return Math.max(0, (this.ceilingByProgramme.get(programmeId) ?? 0) - (this.used.get(programmeId) ?? 0));
  }

  take(programmeId: string, valueCents: number): void {
    if (valueCents > this.remaining(programmeId)) throw new RangeError(`Offline ceiling of programme ${programmeId} exceeded`);
    this.used.set(programmeId, (this.used.get(programmeId) ?? 0) + valueCents);
  }
}
