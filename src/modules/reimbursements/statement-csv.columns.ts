import type { ExportColumn } from '../../common/export/export-column';
import { serviceCategoryLabel } from '../venues/service-category';
import type { StatementLine } from './statements.repository';

/** The CSV of a statement: one row per chèque, the same lines as its PDF. */
export const STATEMENT_CSV_COLUMNS: readonly ExportColumn<StatementLine>[] = [
  { header: 'Date d’encaissement', kind: 'datetime', value: (line) => line.scannedAt },
  { header: 'N° de chèque', kind: 'text', value: (line) => line.serial, width: 22 },
  { header: 'Service', kind: 'text', value: (line) => serviceCategoryLabel(line.serviceCategory) },
  { header: 'Financeur', kind: 'text', value: (line) => line.funderName },
  { header: 'Commande', kind: 'text', value: (line) => line.orderNumber, width: 12 },
  { header: 'Montant', kind: 'euros', value: (line) => line.valueCents },
];
