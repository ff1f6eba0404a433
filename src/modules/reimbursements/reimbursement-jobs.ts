/** Job names on the `reimbursements` queue (one processor dispatches on them). */
export const REIMBURSEMENT_JOBS = {
  drawUpStatements: 'draw-up-statements',
  computeStateShare: 'compute-state-share',
} as const;
