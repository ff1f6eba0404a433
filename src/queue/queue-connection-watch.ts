import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { onRedisError } from '../redis/redis-connection-errors';
import { ALL_QUEUE_NAMES } from './queue-names';

/**
 * BullMQ re-emits its connections' errors on each queue and worker; one without an `'error'` listener
 * prints every reconnection attempt as a stack trace on stderr. Every queue and worker of the process is
 * given the shared Redis error report here, so a Redis outage stays one JSON line now and then.
 */
@Injectable()
export class QueueConnectionWatch implements OnApplicationBootstrap {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
  ) {}

  onApplicationBootstrap(): void {
    for (const name of ALL_QUEUE_NAMES) {
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }).on('error', onRedisError(`queue ${name}`));
    }
    // Workers exist in the worker process only, created by @nestjs/bullmq before bootstrap.
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof WorkerHost) instance.worker.on('error', onRedisError(`worker ${instance.worker.name}`));
    }
  }
}
