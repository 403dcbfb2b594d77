import type { AttendanceFigure, PeriodBucket, ReportCell, ReportPeriod, UtilisationFigure } from '../../core/reports';
import type { ClinicFormat, Messages } from '../i18n';
import type { ReportFigures } from './report-figures';
import { csvNumber, reportNumbers } from './report-numbers';

/** One table of the screen: what it shows and what its CSV holds (same rows, plain numbers). */
export interface ReportTable {
  /** Stable name: the CSV file's and the test id's. */
  id: string;
  caption: string;
  header: string[];
  /** The CSV's header when a column's plain numbers need their unit named (a wait written "3 days" on screen, in days in the file). */
  csvHeader?: string[];
  rows: { key: string; cells: string[]; csv: ReportCell[] }[];
}

/** What the tables are written with. */
export interface TableContext {
  words: Messages['reports'];
  locale: string;
  format: ClinicFormat;
  /** Resource id → its name. */
  names: ReadonlyMap<string, string>;
}

/**
 * A rate as a CSV cell: four decimals, empty when there is none.
 *
 * @example rateCsv(2 / 3) // 0.6667
 */
export const rateCsv = (rate: number | null): number | null => (rate === null ? null : csvNumber(rate, 4));
const hoursCsv = (minutes: number) => csvNumber(minutes / 60, 2);

/**
 * A bucket's label: the day, the week's first and last day, or the month.
 *
 * @example bucketLabel(bucket, 'week', format, 'en-US') // 'Mar 8–Mar 14'
 */
export function bucketLabel(bucket: PeriodBucket, period: ReportPeriod, format: ClinicFormat, locale: string): string {
  if (period === 'day') return format.shortDate(bucket.fromDate);
  if (period === 'week') return `${format.shortDate(bucket.fromDate)}–${format.shortDate(bucket.toDate)}`;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(Date.parse(`${bucket.fromDate}T12:00:00Z`));
}

/**
 * A weekday's name (ISO 1 Monday … 7 Sunday) in the locale.
 *
 * @example weekdayName(1, 'es-ES') // 'lunes'
 */
export function weekdayName(weekday: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' }).format(Date.UTC(2024, 0, weekday, 12)); // 1 January 2024 was a Monday
}

function rateText(figure: UtilisationFigure, context: TableContext): string {
  return figure.rate === null ? context.words.noHours : reportNumbers(context.locale).percent(figure.rate);
}

/**
 * Utilisation per resource over the whole range, with the previous period
 * and the change in percentage points when there is one.
 *
 * @example utilisationTable(figures, previous, context).rows[0].cells // ['Dr Lee', '140.0', '105.0', '75.0%', '70.0%', '+5.0', '0.0']
 */
export function utilisationTable(figures: ReportFigures, previous: ReportFigures | null, context: TableContext): ReportTable {
  const words = context.words.utilisation;
  const numbers = reportNumbers(context.locale);
  const before = new Map(previous?.utilisation.rows.map((row) => [row.resourceId, row.total]) ?? []);
  const header = [words.columns.resource, words.columns.available, words.columns.booked, words.columns.rate];
  if (previous) header.push(words.columns.previous, words.columns.change);
  header.push(words.columns.outside);
  return {
    id: 'utilisation',
    caption: words.title,
    header,
    rows: figures.utilisation.rows.map((row) => {
      const name = context.names.get(row.resourceId) ?? row.resourceId;
      const cells = [name, numbers.hours(row.total.availableMinutes), numbers.hours(row.total.bookedMinutes), rateText(row.total, context)];
      const csv: ReportCell[] = [name, hoursCsv(row.total.availableMinutes), hoursCsv(row.total.bookedMinutes), rateCsv(row.total.rate)];
      if (previous) {
        const old = before.get(row.resourceId);
        const change = old?.rate != null && row.total.rate !== null ? row.total.rate - old.rate : null;
        cells.push(old ? rateText(old, context) : context.words.noHours, change === null ? '' : numbers.points(change));
        csv.push(rateCsv(old?.rate ?? null), change === null ? null : csvNumber(change * 100, 2));
      }
      cells.push(numbers.hours(row.outsideHoursMinutes));
      csv.push(hoursCsv(row.outsideHoursMinutes));
      return { key: row.resourceId, cells, csv };
    }),
  };
}

/**
 * Everyone selected, per bucket: the sums of bookable and booked time.
 *
 * @example bucketTotals(figures).map((figure) => figure.rate) // [0.7, null, 0.82]
 */
export function bucketTotals(figures: ReportFigures): UtilisationFigure[] {
  return figures.utilisation.buckets.map((_, index) => {
    let available = 0;
    let booked = 0;
    for (const row of figures.utilisation.rows) {
      available += row.buckets[index]?.availableMinutes ?? 0;
      booked += row.buckets[index]?.bookedMinutes ?? 0;
    }
    return { availableMinutes: available, bookedMinutes: booked, rate: available > 0 ? booked / available : null };
  });
}

/**
 * Utilisation per bucket (day, week or month): a row for everyone selected,
 * then one per resource and bucket.
 *
 * @example utilisationByPeriodTable(figures, context).rows[0].cells // ['Mar 1–Mar 7', 'Everyone selected', '280.0', '210.0', '75.0%']
 */
export function utilisationByPeriodTable(figures: ReportFigures, context: TableContext): ReportTable {
  const words = context.words.utilisation;
  const numbers = reportNumbers(context.locale);
  const { buckets, period } = figures.utilisation;
  const totals = bucketTotals(figures);
  const rows: ReportTable['rows'] = [];
  buckets.forEach((bucket, index) => {
    const label = bucketLabel(bucket, period, context.format, context.locale);
    const entries: [string, string, UtilisationFigure][] = [['all', words.everyone, totals[index] as UtilisationFigure]];
    for (const row of figures.utilisation.rows) entries.push([row.resourceId, context.names.get(row.resourceId) ?? row.resourceId, row.buckets[index] as UtilisationFigure]);
    for (const [key, name, figure] of entries) {
      rows.push({
        key: `${bucket.fromDate}|${key}`,
        cells: [label, name, numbers.hours(figure.availableMinutes), numbers.hours(figure.bookedMinutes), rateText(figure, context)],
        csv: [bucket.fromDate, name, hoursCsv(figure.availableMinutes), hoursCsv(figure.bookedMinutes), rateCsv(figure.rate)],
      });
    }
  });
  const columns = words.bucketColumns;
  return { id: 'utilisation-by-period', caption: `${words.title} — ${words.byPeriodTitle}`, header: [columns.period, columns.resource, columns.available, columns.booked, columns.rate], rows };
}

type AttendanceGrouping = 'byResource' | 'byWeekday' | 'byHour';

function attendanceGroups(figures: ReportFigures, grouping: AttendanceGrouping, context: TableContext): { key: string; label: string; figure: AttendanceFigure }[] {
  const report = figures.attendance;
  if (grouping === 'byResource') return report.byResource.map((entry) => ({ key: entry.resourceId, label: context.names.get(entry.resourceId) ?? entry.resourceId, figure: entry.figure }));
  if (grouping === 'byWeekday') return report.byWeekday.map((entry) => ({ key: String(entry.weekday), label: weekdayName(entry.weekday, context.locale), figure: entry.figure }));
  return report.byHour
    .filter((entry) => entry.figure.visits > 0)
    .map((entry) => ({ key: String(entry.hour), label: context.words.attendance.hour(context.format.wallTime(entry.hour * 60), context.format.wallTime(entry.hour * 60 + 60)), figure: entry.figure }));
}

/**
 * Attendance by provider and room, weekday or hour of day (hours without
 * visits left out), the whole range first, with the previous period's
 * no-show rate when there is one.
 *
 * @example attendanceTable(figures, null, 'byWeekday', context).rows[1].cells[0] // 'Monday'
 */
export function attendanceTable(figures: ReportFigures, previous: ReportFigures | null, grouping: AttendanceGrouping, context: TableContext): ReportTable {
  const words = context.words.attendance;
  const numbers = reportNumbers(context.locale);
  const columns = words.columns;
  const header = [columns.group, columns.visits, columns.completed, columns.noShow, columns.cancelled, columns.late, columns.open, columns.noShowRate];
  if (previous) header.push(columns.previousRate);
  const before = previous ? new Map(attendanceGroups(previous, grouping, context).map((group) => [group.key, group.figure])) : null;
  const groups = [{ key: 'all', label: words.allVisits, figure: figures.attendance.all }, ...attendanceGroups(figures, grouping, context)];
  const rate = (value: number | null) => (value === null ? context.words.noVisits : numbers.percent(value));
  return {
    id: `attendance-${grouping === 'byResource' ? 'resource' : grouping === 'byWeekday' ? 'weekday' : 'hour'}`,
    caption: `${words.title} — ${words[grouping]}`,
    header,
    rows: groups.map(({ key, label, figure }) => {
      const counts = [figure.visits, figure.completed, figure.noShow, figure.cancelled, figure.lateCancelled, figure.open];
      const cells = [label, ...counts.map(numbers.count), rate(figure.noShowRate)];
      const csv: ReportCell[] = [label, ...counts, rateCsv(figure.noShowRate)];
      if (before) {
        const old = key === 'all' ? previous?.attendance.all : before.get(key);
        cells.push(rate(old?.noShowRate ?? null));
        csv.push(rateCsv(old?.noShowRate ?? null));
      }
      return { key, cells, csv };
    }),
  };
}

/**
 * New vs returning patients and visits per patient, beside the previous period.
 *
 * @example patientsTable(figures, previous, context).rows[1].cells // ['New patients', '12', '9']
 */
export function patientsTable(figures: ReportFigures, previous: ReportFigures | null, context: TableContext): ReportTable {
  const words = context.words.patients;
  const numbers = reportNumbers(context.locale);
  const measures: [keyof typeof words.rows, (report: ReportFigures['patients']) => number | null][] = [
    ['patients', (report) => report.patients],
    ['newPatients', (report) => report.newPatients],
    ['returningPatients', (report) => report.returningPatients],
    ['visits', (report) => report.visits],
    ['visitsPerPatient', (report) => report.visitsPerPatient],
    ['one', (report) => report.visitCounts[0]],
    ['two', (report) => report.visitCounts[1]],
    ['three', (report) => report.visitCounts[2]],
    ['more', (report) => report.visitCounts[3]],
  ];
  const show = (key: string, value: number | null) => (value === null ? context.words.noVisits : key === 'visitsPerPatient' ? numbers.ratio(value) : numbers.count(value));
  const header = [words.columns.measure, words.columns.value];
  if (previous) header.push(words.columns.previous);
  return {
    id: 'patients',
    caption: words.title,
    header,
    rows: measures.map(([key, read]) => {
      const value = read(figures.patients);
      const cells = [words.rows[key], show(key, value)];
      const csv: ReportCell[] = [words.rows[key], value === null ? null : csvNumber(value, 2)];
      if (previous) {
        const old = read(previous.patients);
        cells.push(show(key, old));
        csv.push(old === null ? null : csvNumber(old, 2));
      }
      return { key, cells, csv };
    }),
  };
}
