import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { RateLimitedError } from '../../common/errors/common-errors';
import { type CounterState, FailureCounter } from '../../common/rate-limit/failure-counter';
import { currentContext } from '../../common/request-context';
import { AppConfig } from '../../config/app-config';

interface Counter {
  scope: 'actor' | 'venue' | 'ip';
  key: string;
  max: number;
}

/**
 * Anti-guessing. Codes have 75 random bits, so guessing is hopeless; this makes trying expensive and
 * visible anyway. Look-ups that find no chèque are counted per person (or API key), per venue and per
 * IP address; once one count reaches its threshold, look-ups are refused (429) before touching the
 * database, until the window ends. Crossing a threshold leaves an audit row for ANCT.
 */
@Injectable()
export class VoucherLookupLimiter {
  private readonly logger = new Logger(VoucherLookupLimiter.name);

  constructor(
    private readonly config: AppConfig,
    private readonly failures: FailureCounter,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async assertAllowed(actor: OrganisationActor): Promise<void> {
    const counters = this.countersOf(actor);
    const states = await this.failures.peekMany(
      counters.map((counter) => counter.key),
      counters.map((counter) => counter.max),
    );
    refuseIfBlocked(counters, states);
  }

  /** Records the unknown codes (`recordUnknownCodes`), then refuses (429) if a threshold is now reached, from the counts just written. */
  async recordUnknownCodesAndAssertAllowed(actor: OrganisationActor, count: number): Promise<void> {
    const { counters, states } = await this.recordUnknownCodes(actor, count);
    refuseIfBlocked(counters, states);
  }

  /** Counts `count` unknown codes against the caller (user, venue, IP); a threshold crossed is audited for ANCT. */
  async recordUnknownCodes(actor: OrganisationActor, count: number): Promise<{ counters: Counter[]; states: CounterState[] }> {
    const counters = this.countersOf(actor);
    if (count === 0) return { counters, states: [] };
    const window = this.config.VOUCHER_LOOKUP_WINDOW_SECONDS;
    const states = await Promise.all(counters.map((counter) => this.failures.record(counter.key, window, count)));
    const crossed = counters.filter((counter, index) => states[index].count >= counter.max && states[index].count - count < counter.max);
    for (const counter of crossed) {
      const ip = currentContext()?.ip ?? null;
      this.logger.warn(
        `Voucher look-ups blocked for ${counter.scope} (${actor.label}, venue ${actor.organisationId}, ip ${ip}): ${counter.max} unknown codes`,
      );
      // Outside the request's transaction: the request is about to fail, the security event must stay.
      await this.audit.record(this.dataSource.manager, {
        action: 'voucher_lookup.blocked',
        objectType: 'organisation',
        objectId: actor.organisationId,
        objectOrganisationId: actor.organisationId,
        after: { scope: counter.scope, threshold: counter.max, windowSeconds: window, ip },
      });
    }
    return { counters, states };
  }

  private countersOf(actor: OrganisationActor): Counter[] {
    const ip = currentContext()?.ip ?? 'unknown';
    return [
      {
        scope: 'actor',
        key: `voucher-lookup-failures:actor:${actor.userId ?? actor.apiKeyId}`,
        max: this.config.VOUCHER_LOOKUP_MAX_FAILURES_PER_ACTOR,
      },
      {
        scope: 'venue',
        key: `voucher-lookup-failures:venue:${actor.organisationId}`,
        max: this.config.VOUCHER_LOOKUP_MAX_FAILURES_PER_VENUE,
      },
      { scope: 'ip', key: `voucher-lookup-failures:ip:${ip}`, max: this.config.VOUCHER_LOOKUP_MAX_FAILURES_PER_IP },
    ];
  }
}

function refuseIfBlocked(counters: Counter[], states: CounterState[]): void {
  const blocked = states.filter((state, index) => state.count >= counters[index].max);
  if (blocked.length > 0) {
    throw new RateLimitedError(
      Math.max(...blocked.map((state) => state.retryAfterSeconds)),
      'Too many codes that match no chèque. Check what you type; try again later.',
    );
  }
}
