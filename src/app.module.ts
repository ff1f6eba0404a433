import { DynamicModule, Module } from '@nestjs/common';
import { ActorCacheSubscriberModule } from './auth/actor-cache-subscriber.module';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { DOMAIN_MODULES } from './domain-modules';
import { HealthModule } from './health/health.module';

/** The HTTP API process. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [CoreModule.forRoot(config), ActorCacheSubscriberModule, HealthModule, ...DOMAIN_MODULES] };
  }
}
