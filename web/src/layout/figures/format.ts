import { formatPercentFr } from '../../../../src/common/export/french-percent';
import { euros } from '../labels';

/** How the figures pages write numbers (French): counts with a thousands space, rates rounded as the reports round them. */
const COUNT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat('fr-FR', { notation: 'compact', maximumFractionDigits: 1 });
const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

export const count = (value: number): string => COUNT.format(value);

/** A ratio (0–1) as the reports write it, with French spacing ("12,5 %"); "—" when there was nothing to divide by. */
export const percent = (ratio: number | null): string => (ratio === null ? '—' : formatPercentFr(ratio).replace('%', '\u202f%'));

/** Basis points (5000) as a percentage (50,0 %). */
export const percentOfBasisPoints = (basisPoints: number): string => percent(basisPoints / 10_000);

/** Cents as euros, and the axis' short form (12 k€). */
export { euros };
export const compactEuros = (cents: number): string => `${COMPACT.format(cents / 100)} €`;

/** "2026-11" → "novembre 2026" (table), "nov. 26" (under a bar). */
export const monthLabel = (month: string): string => MONTH.format(new Date(`${month}-01T00:00:00Z`));
export const shortMonthLabel = (month: string): string => SHORT_MONTH.format(new Date(`${month}-01T00:00:00Z`));

export const dateTime = (iso: string): string => DATE_TIME.format(new Date(iso));

/** "Oui" / "Non", as the report's column "Minimum atteint" says it; "—" when nothing was handed out. */
export const yesNo = (value: boolean | null): string => (value === null ? '—' : value ? 'Oui' : 'Non');
