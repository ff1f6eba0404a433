import type { ReactNode } from 'react';
import type { components } from '../../api/schema';
import { BarChartFigure } from '../charts/BarChartFigure';
import { DataTable } from '../charts/DataTable';
import './figures.css';
import { compactEuros, count, euros, monthLabel, percent, percentOfBasisPoints, shortMonthLabel, yesNo } from './format';

export type FundingFigures = components['schemas']['FundingFiguresDto'];
export type FundingFiguresValues = components['schemas']['FundingFiguresValuesDto'];
type Month = components['schemas']['FundingFiguresMonthDto'];

/** A figure as pages write it; labels are the funding report's column headers, so page and files say the same. */
interface Figure {
  label: string;
  text: (values: FundingFiguresValues) => string;
}

const FIGURE = {
  carnetsOrdered: { label: 'Carnets commandés', text: (v) => count(v.carnetsOrdered) },
  carnetsIssued: { label: 'Carnets distribués', text: (v) => count(v.carnetsIssued) },
  peopleReached: { label: 'Personnes distinctes', text: (v) => count(v.peopleReached) },
  redemptionRate: { label: 'Taux d’encaissement', text: (v) => percent(v.redemptionRate) },
  targetPublicShare: { label: 'Part du public cible', text: (v) => percent(v.targetPublicShare) },
  targetPublicMet: { label: 'Minimum atteint', text: (v) => yesNo(v.targetPublicMinimumMet) },
  venuesActive: { label: 'Lieux actifs', text: (v) => count(v.venuesActive) },
  valueOrdered: { label: 'Valeur commandée', text: (v) => euros(v.valueOrderedCents) },
  valueRedeemed: { label: 'Valeur encaissée', text: (v) => euros(v.valueRedeemedCents) },
  valueReimbursed: { label: 'Valeur remboursée aux lieux', text: (v) => euros(v.valueReimbursedCents) },
  stateShareDue: { label: 'Part de l’État due', text: (v) => euros(v.stateShareDueCents) },
  stateSharePaid: { label: 'Part de l’État versée', text: (v) => euros(v.stateSharePaidCents) },
} satisfies Record<string, Figure>;

/** The columns of a table of funders or départements. */
export const TABLE_FIGURES: Figure[] = [
  FIGURE.carnetsOrdered,
  FIGURE.carnetsIssued,
  FIGURE.peopleReached,
  FIGURE.redemptionRate,
  FIGURE.targetPublicShare,
  FIGURE.targetPublicMet,
  FIGURE.venuesActive,
  FIGURE.valueOrdered,
  FIGURE.valueRedeemed,
  FIGURE.valueReimbursed,
  FIGURE.stateShareDue,
  FIGURE.stateSharePaid,
];

/** One line per funder or département, with the figures of TABLE_FIGURES. */
export function FiguresTable({
  caption,
  rowHeader,
  rows,
}: {
  caption: string;
  rowHeader: string;
  rows: { name: string; values: FundingFiguresValues }[];
}) {
  return (
    <DataTable
      caption={caption}
      headers={[rowHeader, ...TABLE_FIGURES.map((figure) => figure.label)]}
      rows={rows.map((row) => [row.name, ...TABLE_FIGURES.map((figure) => figure.text(row.values))])}
    />
  );
}

/** The headline figures, each with what it is made of. */
function KeyFigures({ values: v }: { values: FundingFiguresValues }) {
  const met = v.targetPublicMinimumMet;
  const items: { figure: Figure; detail: ReactNode }[] = [
    {
      figure: FIGURE.redemptionRate,
      detail: `${count(v.vouchersRedeemed)} chèques encaissés sur ${count(v.vouchersEverIssued)} remis aux bénéficiaires`,
    },
    {
      figure: FIGURE.peopleReached,
      detail: `${count(v.carnetsIssued)} carnets distribués${v.carnetsWithoutPersonId > 0 ? `, dont ${count(v.carnetsWithoutPersonId)} sans identifiant de personne` : ''}`,
    },
    {
      figure: FIGURE.targetPublicShare,
      detail: (
        <>
          Minimum du programme : {percentOfBasisPoints(v.targetPublicMinRateBp)}
          {met !== null && (
            <>
              {' — '}
              <span className={met ? 'fr-icon-success-line fr-icon--sm' : 'fr-icon-warning-line fr-icon--sm'} aria-hidden="true" />{' '}
              {met ? 'atteint' : 'non atteint'}
            </>
          )}
        </>
      ),
    },
    { figure: FIGURE.venuesActive, detail: 'lieux ayant encaissé au moins un chèque' },
    { figure: FIGURE.valueOrdered, detail: `${count(v.carnetsOrdered)} carnets, ${count(v.vouchersOrdered)} chèques` },
    { figure: FIGURE.valueRedeemed, detail: `${euros(v.valuePendingCents)} en attente de remboursement` },
    { figure: FIGURE.valueReimbursed, detail: 'relevés payés aux lieux' },
    { figure: FIGURE.stateShareDue, detail: 'au plus la moitié de la valeur encaissée, dans l’enveloppe' },
    { figure: FIGURE.stateSharePaid, detail: `reste à recevoir : ${euros(Math.max(0, v.stateShareDueCents - v.stateSharePaidCents))}` },
  ];
  return (
    <dl className="pn-key-figures fr-mb-4w">
      {items.map(({ figure, detail }) => (
        <div key={figure.label} className="pn-key-figure fr-p-2w">
          <dt className="fr-text--md fr-mb-1v">{figure.label}</dt>
          <dd className="fr-h3 fr-mb-1v">{figure.text(v)}</dd>
          <dd className="fr-text--sm fr-mb-0">{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

const FUNNEL_SERIES = [
  { label: 'Carnets commandés', value: (m: Month) => m.carnetsOrdered },
  { label: 'Carnets attribués', value: (m: Month) => m.carnetsAllocated },
  { label: 'Carnets distribués', value: (m: Month) => m.carnetsIssued },
  { label: 'Carnets avec un premier chèque encaissé', value: (m: Month) => m.carnetsFirstUse },
  { label: 'Carnets entièrement utilisés', value: (m: Month) => m.carnetsAllUsed },
];

const FUNNEL_EXTRA_COLUMNS = [
  { label: 'Taux de premier usage', cell: (m: Month) => percent(m.firstUseRate) },
  { label: 'Taux d’utilisation complète', cell: (m: Month) => percent(m.allUsedRate) },
  { label: 'Chèques distribués', cell: (m: Month) => count(m.vouchersIssued) },
  { label: 'Chèques encaissés', cell: (m: Month) => count(m.vouchersRedeemed) },
];

interface Amount {
  label: string;
  short: string;
  value: number;
}

/**
 * The figures of a scope — a funder's territory, the programme, a département — as headline figures
 * and charts, each chart with its data table. The same on the funder's dashboard and ANCT's pages.
 */
export function FundingFiguresView({ figures }: { figures: FundingFigures }) {
  const v = figures.totals;
  const vouchers: Amount[] = [
    { label: 'Chèques en stock', short: 'En stock', value: v.vouchersInStock },
    { label: 'Chèques attribués', short: 'Attribués', value: v.vouchersAllocated },
    { label: 'Chèques distribués non utilisés', short: 'Distribués', value: v.vouchersIssued },
    { label: 'Chèques encaissés', short: 'Encaissés', value: v.vouchersRedeemed },
    { label: 'Chèques expirés', short: 'Expirés', value: v.vouchersExpired },
    { label: 'Chèques annulés', short: 'Annulés', value: v.vouchersCancelled },
  ];
  const money: Amount[] = [
    { label: 'Valeur commandée', short: 'Commandée', value: v.valueOrderedCents },
    { label: 'Valeur payée', short: 'Payée', value: v.valuePaidCents },
    { label: 'Valeur encaissée', short: 'Encaissée', value: v.valueRedeemedCents },
    { label: 'Valeur remboursée aux lieux', short: 'Remboursée', value: v.valueReimbursedCents },
    { label: 'Valeur en attente de remboursement', short: 'À rembourser', value: v.valuePendingCents },
    { label: 'Part de l’État due', short: 'État : due', value: v.stateShareDueCents },
    { label: 'Part de l’État versée', short: 'État : versée', value: v.stateSharePaidCents },
    { label: 'Avoirs (valeur expirée)', short: 'Avoirs', value: v.creditNoteCents },
  ];
  return (
    <>
      <h2>Chiffres clés</h2>
      <KeyFigures values={v} />
      <h2>Parcours des carnets</h2>
      <p>
        Chaque mois : les carnets commandés (commandes validées), attribués aux structures prescriptrices, distribués aux bénéficiaires, et
        parmi les carnets distribués ce mois-là, ceux dont un premier chèque a été encaissé et ceux entièrement utilisés à ce jour.
      </p>
      <BarChartFigure
        title="Carnets par mois"
        rows={figures.months}
        rowHeader="Mois"
        rowLabel={(m) => monthLabel(m.month)}
        axisLabel={(m) => shortMonthLabel(m.month)}
        series={FUNNEL_SERIES}
        format={count}
        extraColumns={FUNNEL_EXTRA_COLUMNS}
        emptyText="Aucune commande, attribution ni distribution pour l’instant."
      />
      <h2>Chèques et argent</h2>
      <BarChartFigure
        title="Chèques par état"
        rows={vouchers}
        rowHeader="État"
        rowLabel={(row) => row.label}
        axisLabel={(row) => row.short}
        series={[{ label: 'Chèques', value: (row) => row.value }]}
        format={count}
        horizontal
        emptyText="Aucun chèque."
      />
      <BarChartFigure
        title="Montants"
        rows={money}
        rowHeader="Montant"
        rowLabel={(row) => row.label}
        axisLabel={(row) => row.short}
        series={[{ label: 'Euros', value: (row) => row.value }]}
        format={euros}
        axisFormat={compactEuros}
        horizontal
        emptyText="Aucun montant."
      />
    </>
  );
}
