import { CarnetsJobsModule } from './modules/carnets/carnets-jobs.module';
import { PrintingJobsModule } from './modules/printing/printing-jobs.module';

/**
 * Modules that only the worker loads: the BullMQ processors (`@Processor` classes) of each domain.
 * The API enqueues jobs but never consumes them.
 */
export const WORKER_MODULES = [
  CarnetsJobsModule,
  PrintingJobsModule,
];
