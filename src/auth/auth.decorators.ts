import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { type Actor, isOrganisationActor, type OrganisationActor } from './actor';
import type { Role } from './role';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';
export const ORGANISATION_ADMIN_ONLY = 'auth:organisation-admin';
export const USERS_ONLY = 'auth:users-only';

/** OpenAPI extension on public operations; `buildOpenApiDocument` turns it into `security: []` (no credentials). */
export const PUBLIC_OPERATION_EXTENSION = 'x-public';

/**
 * No authentication: health checks, login, public venue map, published keys. The OpenAPI document says so
 * too, even under a controller that declares a bearer token for its other operations.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));

/**
 * Every non-public endpoint must declare who may call it; the guard refuses endpoints that do not.
 * The guard's refusals (401 without credentials, 403 for another role) are documented with it.
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ALLOWED_ROLES, roles), ApiErrors('UNAUTHENTICATED', 'FORBIDDEN'));

/** Only the organisation's administrators (user management, API keys). */
export const OrganisationAdminOnly = () => applyDecorators(SetMetadata(ORGANISATION_ADMIN_ONLY, true), ApiErrors('FORBIDDEN'));

/** Refused to API keys: actions a person must take themselves. */
export const UsersOnly = () => applyDecorators(SetMetadata(USERS_ONLY, true), ApiErrors('FORBIDDEN'));

/** The actor of a role-guarded route: AuthGuard has checked it acts for an organisation. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): OrganisationActor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor || !isOrganisationActor(request.actor)) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
