/**
 * Dormant stock: carnets a prescriber structure has held, unissued, for longer than a window
 * (`DORMANT_STOCK_DAYS`, 90 by default: a quarter without a hand-out). The historical programme's main
 * waste was stock lying in one structure while another ran out; the funder sees it per structure, with
 * what the structure handed out over the same window, and takes it back to allocate it where it is used.
 */
export const DORMANT_STOCK_MAX_DAYS = 730;

/** Carnets allocated before this instant and still unissued are dormant; hand-outs since it count as recent use. */
export function dormantCutoff(now: Date, olderThanDays: number): Date {
  return new Date(now.getTime() - olderThanDays * 86_400_000);
}

/** Runs of dormant numbers shown per structure (each one a range the funder can take back in one request). */
export const DORMANT_RUNS_SHOWN = 20;
