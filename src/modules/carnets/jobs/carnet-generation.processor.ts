import { Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../../../queue/job-processor';
import type { Job } from 'bullmq';
import type { RecoveryOccasion, RecoversJobs } from '../../../queue/job-recovery';
import { QUEUE_NAMES } from '../../../queue/queue-names';
import { CarnetGenerationService } from '../carnet-generation.service';
import type { CarnetGenerationJobData } from '../carnet-generation.queue';

/**
 * A short lock, renewed every 5 s while the job runs (the generation yields to the event loop often):
 * if the worker dies, another one resumes the order within about 15 s instead of a minute. A job may
 * stall a few times (crashes, deployments) before BullMQ gives up on it.
 */
@Processor(QUEUE_NAMES.carnetGeneration, { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 3 })
export class CarnetGenerationProcessor extends JobProcessor<CarnetGenerationJobData> implements RecoversJobs {
  constructor(private readonly generation: CarnetGenerationService) {
    super();
  }

  protected async handle(job: Job<CarnetGenerationJobData>): Promise<void> {
    await this.generation.generate(job.data.orderId, (progress) => job.updateProgress({ ...progress }));
  }

  /** A paid order whose job was never queued (the API died in between) or was lost by Redis gets it here. */
  recoverJobs(occasion: RecoveryOccasion): Promise<number> {
    return this.generation.requeueUnfinished(occasion);
  }
}
