import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { CommonError, ForbiddenError } from '../common/errors/common-errors';
import { currentContext } from '../common/request-context';
import { type Actor, isOrganisationActor } from './actor';
import { ALLOWED_ROLES, ORGANISATION_ADMIN_ONLY, PUBLIC_ROUTE, USERS_ONLY } from './auth.decorators';
import { API_KEY_PREFIX, AuthService } from './auth.service';
import { csrfRejected } from './auth.errors';
import { checkCsrf, sessionAccessToken } from './browser-session';
import type { Role } from './role';

/**
 * Global guard: every route is closed unless marked `@Public()`, and a non-public route without
 * `@Roles(...)` is refused outright — forgetting to declare roles can never open an endpoint.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const authenticated = await this.authenticate(request);
    const actor = authenticated?.actor;
    if (!actor) throw new CommonError('UNAUTHENTICATED', 'Authentication required: send a valid access token or API key.');

    if (authenticated.viaSessionCookie) {
      const verdict = checkCsrf(request, this.config.PUBLIC_BASE_URL);
      if (!verdict.allowed) throw csrfRejected(verdict.reason);
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    // Every role-guarded route acts for one organisation; a person or key without one is refused here, once.
    if (!roles || !actor.role || !roles.includes(actor.role) || !isOrganisationActor(actor)) throw new ForbiddenError();
    if (this.reflector.getAllAndOverride<boolean>(USERS_ONLY, targets) && actor.kind !== 'user') {
      throw new ForbiddenError('This action must be taken by a person, not an API key.');
    }
    if (this.reflector.getAllAndOverride<boolean>(ORGANISATION_ADMIN_ONLY, targets) && !actor.isOrganisationAdmin) {
      throw new ForbiddenError("Only your organisation's administrators may do this.");
    }
    request.actor = actor;
    const requestContext = currentContext();
    if (requestContext) requestContext.actor = actor;
    return true;
  }

  /**
   * Software sends an API key or a bearer token; a browser sends its session cookie. A request with a
   * header is judged by the header alone, so a software client never trips over the CSRF rules.
   */
  private async authenticate(request: FastifyRequest): Promise<{ actor: Actor | null; viaSessionCookie: boolean } | null> {
    const apiKeyHeader = request.headers['x-api-key'];
    if (typeof apiKeyHeader === 'string') return { actor: await this.auth.authenticateApiKey(apiKeyHeader), viaSessionCookie: false };
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const token = authorization.slice('Bearer '.length).trim();
      const actor = token.startsWith(API_KEY_PREFIX)
        ? await this.auth.authenticateApiKey(token)
        : await this.auth.authenticateAccessToken(token);
      return { actor, viaSessionCookie: false };
    }
    if (authorization) return null;
    const sessionToken = sessionAccessToken(request);
    if (!sessionToken) return null;
    return { actor: await this.auth.authenticateAccessToken(sessionToken), viaSessionCookie: true };
  }
}
