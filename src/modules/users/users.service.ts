import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { ActorCache } from '../../auth/actor-cache';
import { AuthService } from '../../auth/auth.service';
import { ROLE_BY_ORGANISATION_KIND } from '../../auth/role';
import { newSecretToken, sha256 } from '../../auth/secret-token';
import { ForbiddenError, NotFoundError } from '../../common/errors/common-errors';
import type { Page } from '../../common/http/pagination.query';
import type { ListUsersQuery } from './dto/list-users.query';
import { TransactionRunner } from '../../database/transaction-runner';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { invitationMail } from '../notifications/notification-messages';
import { NotificationsService } from '../notifications/notifications.service';
import { WEB_PATHS } from '../../web/web-paths';
import { UserEntity } from './user.entity';
import { UserError } from './users.errors';
import { UsersRepository } from './users.repository';
import { invitationExpiry, invitationOutcome, peopleAccess } from './users.rules';

export interface UserView {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: string;
  isOrganisationAdmin: boolean;
  status: string;
  /** While the invitation is pending: when its link was last sent, and until when it works. */
  invitationSentAt: Date | null;
  invitationExpiresAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

/**
 * The invited person receives the link by e-mail; a signed-in inviter gets it too, to hand over if the e-mail goes
 * astray (an anonymous venue application does not: see VenuesService.apply). It works once, for 7 days.
 */
export interface Invitation {
  user: UserView;
  invitationToken: string;
  invitationUrl: string;
  invitationExpiresAt: Date;
}

export interface NewUser {
  email: string;
  displayName: string;
  isOrganisationAdmin: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly actorCache: ActorCache,
    private readonly notifications: NotificationsService,
  ) {}

  /** Into the caller's organisation, or another one it manages the people of (see peopleAccess). */
  async invite(actor: OrganisationActor, organisationId: string | undefined, newUser: NewUser): Promise<Invitation> {
    return this.transactions.run(async (manager) => {
      const organisation = await this.managedOrganisation(actor, organisationId ?? actor.organisationId, 'Organisation', manager);
      return this.createInvitedUser(manager, organisation, newUser);
    });
  }

  /**
   * Invites an address into `organisation`, in the caller's transaction: a new invited user, or the same row
   * invited again when the address is only held by an invitation that expired unaccepted (invitationOutcome).
   */
  async createInvitedUser(manager: EntityManager, organisation: OrganisationEntity, newUser: NewUser): Promise<Invitation> {
    const email = newUser.email.trim().toLowerCase();
    const existing = await this.users.findByEmailForUpdate(manager, email);
    const outcome = invitationOutcome(existing, new Date());
    if (outcome === 'taken') throw new UserError('EMAIL_ALREADY_USED', `An account already exists for ${email}.`);
    const link = newInvitationLink();
    const values = {
      organisationId: organisation.id,
      email,
      displayName: newUser.displayName,
      role: ROLE_BY_ORGANISATION_KIND[organisation.kind],
      isOrganisationAdmin: newUser.isOrganisationAdmin,
      status: 'invited' as const,
      invitationTokenHash: sha256(link.token),
      invitationSentAt: link.sentAt,
      invitationExpiresAt: link.expiresAt,
    };
    let user: UserEntity;
    let before: Record<string, unknown> | null = null;
    if (existing && outcome === 'reinvite') {
      before = {
        organisationId: existing.organisationId,
        displayName: existing.displayName,
        role: existing.role,
        isOrganisationAdmin: existing.isOrganisationAdmin,
        invitationExpiresAt: existing.invitationExpiresAt,
      };
      await this.notifications.withdrawPending(manager, existing.id, 'invitation');
      user = await this.users.save(manager, Object.assign(existing, values));
    } else {
      user = await this.users.insert(manager, values);
    }
    await this.audit.record(manager, {
      action: 'user.invited',
      objectType: 'user',
      objectId: user.id,
      objectOrganisationId: organisation.id,
      before,
      after: {
        email,
        role: user.role,
        isOrganisationAdmin: user.isOrganisationAdmin,
        ...(before ? { organisationId: organisation.id, reinvited: true, invitationExpiresAt: link.expiresAt } : {}),
      },
    });
    return this.sendInvitation(manager, user, organisation, link);
  }

  async list(actor: OrganisationActor, query: ListUsersQuery): Promise<Page<UserView>> {
    const organisation = await this.managedOrganisation(actor, query.organisationId ?? actor.organisationId, 'Organisation');
    const { items, total } = await this.users.listInOrganisation(organisation.id, query);
    return { items: items.map(toUserView), total, limit: query.limit, offset: query.offset };
  }

  /** A new link (the previous one stops working), valid 7 days from now, e-mailed again; expired or not. */
  async resendInvitation(actor: OrganisationActor, userId: string): Promise<Invitation> {
    return this.transactions.run(async (manager) => {
      const { user, organisation } = await this.pendingInvitation(actor, userId, manager);
      const before = { invitationSentAt: user.invitationSentAt, invitationExpiresAt: user.invitationExpiresAt };
      const link = newInvitationLink();
      user.invitationTokenHash = sha256(link.token);
      user.invitationSentAt = link.sentAt;
      user.invitationExpiresAt = link.expiresAt;
      await this.users.save(manager, user);
      await this.notifications.withdrawPending(manager, user.id, 'invitation');
      await this.audit.record(manager, {
        action: 'user.invitation_resent',
        objectType: 'user',
        objectId: user.id,
        objectOrganisationId: user.organisationId,
        before,
        after: { invitationSentAt: link.sentAt, invitationExpiresAt: link.expiresAt },
      });
      return this.sendInvitation(manager, user, organisation, link);
    });
  }

  /**
   * The invitation is withdrawn and its user row deleted: the person never had an account, and the address is
   * free for another invitation at once. The e-mail not sent yet is withdrawn; the audit trail keeps who it was.
   */
  async cancelInvitation(actor: OrganisationActor, userId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const { user } = await this.pendingInvitation(actor, userId, manager);
      await this.notifications.withdrawPending(manager, user.id, 'invitation');
      await this.notifications.forgetRecipientUser(manager, user.id);
      if (!(await this.users.deleteInvited(manager, user.id))) throw invitationNotPending(user);
      await this.audit.record(manager, {
        action: 'user.invitation_cancelled',
        objectType: 'user',
        objectId: user.id,
        objectOrganisationId: user.organisationId,
        before: {
          email: user.email,
          displayName: user.displayName,
          role: user.role,
          isOrganisationAdmin: user.isOrganisationAdmin,
          status: user.status,
          invitationSentAt: user.invitationSentAt,
          invitationExpiresAt: user.invitationExpiresAt,
        },
        after: null,
      });
    });
  }

  /**
   * The person can no longer sign in (refresh tokens revoked, every instance's actor cache emptied), whoever
   * manages their organisation's people (see peopleAccess): a funder removes the access of an agent who left one of
   * its structures, even one with no administrator left. Out of reach answers 404, within reach without the right
   * 403, and only then is one's own account refused.
   */
  async deactivate(actor: OrganisationActor, userId: string): Promise<UserView> {
    const deactivated = await this.transactions.run(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, userId);
      if (!user) throw new NotFoundError('User');
      await this.managedOrganisation(actor, user.organisationId, 'User', manager);
      if (user.id === actor.userId) {
        throw new UserError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account; ask another administrator.');
      }
      const before = { status: user.status };
      user.status = 'deactivated';
      user.invitationTokenHash = null;
      await this.users.save(manager, user);
      await this.auth.revokeAllRefreshTokensOfUser(manager, user.id);
      await this.audit.record(manager, {
        action: 'user.deactivated',
        objectType: 'user',
        objectId: user.id,
        objectOrganisationId: user.organisationId,
        before,
        after: { status: user.status },
      });
      return toUserView(user);
    });
    await this.actorCache.invalidateEverywhere();
    return deactivated;
  }

  /** The link e-mailed through the outbox (one message per link sent) and answered to the signed-in inviter. */
  private async sendInvitation(
    manager: EntityManager,
    user: UserEntity,
    organisation: OrganisationEntity,
    { token, expiresAt }: InvitationLink,
  ): Promise<Invitation> {
    const invitationUrl = this.notifications.link(WEB_PATHS.invitation, token);
    await this.notifications.sendToPerson(manager, {
      kind: 'invitation',
      // One event per link: a re-sent invitation is a new message, not a duplicate of the first.
      eventKey: `user.invited:${user.id}:${sha256(token).toString('hex', 0, 8)}`,
      recipient: { userId: user.id, email: user.email },
      content: invitationMail({
        displayName: user.displayName,
        organisationName: organisation.name,
        invitationUrl,
        expiresAt,
      }),
    });
    return { user: toUserView(user), invitationToken: token, invitationUrl, invitationExpiresAt: expiresAt };
  }

  /** A user whose invitation is pending, locked, in an organisation the actor manages the people of; 404 otherwise. */
  private async pendingInvitation(
    actor: OrganisationActor,
    userId: string,
    manager: EntityManager,
  ): Promise<{ user: UserEntity; organisation: OrganisationEntity }> {
    const user = await this.users.findByIdForUpdate(manager, userId);
    if (!user) throw new NotFoundError('User');
    const organisation = await this.managedOrganisation(actor, user.organisationId, 'User', manager);
    if (user.status !== 'invited') throw invitationNotPending(user);
    return { user, organisation };
  }

  /** The organisation if the actor may manage its people; another one answers like a missing `resource`. */
  private async managedOrganisation(
    actor: OrganisationActor,
    organisationId: string,
    resource: 'Organisation' | 'User',
    manager?: EntityManager,
  ): Promise<OrganisationEntity> {
    const organisation = await this.organisations.findById(organisationId, manager);
    const funderIds =
      organisation && actor.organisationKind === 'funder' && organisation.kind === 'prescriber'
        ? await this.organisations.funderIdsOfPrescriber(organisation.id, manager)
        : [];
    const access = peopleAccess(actor, organisation && { id: organisation.id, kind: organisation.kind, funderIds });
    if (access === 'forbidden') throw new ForbiddenError("Only your organisation's administrators may do this.");
    if (access === 'not_found' || !organisation) throw new NotFoundError(resource);
    return organisation;
  }
}

interface InvitationLink {
  token: string;
  sentAt: Date;
  expiresAt: Date;
}

function newInvitationLink(): InvitationLink {
  const sentAt = new Date();
  return { token: newSecretToken(), sentAt, expiresAt: invitationExpiry(sentAt) };
}

function invitationNotPending(user: UserEntity): UserError {
  return new UserError('INVITATION_NOT_PENDING', `${user.email} has no pending invitation (status ${user.status}).`, {
    status: user.status,
  });
}

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    organisationId: user.organisationId,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    isOrganisationAdmin: user.isOrganisationAdmin,
    status: user.status,
    invitationSentAt: user.status === 'invited' ? user.invitationSentAt : null,
    invitationExpiresAt: user.status === 'invited' ? user.invitationExpiresAt : null,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}
