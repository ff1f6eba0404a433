import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { type Dependency, ServiceUnavailableError } from '../common/errors/common-errors';
import { REDIS_CLIENT } from '../redis/redis.module';
import { LivenessDto, ReadinessDto } from './dto/health.dto';

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  /** Liveness: the process answers. */
  @Public()
  @Get()
  @ApiOkResponse({ type: LivenessDto })
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: PostgreSQL and Redis answer; 503 otherwise, so a load balancer stops sending traffic. The
   * 503 is the API's error body (`SERVICE_UNAVAILABLE`), naming what is down in `details.unavailable` and
   * each check's outcome in `details.checks`.
   */
  @Public()
  @Get('ready')
  // Terminus would document its own 503 body; the answer is the API's error body.
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiErrors('SERVICE_UNAVAILABLE')
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.check();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      throw ServiceUnavailableError.dependencies(Object.keys(result.error ?? {}) as Dependency[], { checks: result.details });
    }
  }

  private check(): Promise<HealthCheckResult> {
    return this.health.check([
      () =>
        this.indicators
          .check('postgres')
          .attempt(async () => {
            await this.dataSource.query('SELECT 1');
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await this.redis.ping();
          })
          .withTimeout(CHECK_TIMEOUT_MS),
    ]);
  }
}
