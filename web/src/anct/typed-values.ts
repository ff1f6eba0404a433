/** Pure helpers of the back office's forms and tables: amounts and rates as people type them, dates, object pages. */
/** Today in Paris, YYYY-MM-DD (what date fields propose by default). */
export function parisToday(offsetDays = 0): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
}

export { frenchDateTime } from '../layout/labels';

/** `1 min 05 s` between two instants; '—' while not finished. */
export function duration(from: string | null | undefined, to: string | null | undefined): string {
  if (!from || !to) return '—';
  const seconds = Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** Euros typed by a person (`1 234,50`) in cents; null when it is not an amount. */
export function centsOf(typed: string): number | null {
  const normalised = typed.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}

/** Cents as a person types euros back (`1234,50`). */
export function typedEuros(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',');
}

/** Basis points as a percentage a person reads and types (`50` for 5000 bp). */
export function percentOf(bp: number): string {
  return String(bp / 100).replace('.', ',');
}
export function bpOf(typed: string): number | null {
  const value = Number(typed.replace(',', '.'));
  return typed.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100 ? Math.round(value * 100) : null;
}

/** The back-office page of an object named in the audit trail or a reconciliation anomaly, when it has one. */
export function objectPath(objectType: string, objectId: string): string | null {
  switch (objectType) {
    case 'programme':
      return `/anct/programmes/${objectId}`;
    case 'order':
      return `/anct/commandes/${objectId}`;
    case 'organisation':
      return `/anct/organisations/${objectId}`;
    case 'venue':
      return `/anct/lieux/${objectId}`;
    case 'reimbursement_statement':
      return `/anct/remboursements/releves/${objectId}`;
    case 'payment_batch':
      return `/anct/remboursements#lot-${objectId}`;
    case 'funder_state_share':
      return '/anct/part-etat';
    default:
      return null;
  }
}
