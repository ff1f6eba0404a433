import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ensureJobQueued, type RecoveryOccasion } from '../../queue/job-recovery';
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
   * Called when the payment is recorded, and by the workers' recovery for paid or generating orders.
   */
  ensureQueued(orderId: string, occasion: RecoveryOccasion = 'start'): Promise<boolean> {
    return ensureJobQueued(this.queue, carnetGenerationJobId(orderId), CARNET_GENERATION_JOB, { orderId }, occasion);
  }
}
