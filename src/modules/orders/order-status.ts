export const ORDER_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'paid', 'generating', 'ready', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
