/** A user's life cycle: invited (a link to accept), active, deactivated. Apart from the entity so the web can import it. */
export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
