/** Every BullMQ queue of the platform. Payloads carry ids only; the truth of a job lives in PostgreSQL. */
export const QUEUE_NAMES = {
  carnetGeneration: 'carnet-generation',
  printRuns: 'print-runs',
  reimbursements: 'reimbursements',
  expiry: 'expiry',
  reconciliation: 'reconciliation',
  reports: 'reports',
  venueImports: 'venue-imports',
  notifications: 'notifications',
  personalData: 'personal-data',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
export const ALL_QUEUE_NAMES: QueueName[] = Object.values(QUEUE_NAMES);
