import { distributionClosesAt } from '../passes/passes.rules';

/**
 * What a holder of carnets must be told about those still in its stock: distribution has stopped
 * (J-15: they can no longer be handed out), or they expire soon (J-30: hand them out first).
 */
export type HoldingAlert = 'distribution_closed' | 'expiring_soon';

const DAY_MS = 86_400_000;

/** Same boundary as the hand-out itself: refused once `now` is past the close (passes.service). */
export function holdingAlertOf(expiresAt: Date, now: Date, warningDays: number, stopDays: number): HoldingAlert | null {
  if (expiresAt.getTime() <= now.getTime()) return null;
  if (now.getTime() > distributionClosesAt(expiresAt, stopDays).getTime()) return 'distribution_closed';
  if (expiresAt.getTime() - now.getTime() <= warningDays * DAY_MS) return 'expiring_soon';
  return null;
}
