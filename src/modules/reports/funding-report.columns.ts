import type { ExportColumn } from '../../common/export/export-column';
import type { FundingReportFunnelRowEntity } from './funding-report-funnel-row.entity';
import type { FundingReportLevel, FundingReportRowEntity } from './funding-report-row.entity';
import { exactNumber, ratio, redemptionRate, targetPublicMet, targetPublicShare } from './funding-report.rules';

export type SummaryRow = Omit<FundingReportRowEntity, 'report'>;
export type FunnelRow = Omit<FundingReportFunnelRowEntity, 'report'>;

const LEVEL_LABELS: Record<FundingReportLevel, string> = { programme: 'Programme', funder: 'Financeur', departement: 'Département' };

type Counted = { [K in keyof SummaryRow]: SummaryRow[K] extends string ? K : never }[keyof SummaryRow];
const count = (header: string, field: Counted, width?: number): ExportColumn<SummaryRow> => ({
  header,
  kind: 'integer',
  value: (row) => exactNumber(row[field]),
  width,
});
const euros = (header: string, field: Counted): ExportColumn<SummaryRow> => ({
  header,
  kind: 'euros',
  value: (row) => exactNumber(row[field]),
  width: 16,
});

/**
 * The summary of a funding report, identical in CSV and XLSX. Meanings are documented in
 * docs/reimbursements-and-reports.md ("Funding reports").
 */
export const SUMMARY_COLUMNS: readonly ExportColumn<SummaryRow>[] = [
  { header: 'Niveau', kind: 'text', value: (row) => LEVEL_LABELS[row.level], width: 12 },
  { header: 'Code', kind: 'text', value: (row) => row.code, width: 11 },
  { header: 'Libellé', kind: 'text', value: (row) => row.label, width: 36 },
  count('Carnets commandés', 'carnetsOrdered'),
  count('Chèques commandés', 'vouchersOrdered'),
  euros('Valeur commandée', 'valueOrderedCents'),
  euros('Valeur payée', 'valuePaidCents'),
  euros('Frais payés', 'feesPaidCents'),
  count('Chèques en stock', 'vouchersInStock'),
  count('Chèques attribués', 'vouchersAllocated'),
  count('Chèques distribués non utilisés', 'vouchersIssued'),
  count('Chèques encaissés', 'vouchersRedeemed'),
  count('Chèques expirés', 'vouchersExpired'),
  count('Chèques annulés', 'vouchersCancelled'),
  count('Chèques remis aux bénéficiaires', 'vouchersEverIssued'),
  {
    header: 'Taux d’encaissement',
    kind: 'percent',
    value: (row) => redemptionRate(exactNumber(row.vouchersRedeemed), exactNumber(row.vouchersEverIssued)),
  },
  count('Carnets distribués', 'carnetsIssued'),
  count('Personnes distinctes', 'peopleReached'),
  count('Carnets sans identifiant de personne', 'carnetsWithoutPersonId'),
  count('Carnets au public cible', 'carnetsTargetPublic'),
  {
    header: 'Part du public cible',
    kind: 'percent',
    value: (row) => targetPublicShare(exactNumber(row.carnetsTargetPublic), exactNumber(row.carnetsWithIssuanceRecord)),
  },
  { header: 'Minimum du programme', kind: 'percent', value: (row) => row.targetPublicMinRateBp / 10_000 },
  {
    header: 'Minimum atteint',
    kind: 'text',
    value: (row) =>
      targetPublicMet(exactNumber(row.carnetsTargetPublic), exactNumber(row.carnetsWithIssuanceRecord), row.targetPublicMinRateBp),
    width: 10,
  },
  count('Lieux actifs', 'venuesActive'),
  euros('Valeur encaissée', 'valueRedeemedCents'),
  euros('Valeur remboursée aux lieux', 'valueReimbursedCents'),
  euros('Valeur en attente de remboursement', 'valuePendingCents'),
  euros('Part de l’État due', 'stateShareDueCents'),
  euros('Part de l’État versée', 'stateSharePaidCents'),
  euros('Avoirs (valeur expirée)', 'creditNoteCents'),
];

export const FUNNEL_COLUMNS: readonly ExportColumn<FunnelRow>[] = [
  { header: 'Mois', kind: 'text', value: (row) => row.month.slice(0, 7), width: 10 },
  { header: 'Carnets commandés', kind: 'integer', value: (row) => exactNumber(row.carnetsOrdered) },
  { header: 'Carnets attribués', kind: 'integer', value: (row) => exactNumber(row.carnetsAllocated) },
  { header: 'Carnets distribués', kind: 'integer', value: (row) => exactNumber(row.carnetsIssued) },
  { header: 'Carnets avec un premier chèque encaissé', kind: 'integer', value: (row) => exactNumber(row.carnetsFirstUse) },
  { header: 'Carnets entièrement utilisés', kind: 'integer', value: (row) => exactNumber(row.carnetsAllUsed) },
  {
    header: 'Taux de premier usage',
    kind: 'percent',
    value: (row) => ratio(exactNumber(row.carnetsFirstUse), exactNumber(row.carnetsIssued)),
  },
  {
    header: 'Taux d’utilisation complète',
    kind: 'percent',
    value: (row) => ratio(exactNumber(row.carnetsAllUsed), exactNumber(row.carnetsIssued)),
  },
  { header: 'Chèques distribués', kind: 'integer', value: (row) => exactNumber(row.vouchersIssued) },
  { header: 'Chèques encaissés', kind: 'integer', value: (row) => exactNumber(row.vouchersRedeemed) },
];

/** Report metadata, first sheet of the workbook. */
export interface AboutRow {
  label: string;
  value: string;
}
export const ABOUT_COLUMNS: readonly ExportColumn<AboutRow>[] = [
  { header: 'Rubrique', kind: 'text', value: (row) => row.label, width: 24 },
  { header: 'Valeur', kind: 'text', value: (row) => row.value, width: 60 },
];
