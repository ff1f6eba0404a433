import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import type { NotificationPreferencesDto } from './dto/notification-preferences.dto';
import type { NotificationChoiceDto } from './dto/update-notification-preferences.dto';
import { NOTIFICATION_LABELS, OPTIONAL_NOTIFICATIONS_BY_ORGANISATION_KIND, type NotificationKind } from './notification-kind';
import { NotificationError } from './notifications.errors';
import { OutboxRepository } from './outbox.repository';

/** Preferences are a person's: the routes are @UsersOnly, so the actor always has a user id. */
function userIdOf(actor: Actor): string {
  if (!actor.userId) throw new Error('Notification preferences need a signed-in person (the actor has no user id).');
  return actor.userId;
}

/** Each user chooses, among the notifications of their kind of organisation, those they receive (all by default). */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly outbox: OutboxRepository) {}

  async get(actor: Actor): Promise<NotificationPreferencesDto> {
    const off = new Set(await this.outbox.optedOutKinds(userIdOf(actor)));
    return {
      preferences: this.applicableKinds(actor).map((kind) => ({ kind, label: NOTIFICATION_LABELS[kind], enabled: !off.has(kind) })),
    };
  }

  async update(actor: Actor, choices: NotificationChoiceDto[]): Promise<NotificationPreferencesDto> {
    const applicable = new Set(this.applicableKinds(actor));
    const refused = choices.filter((choice) => !applicable.has(choice.kind)).map((choice) => choice.kind);
    if (refused.length > 0) {
      throw new NotificationError(
        'NOTIFICATION_NOT_APPLICABLE',
        `Ces notifications ne concernent pas votre organisation ou ne peuvent pas être désactivées : ${refused.join(', ')}.`,
        {
          kinds: refused,
          applicable: [...applicable],
        },
      );
    }
    await this.outbox.setOptOuts(userIdOf(actor), choices);
    return this.get(actor);
  }

  private applicableKinds(actor: Actor): readonly NotificationKind[] {
    return actor.organisationKind ? OPTIONAL_NOTIFICATIONS_BY_ORGANISATION_KIND[actor.organisationKind] : [];
  }
}
