/** The recurring money jobs whose runs are recorded in `job_runs` (one row per run, its truth in PostgreSQL). */
export const JOB_RUN_KINDS = ['reimbursement_statements', 'expiry', 'state_share', 'reconciliation'] as const;
export type JobRunKind = (typeof JOB_RUN_KINDS)[number];

export const JOB_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

export const JOB_RUN_TRIGGERS = ['schedule', 'manual'] as const;
export type JobRunTrigger = (typeof JOB_RUN_TRIGGERS)[number];
