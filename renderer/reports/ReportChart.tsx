import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One series of bars: its name (the legend) and a value per category (null: no bar). */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/** What a chart shows and how screen readers hear it. */
export interface ReportChartProps {
  /** The chart's title, shown above it. */
  label: string;
  /** The chart in words (the text alternative: what a sighted reader takes from it). */
  summary: string;
  categories: string[];
  /** One or two series, drawn side by side per category. */
  series: ChartSeries[];
  /** Writes an axis value (a percentage, a count). */
  formatValue: (value: number) => string;
  /** The y axis' top when every value is lower (1 for rates, so 40 % looks like 40 %). */
  minimumTop?: number;
  testId: string;
}

// Two colours with a 3:1 contrast against white and each other's hue (WCAG 1.4.11).
const colours = ['#1f5fa8', '#c2570c'];

/**
 * A bar chart drawn by uPlot (canvas; ~50 kB, draws thousands of bars in a
 * frame), with its words for screen readers: the canvas is `role="img"`
 * named by `summary`, and the table after it holds every figure.
 *
 * @example <ReportChart label="Utilisation" summary="Dr Lee 75 %…" categories={['Dr Lee']} series={[{ label: 'This period', values: [0.75] }]} formatValue={percent} testId="utilisation-chart" />
 */
export function ReportChart({ label, summary, categories, series, formatValue, minimumTop, testId }: ReportChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const n = categories.length;
    const width = Math.max(280, element.clientWidth);
    const top = Math.max(minimumTop ?? 0, ...series.flatMap((entry) => entry.values.map((value) => value ?? 0))) || 1;
    const paired = series.length > 1;
    const options: uPlot.Options = {
      width,
      height: 220,
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false, range: () => [-0.5, Math.max(0.5, n - 0.5)] }, y: { range: () => [0, top * 1.05] } },
      axes: [
        { splits: () => categories.map((_, index) => index), values: (_, splits) => splits.map((index) => categories[index] ?? ''), gap: 4, size: 40 },
        { values: (_, splits) => splits.map(formatValue), size: 64 },
      ],
      series: [
        {},
        ...series.map((entry, index) => ({
          label: entry.label,
          fill: colours[index % colours.length],
          stroke: colours[index % colours.length],
          width: 0,
          paths: uPlot.paths.bars?.({ size: [paired ? 0.4 : 0.6, 80], align: paired ? (index === 0 ? -1 : 1) : 0 }),
          points: { show: false },
        })),
      ],
    };
    const data: uPlot.AlignedData = [categories.map((_, index) => index), ...series.map((entry) => entry.values)];
    const chart = new uPlot(options, data, element);
    return () => chart.destroy();
  }, [categories, series, formatValue, minimumTop]);
  return (
    <figure className="report-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{label}</figcaption>
      <div ref={host} role="img" aria-label={summary} data-testid={testId} />
      <p className="report-chart-summary">{summary}</p>
    </figure>
  );
}
