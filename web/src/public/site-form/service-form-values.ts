import type { ServiceCategory } from '../../../../src/modules/venues/service-category';

/** A service of the venue's catalogue as its form holds it (numbers as typed). */
export interface ServiceFormValues {
  label: string;
  category: ServiceCategory | '';
  durationMinutes: string;
  maxVouchers: string;
}

export const EMPTY_SERVICE: ServiceFormValues = { label: '', category: '', durationMinutes: '60', maxVouchers: '1' };

export type ServiceProblems = Partial<Record<keyof ServiceFormValues, string>>;

/** The bounds the server holds (CreateVenueServiceDto and the table's checks), said in French. */
export function serviceProblems(service: ServiceFormValues): ServiceProblems {
  const problems: ServiceProblems = {};
  if (service.label.trim().length < 2) problems.label = 'Donnez un nom au service.';
  if (!service.category) problems.category = 'Choisissez le type d’aide.';
  const duration = Number(service.durationMinutes);
  if (!Number.isInteger(duration) || duration < 15 || duration > 480) problems.durationMinutes = 'Entre 15 et 480 minutes.';
  const vouchers = Number(service.maxVouchers);
  if (!Number.isInteger(vouchers) || vouchers < 1 || vouchers > 10) problems.maxVouchers = 'Entre 1 et 10 chèques.';
  return problems;
}

export function serviceBody(service: ServiceFormValues) {
  return {
    label: service.label.trim(),
    category: service.category as ServiceCategory,
    durationMinutes: Number(service.durationMinutes),
    maxVouchers: Number(service.maxVouchers),
  };
}
