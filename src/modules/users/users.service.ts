import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { ActorCache } from '../../auth/actor-cache';
import { AuthService } from '../../auth/auth.service';
import { ROLE_BY_ORGANISATION_KIND } from '../../auth/role';
import { newSecretToken, sha256 } from '../../auth/secret-token';
import { NotFoundError } from '../../common/errors/common-errors';
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

const INVITATION_VALIDITY_DAYS = 7;

export interface UserView {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: string;
  isOrganisationAdmin: boolean;
  status: string;
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

  /** Organisation admins invite into their own organisation; ANCT admins into any. */
  async invite(actor: OrganisationActor, organisationId: string | undefined, newUser: NewUser): Promise<Invitation> {
    const targetId = actor.organisationKind === 'anct' && organisationId ? organisationId : actor.organisationId;
    return this.transactions.run(async (manager) => {
      const organisation = await this.organisations.findById(targetId, manager);
      if (!organisation) throw new NotFoundError('Organisation');
      return this.createInvitedUser(manager, organisation, newUser);
    });
  }

  async createInvitedUser(manager: EntityManager, organisation: OrganisationEntity, newUser: NewUser): Promise<Invitation> {
    const email = newUser.email.trim().toLowerCase();
    if (await this.users.emailExists(manager, email)) {
      throw new UserError('EMAIL_ALREADY_USED', `An account already exists for ${email}.`);
    }
    const invitationToken = newSecretToken();
    const invitationExpiresAt = new Date(Date.now() + INVITATION_VALIDITY_DAYS * 86_400_000);
    const user = await this.users.insert(manager, {
      organisationId: organisation.id,
      email,
      displayName: newUser.displayName,
      role: ROLE_BY_ORGANISATION_KIND[organisation.kind],
      isOrganisationAdmin: newUser.isOrganisationAdmin,
      status: 'invited',
      invitationTokenHash: sha256(invitationToken),
      invitationExpiresAt,
    });
    await this.audit.record(manager, {
      action: 'user.invited',
      objectType: 'user',
      objectId: user.id,
      objectOrganisationId: organisation.id,
      after: { email, role: user.role, isOrganisationAdmin: user.isOrganisationAdmin },
    });
    const invitationUrl = this.notifications.link(WEB_PATHS.invitation, invitationToken);
    await this.notifications.sendToPerson(manager, {
      kind: 'invitation',
      eventKey: `user.invited:${user.id}`,
      recipient: { userId: user.id, email },
      content: invitationMail({
        displayName: user.displayName,
        organisationName: organisation.name,
        invitationUrl,
        expiresAt: invitationExpiresAt,
      }),
    });
    return { user: toUserView(user), invitationToken, invitationUrl, invitationExpiresAt };
  }

  async list(actor: OrganisationActor, query: ListUsersQuery): Promise<Page<UserView>> {
    const targetId = actor.organisationKind === 'anct' && query.organisationId ? query.organisationId : actor.organisationId;
    const { items, total } = await this.users.listInOrganisation(targetId, query);
    return { items: items.map(toUserView), total, limit: query.limit, offset: query.offset };
  }

  async deactivate(actor: OrganisationActor, userId: string): Promise<UserView> {
    if (userId === actor.userId) {
      throw new UserError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account; ask another administrator.');
    }
    const deactivated = await this.transactions.run(async (manager) => {
      const scope = actor.organisationKind === 'anct' ? null : actor.organisationId;
      const user = await this.users.findInOrganisation(userId, scope, manager);
      if (!user) throw new NotFoundError('User');
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
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}
