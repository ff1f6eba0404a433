import type { components } from '../api/schema';

export type ProgrammeView = components['schemas']['ProgrammeDto'];
export type OrderView = components['schemas']['OrderDto'];
export type OrderLedgerView = components['schemas']['OrderLedgerDto'];
export type CarnetStockView = components['schemas']['CarnetStockDto'];
export type CarnetMoveView = components['schemas']['CarnetMoveDto'];
export type OrganisationView = components['schemas']['OrganisationDto'];
export type DormantStockView = components['schemas']['DormantStockPageDto'];
export type ExpiryWarningPageView = components['schemas']['ExpiryWarningPageDto'];

export { dataOf } from '../layout/useApiData';

/** The API's error code of a refused call, if it says one. */
export function errorCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
