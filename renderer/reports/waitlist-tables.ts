import type { ReportCell, WaitlistFigure } from '../../core/reports';
import { plural } from '../i18n/plural';
import type { ReportFigures } from './report-figures';
import { csvNumber, reportNumbers } from './report-numbers';
import { rateCsv } from './report-tables';
import type { ReportTable, TableContext } from './report-tables';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/**
 * A wait in words: minutes under an hour, hours (one decimal) under two
 * days, else days (one decimal) — `null` (none booked) in the caller's words.
 *
 * @example waitText(23.25 * 3_600_000, 'en-US', text.reports) // '23.3 hours'
 * @example waitText(4.5 * 86_400_000, 'fr-FR', text.reports) // '4,5 jours'
 */
export function waitText(ms: number, locale: string, words: TableContext['words']): string {
  const one = (value: number) => Math.round(value * 10) / 10;
  if (ms < hourMs) return plural(locale, Math.round(ms / 60_000), words.waitlist.minutes);
  if (ms < 2 * dayMs) return plural(locale, one(ms / hourMs), words.waitlist.hours);
  return plural(locale, one(ms / dayMs), words.waitlist.days);
}

/** A wait as a CSV cell: days with four decimals, empty when none was booked. */
const waitCsv = (ms: number | null) => (ms === null ? null : csvNumber(ms / dayMs, 4));

/**
 * The groups of the waitlist report in display order: all entries, each
 * provider reported on, then the entries that take any provider.
 *
 * @example waitlistGroups(figures, context).map((group) => group.label) // ['All entries', 'Dr Lee', 'Any provider']
 */
export function waitlistGroups(figures: ReportFigures, context: TableContext): { key: string; label: string; figure: WaitlistFigure }[] {
  const words = context.words.waitlist;
  const report = figures.waitlist;
  return [
    { key: 'all', label: words.allEntries, figure: report.all },
    ...report.byProvider.map((row) => ({ key: row.providerId, label: context.names.get(row.providerId) ?? row.providerId, figure: row.figure })),
    { key: 'any', label: words.anyProvider, figure: report.anyProvider },
  ];
}

/**
 * The waitlist by wanted provider: entries added in the period by their
 * state now, entries booked in it, their median wait and how many took a
 * freed slot, with the previous period's added count and median wait.
 * Nothing booked is said in words (*none booked*), never 0 or NaN.
 *
 * @example waitlistTable(figures, previous, context).rows[0].cells // ['All entries', '7', '2', '1', '3', '1', '4', '23.3 hours', '2', '50.0%', '5', '2.5 days']
 */
export function waitlistTable(figures: ReportFigures, previous: ReportFigures | null, context: TableContext): ReportTable {
  const words = context.words.waitlist;
  const numbers = reportNumbers(context.locale);
  const columns = words.columns;
  const header = [columns.group, columns.added, columns.waiting, columns.offered, columns.booked, columns.removed, columns.bookedInPeriod, columns.medianWait, columns.fromFreedSlot, columns.fromFreedSlotRate];
  const csvHeader = [...header.slice(0, 7), words.csvMedianWait, ...header.slice(8)];
  if (previous) {
    header.push(columns.previousAdded, columns.previousMedianWait);
    csvHeader.push(columns.previousAdded, words.csvPreviousMedianWait);
  }
  const before = previous ? new Map(waitlistGroups(previous, context).map((group) => [group.key, group.figure])) : null;
  const wait = (ms: number | null) => (ms === null ? words.noneBooked : waitText(ms, context.locale, context.words));
  return {
    id: 'waitlist',
    caption: words.title,
    header,
    csvHeader,
    rows: waitlistGroups(figures, context).map(({ key, label, figure }) => {
      const counts = [figure.added, figure.state.waiting, figure.state.offered, figure.state.booked, figure.state.removed, figure.booked];
      const share = figure.fromFreedSlotRate === null ? words.noneBooked : numbers.percent(figure.fromFreedSlotRate);
      const cells = [label, ...counts.map(numbers.count), wait(figure.medianWaitMs), numbers.count(figure.fromFreedSlot), share];
      const csv: ReportCell[] = [label, ...counts, waitCsv(figure.medianWaitMs), figure.fromFreedSlot, rateCsv(figure.fromFreedSlotRate)];
      if (before) {
        const old = before.get(key);
        cells.push(old === undefined ? words.noEntries : numbers.count(old.added), old === undefined ? words.noneBooked : wait(old.medianWaitMs));
        csv.push(old?.added ?? null, waitCsv(old?.medianWaitMs ?? null));
      }
      return { key, cells, csv };
    }),
  };
}

/**
 * The waitlist chart's words for screen readers: what was added, in which
 * state, the median wait and the share from freed slots — or that there
 * were no entries.
 *
 * @example waitlistSummary(figures, context) // '7 entries added (2 waiting, 1 offered, 3 booked, 1 removed); median wait 23.3 hours; 2 of 4 booked from a freed slot.'
 */
export function waitlistSummary(figures: ReportFigures, context: TableContext): string {
  const words = context.words.waitlist;
  const all = figures.waitlist.all;
  if (all.added === 0 && all.booked === 0) return words.empty;
  const count = reportNumbers(context.locale).count;
  const states = words.states(count(all.state.waiting), count(all.state.offered), count(all.state.booked), count(all.state.removed));
  const wait = all.medianWaitMs === null ? words.noneBooked : waitText(all.medianWaitMs, context.locale, context.words);
  return words.summary(plural(context.locale, all.added, words.addedCount), states, wait, words.freed(count(all.fromFreedSlot), plural(context.locale, all.booked, words.bookedCount)));
}
