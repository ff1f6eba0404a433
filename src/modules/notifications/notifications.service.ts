import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { webLink } from '../../web/web-paths';
import type { NotificationKind } from './notification-kind';
import type { MailContent } from './notification-messages';
import { OutboxRepository, type Recipient } from './outbox.repository';

/**
 * Writes e-mails to the outbox inside the caller's transaction: the message exists if and only if the event
 * that causes it was committed, and the worker sends it later (see OutboxService). Every call names its
 * event with a key; writing the same event twice for a recipient does nothing the second time.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly config: AppConfig,
  ) {}

  /** To the users of these organisations (or of ANCT) who did not turn `kind` off. Returns how many messages were written. */
  async notifyOrganisations(
    manager: EntityManager,
    notification: { kind: NotificationKind; eventKey: string; organisations: string[] | 'anct'; content: MailContent },
  ): Promise<number> {
    const recipients = await this.outbox.recipientsInOrganisations(manager, notification.organisations, notification.kind);
    return this.outbox.insertMessages(manager, notification.eventKey, notification.kind, recipients, notification.content);
  }

  /** To one person, whatever their preferences: invitations and password resets answer a request. */
  sendToPerson(
    manager: EntityManager,
    message: { kind: NotificationKind; eventKey: string; recipient: Recipient; content: MailContent },
  ): Promise<number> {
    return this.outbox.insertMessages(manager, message.eventKey, message.kind, [message.recipient], message.content);
  }

  /**
   * Takes back, in the caller's transaction, the e-mails of `kind` to this user that are not sent yet (a link
   * replaced by a newer one, or cancelled, must not arrive after the fact). Returns how many were withdrawn.
   */
  withdrawPending(manager: EntityManager, userId: string, kind: NotificationKind): Promise<number> {
    return this.outbox.withdrawPending(manager, userId, kind);
  }

  /** Before a user row is deleted: the e-mails already sent to it stay in the outbox under their address only. */
  forgetRecipientUser(manager: EntityManager, userId: string): Promise<void> {
    return this.outbox.detachRecipientUser(manager, userId);
  }

  /** An address of the web application (a route of WEB_PATHS) under PUBLIC_BASE_URL, for links in messages; a token goes in the fragment. */
  link(path: string, token?: string): string {
    return webLink(this.config.PUBLIC_BASE_URL, path, token);
  }
}
