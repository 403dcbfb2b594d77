import type { ConfirmationFigure, ReportCell } from '../../core/reports';
import { plural } from '../i18n/plural';
import type { ReportFigures } from './report-figures';
import { reportNumbers } from './report-numbers';
import { rateCsv } from './report-tables';
import type { ReportTable, TableContext } from './report-tables';

function confirmationGroups(figures: ReportFigures, context: TableContext): { key: string; label: string; figure: ConfirmationFigure }[] {
  return [
    { key: 'all', label: context.words.confirmations.allVisits, figure: figures.confirmations.all },
    ...figures.confirmations.byResource.map((row) => ({ key: row.resourceId, label: context.names.get(row.resourceId) ?? row.resourceId, figure: row.figure })),
  ];
}

/**
 * Confirmations by provider and room: the visits of the period by the
 * confirmation each has now, and the confirmed rate (confirmed ÷ answered;
 * *no answers* when nobody answered), beside the previous period's.
 *
 * @example confirmationsTable(figures, null, context).rows[0].cells // ['All visits', '10', '3', '1', '4', '1', '1', '80.0%']
 */
export function confirmationsTable(figures: ReportFigures, previous: ReportFigures | null, context: TableContext): ReportTable {
  const words = context.words.confirmations;
  const numbers = reportNumbers(context.locale);
  const columns = words.columns;
  const header = [columns.group, columns.visits, columns.unconfirmed, columns.reminded, columns.confirmed, columns.declined, columns.noAnswer, columns.confirmedRate];
  if (previous) header.push(columns.previousRate);
  const before = previous ? new Map(confirmationGroups(previous, context).map((group) => [group.key, group.figure])) : null;
  const rate = (value: number | null) => (value === null ? words.noAnswers : numbers.percent(value));
  return {
    id: 'confirmations',
    caption: words.title,
    header,
    rows: confirmationGroups(figures, context).map(({ key, label, figure }) => {
      const counts = [figure.visits, figure.statuses.unconfirmed, figure.statuses.reminded, figure.statuses.confirmed, figure.statuses.declined, figure.statuses.no_answer];
      const cells = [label, ...counts.map(numbers.count), rate(figure.confirmedRate)];
      const csv: ReportCell[] = [label, ...counts, rateCsv(figure.confirmedRate)];
      if (before) {
        const old = before.get(key)?.confirmedRate ?? null;
        cells.push(rate(old));
        csv.push(rateCsv(old));
      }
      return { key, cells, csv };
    }),
  };
}

/**
 * Does calling work? Completed visits, no-shows and the no-show rate of
 * confirmed visits beside those nobody answered for (unconfirmed, reminded,
 * no answer), all and by provider and room, with the previous period's two
 * rates; *no visits* where none settled.
 *
 * @example confirmationNoShowTable(figures, null, context).rows[0].cells // ['All visits', '3', '1', '25.0%', '1', '1', '50.0%']
 */
export function confirmationNoShowTable(figures: ReportFigures, previous: ReportFigures | null, context: TableContext): ReportTable {
  const words = context.words.confirmations;
  const numbers = reportNumbers(context.locale);
  const columns = words.noShowColumns;
  const rate = (value: number | null) => (value === null ? context.words.noVisits : numbers.percent(value));
  const header = [columns.group, columns.confirmedCompleted, columns.confirmedNoShow, columns.confirmedRate, columns.notConfirmedCompleted, columns.notConfirmedNoShow, columns.notConfirmedRate];
  if (previous) header.push(columns.previousConfirmedRate, columns.previousNotConfirmedRate);
  const before = previous ? new Map(confirmationGroups(previous, context).map((group) => [group.key, group.figure])) : null;
  return {
    id: 'confirmations-no-shows',
    caption: words.noShowTitle,
    header,
    rows: confirmationGroups(figures, context).map(({ key, label, figure }) => {
      const { confirmedNoShow: yes, notConfirmedNoShow: no } = figure;
      const cells = [label, numbers.count(yes.completed), numbers.count(yes.noShow), rate(yes.rate), numbers.count(no.completed), numbers.count(no.noShow), rate(no.rate)];
      const csv: ReportCell[] = [label, yes.completed, yes.noShow, rateCsv(yes.rate), no.completed, no.noShow, rateCsv(no.rate)];
      if (before) {
        const old = before.get(key);
        const [oldYes, oldNo] = [old?.confirmedNoShow.rate ?? null, old?.notConfirmedNoShow.rate ?? null];
        cells.push(rate(oldYes), rate(oldNo));
        csv.push(rateCsv(oldYes), rateCsv(oldNo));
      }
      return { key, cells, csv };
    }),
  };
}

/**
 * The confirmations chart's words for screen readers: the confirmed rate
 * and the two no-show rates — or that there were no visits.
 *
 * @example confirmationsSummary(figures, context) // 'Confirmed rate 80.0% (5 answers); no-show rate 25.0% when confirmed, 50.0% when not confirmed.'
 */
export function confirmationsSummary(figures: ReportFigures, context: TableContext): string {
  const words = context.words.confirmations;
  const all = figures.confirmations.all;
  if (all.visits === 0) return words.empty;
  const numbers = reportNumbers(context.locale);
  const noShow = (value: number | null) => (value === null ? context.words.noVisits : numbers.percent(value));
  return words.summary(all.confirmedRate === null ? words.noAnswers : numbers.percent(all.confirmedRate), plural(context.locale, all.answered, words.answeredCount), noShow(all.confirmedNoShow.rate), noShow(all.notConfirmedNoShow.rate));
}
