import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { onRedisError } from '../redis/redis-connection-errors';
import { ActorCache } from './actor-cache';

/**
 * Listens, on a connection of its own (a subscribed connection can run nothing else), for the
 * invalidations any API instance publishes, and empties this instance's ActorCache on each.
 * Whenever the connection drops, the cache stops keeping callers until it is subscribed again.
 */
@Injectable()
export class ActorCacheSubscriber implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ActorCacheSubscriber.name);
  private connection: Redis | null = null;
  private subscription: Promise<void> = Promise.resolve();
  private subscribed = false;
  private lossReported = false;

  constructor(
    private readonly config: AppConfig,
    private readonly cache: ActorCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.cache.enabled) return;
    // Subscribed again by hand on each (re)connection, so that the cache resumes only once Redis has confirmed it.
    const connection = new Redis(this.config.REDIS_URL, {
      lazyConnect: true,
      autoResubscribe: false,
      connectionName: `${this.cache.channel}:subscriber`,
    });
    connection.on('message', () => this.cache.invalidateHere());
    connection.on('ready', () => {
      this.subscription = this.subscribe(connection);
    });
    connection.on('close', () => this.lose());
    // ioredis emits an error on every reconnection attempt: reported with every other client's, once in a while.
    connection.on('error', onRedisError('auth cache subscriber'));
    this.connection = connection;
    await connection.connect();
    // The first requests are then cached like the others.
    await this.subscription;
  }

  async onApplicationShutdown(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.connection = null;
    await connection.quit().catch(() => connection.disconnect());
  }

  private async subscribe(connection: Redis): Promise<void> {
    try {
      await connection.subscribe(this.cache.channel);
    } catch (error) {
      this.logger.error(
        `Could not subscribe to ${this.cache.channel}; authenticated callers are read from PostgreSQL until the connection is re-established (${(error as Error).message})`,
      );
      return;
    }
    this.cache.startListening();
    this.subscribed = true;
    if (this.lossReported) this.logger.log(`Listening to ${this.cache.channel} again; authenticated callers are cached again`);
    this.lossReported = false;
  }

  private lose(): void {
    this.cache.stopListening();
    if (this.subscribed && this.connection) {
      this.logger.warn(`Lost ${this.cache.channel}; authenticated callers are read from PostgreSQL until Redis is back`);
      this.lossReported = true;
    }
    this.subscribed = false;
  }
}
