import { ROLES, type Role } from './role';

export const ANY_ROLE: Role[] = [...ROLES];
