import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { RateLimitedError } from '../common/errors/common-errors';
import { FailureCounter } from '../common/rate-limit/failure-counter';
import { runInContext, currentContext } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { passwordResetMail } from '../modules/notifications/notification-messages';
import { NotificationsService } from '../modules/notifications/notifications.service';
import { UsersRepository } from '../modules/users/users.repository';
import { WEB_PATHS } from '../web/web-paths';
import { systemActor } from './actor';
import { AuthError } from './auth.errors';
import { AuthService, type TokenPair } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { newSecretToken, sha256 } from './secret-token';

export const PASSWORD_RESET_REQUESTED_MESSAGE =
  'Si un compte actif existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient de lui être envoyé.';

/**
 * Password reset by e-mail. A request always gets the same answer (an address that has no account tells
 * nothing); requests are counted per address and per IP address whether the account exists or not. The
 * link carries a random token stored hashed, valid PASSWORD_RESET_TTL_MINUTES, used at most once; a newer
 * request replaces it. Using it sets the password, ends every other session and signs the person in.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly failures: FailureCounter,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly passwords: PasswordHasher,
    private readonly auth: AuthService,
  ) {}

  async request(email: string, ip: string): Promise<{ message: string }> {
    const normalisedEmail = email.trim().toLowerCase();
    const keys = [`password-reset:email:${normalisedEmail}`, `password-reset:ip:${ip}`];
    const maxima = [this.config.PASSWORD_RESET_MAX_PER_EMAIL, this.config.PASSWORD_RESET_MAX_PER_IP];
    const limited = (await this.failures.peekMany(keys, maxima)).find((state, index) => state.count >= maxima[index]);
    if (limited) throw new RateLimitedError(limited.retryAfterSeconds, 'Trop de demandes de réinitialisation. Réessayez plus tard.');
    await Promise.all(keys.map((key) => this.failures.record(key, this.config.PASSWORD_RESET_WINDOW_SECONDS)));

    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
    await this.transactions.run(async (manager) => {
      const user = await this.users.storePasswordResetToken(manager, normalisedEmail, sha256(token), expiresAt);
      if (!user) return;
      await runInContext(
        { ...(currentContext() ?? { requestId: 'password-reset' }), actor: systemActor(`password-reset:${user.email}`) },
        async () => {
          await this.audit.record(manager, {
            action: 'user.password_reset_requested',
            objectType: 'user',
            objectId: user.id,
            objectOrganisationId: user.organisationId,
            after: { expiresAt: expiresAt.toISOString() },
          });
        },
      );
      await this.notifications.sendToPerson(manager, {
        kind: 'password_reset',
        eventKey: `user.password_reset_requested:${user.id}:${sha256(token).toString('hex').slice(0, 16)}`,
        recipient: { userId: user.id, email: user.email },
        content: passwordResetMail({
          displayName: user.displayName,
          resetUrl: this.notifications.link(WEB_PATHS.newPassword, token),
          validMinutes: this.config.PASSWORD_RESET_TTL_MINUTES,
        }),
      });
    });
    return { message: PASSWORD_RESET_REQUESTED_MESSAGE };
  }

  async reset(token: string, password: string): Promise<TokenPair> {
    const passwordHash = await this.passwords.hash(password);
    return this.transactions.run(async (manager) => {
      const user = await this.users.consumePasswordResetToken(manager, sha256(token), passwordHash);
      if (!user) {
        throw new AuthError(
          'INVALID_PASSWORD_RESET',
          'Ce lien de réinitialisation est inconnu, déjà utilisé ou expiré. Demandez-en un nouveau.',
        );
      }
      await this.auth.revokeAllRefreshTokensOfUser(manager, user.id);
      await runInContext(
        { ...(currentContext() ?? { requestId: 'password-reset' }), actor: systemActor(`password-reset:${user.email}`) },
        () =>
          this.audit.record(manager, {
            action: 'user.password_reset',
            objectType: 'user',
            objectId: user.id,
            objectOrganisationId: user.organisationId,
            after: { otherSessionsRevoked: true },
          }),
      );
      this.logger.log(`Password of user ${user.id} reset by e-mail link`);
      return this.auth.openSession(user.id, manager);
    });
  }
}
