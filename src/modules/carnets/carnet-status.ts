export const CARNET_STATUSES = ['in_stock', 'allocated', 'issued', 'fully_used', 'expired', 'cancelled'] as const;
export type CarnetStatus = (typeof CARNET_STATUSES)[number];
