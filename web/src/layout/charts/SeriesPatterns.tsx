import type { ReactNode } from 'react';

/** How many series a chart may draw, each with its own colour and pattern (see charts.css). */
export const SERIES_STYLE_COUNT = 6;

const SIZE = 8;

/** The marks drawn over each series' colour: plain, diagonal, dots, cross-hatch, horizontal, vertical. */
const MARKS: ((index: number) => ReactNode)[] = [
  () => null,
  () => <path className="pn-chart__mark" d={`M-2,2 l4,-4 M0,${SIZE} l${SIZE},-${SIZE} M${SIZE - 2},${SIZE + 2} l4,-4`} />,
  () => <circle className="pn-chart__mark--dot" cx={SIZE / 2} cy={SIZE / 2} r={1.6} />,
  () => <path className="pn-chart__mark" d={`M0,0 L${SIZE},${SIZE} M${SIZE},0 L0,${SIZE}`} />,
  () => <path className="pn-chart__mark" d={`M0,${SIZE / 2} H${SIZE}`} />,
  () => <path className="pn-chart__mark" d={`M${SIZE / 2},0 V${SIZE}`} />,
];

/** The fill of series `index` of the chart whose patterns carry `prefix`. */
export function seriesFill(prefix: string, index: number): string {
  return `url(#${prefix}-${index % SERIES_STYLE_COUNT})`;
}

/**
 * The patterns of a chart's series, in an SVG of its own (no size, hidden from assistive technologies):
 * the bars and the legend's swatches fill themselves with `url(#…)` references to them.
 */
export function SeriesPatterns({ prefix, count }: { prefix: string; count: number }) {
  return (
    <svg className="pn-chart__defs" aria-hidden="true" focusable="false">
      <defs>
        {MARKS.slice(0, Math.min(count, SERIES_STYLE_COUNT)).map((mark, index) => (
          <pattern key={index} id={`${prefix}-${index}`} patternUnits="userSpaceOnUse" width={SIZE} height={SIZE}>
            <rect width={SIZE} height={SIZE} className={`pn-chart__fill-${index}`} />
            {mark(index)}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** A legend swatch: the series' pattern in a small square. */
export function SeriesSwatch({ prefix, index }: { prefix: string; index: number }) {
  return (
    <svg className="pn-chart__swatch" width="16" height="16" aria-hidden="true" focusable="false">
      <rect width="16" height="16" fill={seriesFill(prefix, index)} />
    </svg>
  );
}
