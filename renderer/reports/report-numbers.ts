/** Numbers of the Reports screen written the desk's way (Intl), and as plain CSV numbers. */
export interface ReportNumbers {
  /** `82.5%` / `82,5 %`; the caller handles null. */
  percent(rate: number): string;
  /** Minutes as hours with one decimal: `37.5`. */
  hours(minutes: number): string;
  /** A plain count: `1,200`. */
  count(value: number): string;
  /** `1.5`: a ratio with up to two decimals. */
  ratio(value: number): string;
  /** A change of rate in percentage points, signed: `+3.2` / `−1.0`. */
  points(change: number): string;
}

/**
 * The formatters for a locale.
 *
 * @example reportNumbers('fr-FR').percent(0.825) // '82,5 %'
 */
export function reportNumbers(locale: string): ReportNumbers {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const hours = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale);
  const ratio = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const points = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return {
    percent: (rate) => percent.format(rate),
    hours: (minutes) => hours.format(minutes / 60),
    count: (value) => count.format(value),
    ratio: (value) => ratio.format(value),
    points: (change) => points.format(change * 100),
  };
}

/**
 * A CSV number: rounded so binary fractions do not print as 0.30000000000000004.
 *
 * @example csvNumber(2 / 3, 4) // 0.6667
 */
export function csvNumber(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
