import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QUEUE_NAMES } from '../../../queue/queue-names';
import { type VenueImportJob, VenueImportsService } from '../venue-imports.service';

@Processor(QUEUE_NAMES.venueImports)
export class VenueImportsProcessor extends WorkerHost {
  constructor(private readonly imports: VenueImportsService) {
    super();
  }

  process(job: Job<VenueImportJob>): Promise<void> {
    return this.imports.execute(job.data.runId);
  }
}
