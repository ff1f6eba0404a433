import { Injectable } from '@nestjs/common';
import { parisToday } from '../../common/time/paris-time';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { distributionClosesAt } from '../passes/passes.rules';
import { NotificationDigestsRepository, type DigestRow } from './notification-digests.repository';
import { carnetsExpiringMail, distributionStoppingMail, type ExpiringGroup } from './notification-messages';
import { NotificationsService } from './notifications.service';
import { WEB_PATHS } from '../../web/web-paths';

export const WRITE_DIGESTS_JOB = 'write-digests';

/**
 * Daily: one J-30 digest and one J-15 digest per organisation and expiry day, whatever the number of carnets.
 * The event key names the organisation and the expiry day, so running again the same day (or the next)
 * writes nothing new for carnets already announced.
 */
@Injectable()
export class NotificationDigestsService {
  constructor(
    private readonly digests: NotificationDigestsRepository,
    private readonly notifications: NotificationsService,
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  async writeDigests(): Promise<{ expiringMessages: number; distributionMessages: number }> {
    let expiringMessages = 0;
    for (const group of groupByOrganisationAndDay(await this.digests.expiringUnused(this.config.EXPIRY_WARNING_DAYS))) {
      expiringMessages += await this.transactions.run((manager) =>
        this.notifications.notifyOrganisations(manager, {
          kind: 'carnets_expiring',
          eventKey: `carnets_expiring:${group.organisationId}:${parisToday(group.expiresAt)}`,
          organisations: [group.organisationId],
          content: carnetsExpiringMail({ expiresAt: group.expiresAt, groups: group.orders, url: this.notifications.link(WEB_PATHS.home) }),
        }),
      );
    }
    let distributionMessages = 0;
    for (const group of groupByOrganisationAndDay(await this.digests.distributionClosed(this.config.DISTRIBUTION_STOP_DAYS))) {
      distributionMessages += await this.transactions.run((manager) =>
        this.notifications.notifyOrganisations(manager, {
          kind: 'distribution_stopping',
          eventKey: `distribution_stopping:${group.organisationId}:${parisToday(group.expiresAt)}`,
          organisations: [group.organisationId],
          content: distributionStoppingMail({
            closesAt: distributionClosesAt(group.expiresAt, this.config.DISTRIBUTION_STOP_DAYS),
            expiresAt: group.expiresAt,
            groups: group.orders,
            url: this.notifications.link(WEB_PATHS.home),
          }),
        }),
      );
    }
    return { expiringMessages, distributionMessages };
  }
}

interface OrganisationDigest {
  organisationId: string;
  expiresAt: Date;
  orders: ExpiringGroup[];
}

/** Rows arrive sorted by organisation and expiry: one digest per (organisation, expiry day). */
export function groupByOrganisationAndDay(rows: DigestRow[]): OrganisationDigest[] {
  const digests = new Map<string, OrganisationDigest>();
  for (const row of rows) {
    const key = `${row.organisationId}:${parisToday(row.expiresAt)}`;
    const digest = digests.get(key) ?? { organisationId: row.organisationId, expiresAt: row.expiresAt, orders: [] };
    const existing = digest.orders.find((order) => order.orderNumber === row.orderNumber);
    if (existing) {
      existing.carnets += row.carnets;
      existing.unusedVouchers += row.unusedVouchers;
      existing.unusedValueCents = String(BigInt(existing.unusedValueCents) + BigInt(row.unusedValueCents));
    } else {
      digest.orders.push({
        orderNumber: row.orderNumber,
        carnets: row.carnets,
        unusedVouchers: row.unusedVouchers,
        unusedValueCents: row.unusedValueCents,
      });
    }
    digests.set(key, digest);
  }
  return [...digests.values()];
}
