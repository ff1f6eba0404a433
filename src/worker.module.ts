import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { DOMAIN_MODULES } from './domain-modules';
import { WORKER_MODULES } from './worker-modules';

/** The job process: same domain code as the API, with the BullMQ processors listening and no HTTP server. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config), ...DOMAIN_MODULES, ...WORKER_MODULES] };
  }
}
