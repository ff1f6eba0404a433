import { CarnetsJobsModule } from './modules/carnets/jobs/carnets-jobs.module';
import { ExpiryJobsModule } from './modules/expiry/jobs/expiry-jobs.module';
import { PrintingJobsModule } from './modules/printing/jobs/printing-jobs.module';
import { ReconciliationJobsModule } from './modules/reconciliation/jobs/reconciliation-jobs.module';
import { ReimbursementsJobsModule } from './modules/reimbursements/jobs/reimbursements-jobs.module';
import { ReportsJobsModule } from './modules/reports/jobs/reports-jobs.module';
import { JobRecoveryModule } from './queue/job-recovery.module';
import { VenueImportsJobsModule } from './modules/venue-imports/jobs/venue-imports-jobs.module';
import { NotificationsJobsModule } from './modules/notifications/jobs/notifications-jobs.module';
import { PersonalDataJobsModule } from './modules/personal-data/jobs/personal-data-jobs.module';

/**
 * Modules that only the worker loads: the BullMQ processors (`@Processor` classes) of each domain.
 * The API enqueues jobs but never consumes them.
 */
export const WORKER_MODULES = [
  CarnetsJobsModule,
  PrintingJobsModule,
  ReimbursementsJobsModule,
  ExpiryJobsModule,
  ReconciliationJobsModule,
  ReportsJobsModule,
  JobRecoveryModule,
  VenueImportsJobsModule,
  NotificationsJobsModule,
  PersonalDataJobsModule,
];
