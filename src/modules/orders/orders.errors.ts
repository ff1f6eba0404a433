import { DomainError } from '../../common/errors/domain-error';

/** Programme rules an order breaks (422, `details` says which limit and by how much). */
export type OrderErrorCode =
  | 'CARNET_SIZE_NOT_ALLOWED'
  | 'ORDER_BELOW_MINIMUM'
  | 'ORDER_ABOVE_CAP'
  | 'PROGRAMME_CLOSED'
  | 'PROGRAMME_EXPIRED'
  | 'PAYMENT_AMOUNT_MISMATCH'
  | 'PAYMENT_DATE_IN_FUTURE'
  | 'TERRITORY_TOO_LARGE';

export class OrderError extends DomainError<OrderErrorCode> {}
