import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Actor } from './actor';
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

/** Every non-public endpoint must declare who may call it; the guard refuses endpoints that do not. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Only the organisation's administrators (user management, API keys). */
export const OrganisationAdminOnly = () => SetMetadata(ORGANISATION_ADMIN_ONLY, true);

/** Refused to API keys: actions a person must take themselves. */
export const UsersOnly = () => SetMetadata(USERS_ONLY, true);

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
