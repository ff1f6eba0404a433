import { Module } from '@nestjs/common';
import { ActorCacheSubscriber } from './actor-cache-subscriber';

/** API only: the worker authenticates no requests, so it neither caches callers nor needs to hear invalidations. */
@Module({ providers: [ActorCacheSubscriber] })
export class ActorCacheSubscriberModule {}
