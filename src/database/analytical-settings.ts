/**
 * Session settings of the long read-mostly transactions (funding reports, reconciliation), applied
 * with `SET LOCAL` so they end with the transaction. JIT compilation costs 0.2–0.8 s per query on
 * these scan-and-aggregate queries, more than it saves; more working memory lets aggregates over a
 * million groups (chèques, redemptions) run in memory instead of spilling to disk. The report
 * benchmark's SQL baseline runs with the same settings.
 */
export const ANALYTICAL_SETTINGS: ReadonlyArray<readonly [name: string, value: string]> = [
  ['jit', 'off'],
  ['work_mem', '64MB'],
];

export const setLocalAnalyticalSettings = (): string[] => ANALYTICAL_SETTINGS.map(([name, value]) => `SET LOCAL ${name} = '${value}'`);
