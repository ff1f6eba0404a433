import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES } from '../../queue/queue-names';

export interface CarnetGenerationJobData {
  orderId: string;
}

export const CARNET_GENERATION_JOB = 'generate-order';

/** One job per order, ever: the id is derived from the order, so enqueuing twice is a no-op. */
export function carnetGenerationJobId(orderId: string): string {
  return `order-${orderId}`;
}

@Injectable()
export class CarnetGenerationQueue {
  constructor(@InjectQueue(QUEUE_NAMES.carnetGeneration) private readonly queue: Queue<CarnetGenerationJobData>) {}

  /**
   * Makes sure the order's generation job will run: adds it, or retries it if it failed every attempt.
   * Called when the payment is recorded and by every worker at start-up for paid or generating orders.
   */
  async ensureQueued(orderId: string): Promise<void> {
    const jobId = carnetGenerationJobId(orderId);
    const existing = await this.queue.getJob(jobId);
    if (!existing) {
      await this.queue.add(CARNET_GENERATION_JOB, { orderId }, { jobId });
      return;
    }
    if (await existing.isFailed()) await existing.retry('failed');
  }
}
