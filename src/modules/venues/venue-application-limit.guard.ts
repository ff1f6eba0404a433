import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { RateLimitedError } from '../../common/errors/common-errors';
import { FailureCounter } from '../../common/rate-limit/failure-counter';

const APPLICATION_WINDOW_SECONDS = 86_400;

/**
 * Public venue applications per client address per day. A guard runs before the body is validated, so a
 * refused application (invalid body, SIRET taken) counts as much as an accepted one: anonymous clients
 * cannot send the endpoint unlimited work.
 */
@Injectable()
export class VenueApplicationLimitGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    private readonly failures: FailureCounter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { ip } = context.switchToHttp().getRequest<FastifyRequest>();
    const attempts = await this.failures.record(`venue-applications:ip:${ip}`, APPLICATION_WINDOW_SECONDS);
    if (attempts.count > this.config.VENUE_APPLICATIONS_PER_IP_PER_DAY) {
      throw new RateLimitedError(attempts.retryAfterSeconds, 'Too many venue applications from this address today.');
    }
    return true;
  }
}
