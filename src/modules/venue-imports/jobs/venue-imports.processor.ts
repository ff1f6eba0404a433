import { Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../../../queue/job-processor';
import type { Job } from 'bullmq';
import { QUEUE_NAMES } from '../../../queue/queue-names';
import { type VenueImportJob, VenueImportsService } from '../venue-imports.service';

@Processor(QUEUE_NAMES.venueImports)
export class VenueImportsProcessor extends JobProcessor<VenueImportJob> {
  constructor(private readonly imports: VenueImportsService) {
    super();
  }

  protected handle(job: Job<VenueImportJob>): Promise<void> {
    return this.imports.execute(job.data.runId);
  }
}
