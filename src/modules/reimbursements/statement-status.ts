/** `draft` (drawn up by the job) → `validated` (by ANCT) → `paid` (payment confirmed). */
export const STATEMENT_STATUSES = ['draft', 'validated', 'paid'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export const PAYMENT_BATCH_STATUSES = ['exported', 'confirmed', 'cancelled'] as const;
export type PaymentBatchStatus = (typeof PAYMENT_BATCH_STATUSES)[number];
