// Bar charts drawn as plain SVG (no chart library: these pages load them
// lazily and the first page must stay light). Each chart is one image with a
// text summary for screen readers, and a button that shows the same figures
// as a table.
import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { largestValue, percentOf, scaleFor, shortLabel } from '../lib/chart';
import './charts.css';

export interface ChartSeries {
  label: string;
}

export interface ChartRow {
  key: string;
  label: string;
  /** One value per series, in the order of `series`. */
  values: number[];
}

interface BarChartProps {
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** Horizontal bars suit long labels (categories, divisions); vertical ones suit months and ages. */
  orientation?: 'horizontal' | 'vertical';
  headingLevel?: 2 | 3;
  format?: (value: number) => string;
  testId?: string;
}

const BAR_HEIGHT = 14;
const PLOT_HEIGHT = 180;
const LABEL_SPACE = 22;
const MAX_COLUMNS = 8;
/** SVG text does not wrap: longer labels are shortened in the chart (the table has them whole). */
const MAX_LABEL = 44;

export function BarChart({ title, series, rows, orientation = 'horizontal', headingLevel = 3, format, testId }: BarChartProps) {
  const { t, lang } = useI18n();
  // More columns than fit side by side on a phone turn into horizontal bars.
  const layout = orientation === 'vertical' && rows.length <= MAX_COLUMNS ? 'vertical' : 'horizontal';
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const show = format ?? ((n: number) => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB'));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const summary = `${title}. ${rows
    .map((row) => `${row.label}: ${row.values.map((v, i) => (series.length > 1 ? `${series[i].label} ${show(v)}` : show(v))).join(', ')}`)
    .join('; ')}`;

  let body: ReactNode;
  if (rows.length === 0) {
    body = <p className="chart-empty">{t('chart.empty')}</p>;
  } else if (asTable) {
    body = (
      <div className="table-wrap" id={`${id}-data`}>
        <table className="admin-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.item')}</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={series[i].label}>{show(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  } else {
    body = (
      <div id={`${id}-data`}>
        {series.length > 1 ? (
          <ul className="chart-legend" aria-hidden="true">
            {series.map((s, i) => (
              <li key={s.label}>
                <span className={`series-${i}`} />
                {s.label}
              </li>
            ))}
          </ul>
        ) : null}
        {layout === 'horizontal' ? (
          <HorizontalBars summary={summary} series={series} rows={rows} show={show} />
        ) : (
          <VerticalBars summary={summary} series={series} rows={rows} show={show} />
        )}
      </div>
    );
  }

  return (
    <section className="chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="chart-head">
        <Heading id={`${id}-title`}>{title}</Heading>
        {rows.length ? (
          <button
            type="button"
            className="link chart-toggle"
            aria-expanded={asTable}
            aria-controls={`${id}-data`}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? t('chart.showChart') : t('chart.showTable')}
          </button>
        ) : null}
      </div>
      {body}
    </section>
  );
}

interface BarsProps {
  summary: string;
  series: ChartSeries[];
  rows: ChartRow[];
  show: (value: number) => string;
}

/** A label line above each group of bars; widths in percent so text keeps its size on any screen. */
function HorizontalBars({ summary, series, rows, show }: BarsProps) {
  const { max } = scaleFor(largestValue(rows));
  const groupHeight = LABEL_SPACE + series.length * (BAR_HEIGHT + 4) + 8;
  return (
    <svg role="img" aria-label={summary} height={rows.length * groupHeight} data-chart="horizontal">
      {rows.map((row, r) => {
        const top = r * groupHeight;
        return (
          <g key={row.key}>
            <text x="0" y={top + 15}>
              {shortLabel(row.label, MAX_LABEL)}
            </text>
            {row.values.map((value, s) => {
              const y = top + LABEL_SPACE + s * (BAR_HEIGHT + 4);
              return (
                <g key={series[s].label}>
                  {/* Bars take 85% of the width; the value sits at the right edge. */}
                  <svg x="0" y={y} width="85%" height={BAR_HEIGHT} overflow="visible">
                    <rect className={`series-${s}`} x="0" y="0" height={BAR_HEIGHT} width={`${Math.max(percentOf(value, max), value > 0 ? 0.5 : 0)}%`} />
                  </svg>
                  <text className="value" x="100%" y={y + BAR_HEIGHT - 2} textAnchor="end">
                    {show(value)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** Columns per row, grouped by series, over gridlines with their values. */
function VerticalBars({ summary, series, rows, show }: BarsProps) {
  const { max, ticks } = scaleFor(largestValue(rows));
  const top = 16;
  const height = top + PLOT_HEIGHT + LABEL_SPACE;
  const y = (value: number) => top + PLOT_HEIGHT - (percentOf(value, max) / 100) * PLOT_HEIGHT;
  const slot = 100 / rows.length;
  const barWidth = (slot * 0.7) / series.length;
  return (
    <svg role="img" aria-label={summary} height={height} data-chart="vertical">
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="grid" x1="0" x2="100%" y1={y(tick)} y2={y(tick)} />
          <text className="tick" x="0" y={y(tick) - 3}>
            {show(tick)}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const start = r * slot + slot * 0.15;
        return (
          <g key={row.key}>
            {row.values.map((value, s) => {
              const x = start + s * barWidth;
              return (
                <g key={series[s].label}>
                  <rect className={`series-${s}`} x={`${x}%`} width={`${barWidth * 0.9}%`} y={y(value)} height={top + PLOT_HEIGHT - y(value)} />
                  <text className="value" x={`${x + barWidth * 0.45}%`} y={y(value) - 3} textAnchor="middle">
                    {show(value)}
                  </text>
                </g>
              );
            })}
            <text x={`${r * slot + slot / 2}%`} y={height - 6} textAnchor="middle">
              {row.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A figure with its label, for the rows of key numbers above the charts. */
export function Tile({ label, value, note, testId }: { label: string; value: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <li>
      <span className="tile-label">{label}</span>
      <span className="tile-value" data-testid={testId}>
        {value}
      </span>
      {note ? <span className="tile-note">{note}</span> : null}
    </li>
  );
}
