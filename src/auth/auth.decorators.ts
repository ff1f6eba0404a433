import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';
import type { Role } from './role';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';
export const ORGANISATION_ADMIN_ONLY = 'auth:organisation-admin';
export const USERS_ONLY = 'auth:users-only';

/** No authentication: health checks, login, public venue map, published keys. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

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
