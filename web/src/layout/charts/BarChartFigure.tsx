import { useId, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import './charts.css';
import { DataTable } from './DataTable';
import { SERIES_STYLE_COUNT, SeriesPatterns, SeriesSwatch, seriesFill } from './SeriesPatterns';

/** One series of bars: its name (legend and table column) and its value in each row. */
export interface ChartSeries<Row> {
  label: string;
  value: (row: Row) => number;
}

/** A column of the data table that the chart does not draw (a rate, a detail). */
export interface TableColumn<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
}

export interface BarChartFigureProps<Row> {
  /** The chart's title: its heading, and its table's caption. */
  title: string;
  headingLevel?: 'h2' | 'h3';
  rows: Row[];
  /** Header of the table's first column (what each row is), e.g. "Mois". */
  rowHeader: string;
  /** The row's name in the table; `axisLabel` may shorten it under the bars. */
  rowLabel: (row: Row) => string;
  axisLabel?: (row: Row) => string;
  series: ChartSeries<Row>[];
  /** A value as the table and the tooltip write it; `axisFormat` for the value axis. */
  format: (value: number) => string;
  axisFormat?: (value: number) => string;
  extraColumns?: TableColumn<Row>[];
  /** Bars along the horizontal axis, rows listed down the side (long row names, few rows). */
  horizontal?: boolean;
  /** Said instead of the chart and its table when there is no row. */
  emptyText: string;
}

/**
 * A bar chart paired with its data table. The drawing is one image for assistive technologies, whose
 * name sends them to the table that follows (the same rows, formatted as the table writes them); each
 * series has a DSFR colour and a pattern, named in a legend, so colour is never the only signal.
 */
export function BarChartFigure<Row>(props: BarChartFigureProps<Row>) {
  const { title, rows, series, format, horizontal = false } = props;
  const Heading = props.headingLevel ?? 'h3';
  // useId's characters are not all valid in url(#…) references.
  const prefix = `pn-chart-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  if (series.length > SERIES_STYLE_COUNT) throw new Error(`A chart draws at most ${SERIES_STYLE_COUNT} series`);
  const axisLabel = props.axisLabel ?? props.rowLabel;
  const data = rows.map((row) => Object.fromEntries([['label', axisLabel(row)], ...series.map((s, index) => [`s${index}`, s.value(row)])]));
  const axisFormat = props.axisFormat ?? format;
  const height = horizontal ? Math.max(160, 44 * rows.length * Math.max(1, series.length / 2) + 40) : 300;

  return (
    <div className="pn-chart fr-mb-6w">
      <Heading className="fr-h5">{title}</Heading>
      {rows.length === 0 ? (
        <p>{props.emptyText}</p>
      ) : (
        <>
          <div className="pn-chart__graphic" role="img" aria-label={`${title} : graphique ; ses données sont dans le tableau qui suit.`}>
            <SeriesPatterns prefix={prefix} count={series.length} />
            <BarChart
              data={data}
              layout={horizontal ? 'vertical' : 'horizontal'}
              responsive
              width="100%"
              height={height}
              margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
              {horizontal ? (
                <>
                  <XAxis type="number" tickFormatter={axisFormat} allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={120} interval={0} />
                </>
              ) : (
                <>
                  <XAxis dataKey="label" interval="preserveStartEnd" />
                  <YAxis tickFormatter={axisFormat} allowDecimals={false} width={56} />
                </>
              )}
              <Tooltip
                formatter={(value) => format(Number(value))}
                contentStyle={{ backgroundColor: 'var(--background-default-grey)', borderColor: 'var(--border-default-grey)' }}
                itemStyle={{ color: 'var(--text-default-grey)' }}
                labelStyle={{ color: 'var(--text-title-grey)', fontWeight: 700 }}
              />
              {series.map((s, index) => (
                <Bar key={s.label} dataKey={`s${index}`} name={s.label} fill={seriesFill(prefix, index)} isAnimationActive={false} />
              ))}
            </BarChart>
            {series.length > 1 && (
              <ul className="pn-chart__legend">
                {series.map((s, index) => (
                  <li key={s.label}>
                    <SeriesSwatch prefix={prefix} index={index} />
                    {s.label}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <DataTable
            caption={`${title} (données du graphique)`}
            headers={[props.rowHeader, ...series.map((s) => s.label), ...(props.extraColumns ?? []).map((column) => column.label)]}
            rows={rows.map((row) => [
              props.rowLabel(row),
              ...series.map((s) => format(s.value(row))),
              ...(props.extraColumns ?? []).map((column) => column.cell(row)),
            ])}
          />
        </>
      )}
    </div>
  );
}
