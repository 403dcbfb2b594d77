import { useMemo, useState } from 'react';
import type { Resource } from '../../core/model';
import { useNow } from '../app/useNow';
import { useClinic } from '../data/useClinic';
import { useResources } from '../data/useResources';
import { firstDayOfWeek, todayIn } from '../dates/calendar-dates';
import { clinicFormat, text } from '../i18n';
import { plural } from '../i18n/plural';
import { ReportChart } from './ReportChart';
import { ReportFiltersForm } from './ReportFiltersForm';
import { ReportTableView } from './ReportTableView';
import { checkFilters, defaultFilters } from './report-filters';
import type { ReportFilters } from './report-filters';
import type { ReportFigures } from './report-figures';
import { reportNumbers } from './report-numbers';
import { attendanceTable, bucketLabel, bucketTotals, patientsTable, utilisationByPeriodTable, utilisationTable, weekdayName } from './report-tables';
import type { TableContext } from './report-tables';
import { confirmationNoShowTable, confirmationsSummary, confirmationsTable } from './confirmation-tables';
import { waitlistGroups, waitlistSummary, waitlistTable } from './waitlist-tables';
import { useReportFigures } from './useReportFigures';
import './reports.css';

/**
 * Reports (managers and admins): utilisation, attendance, patients, the
 * waitlist and confirmations for a range, computed on this desk from its own records (offline), each with a
 * chart, its words for screen readers, tables with *Export CSV*, and *Print*.
 *
 * @example <ReportsScreen />
 */
export function ReportsScreen() {
  const words = text.reports;
  const clinic = useClinic();
  const resources = useResources();
  const now = useNow();
  const today = todayIn(clinic.timeZone, now);
  const [filters, setFilters] = useState<ReportFilters>(() => defaultFilters(today));
  const checked = checkFilters(filters, clinic.timeZone, resources, words);
  const weekStart = firstDayOfWeek(clinic.locale);
  const result = useReportFigures(filters, checked, weekStart);
  return (
    <section className="reports" aria-labelledby="reports-title">
      <header className="reports-header">
        <h1 id="reports-title">{words.title}</h1>
        <button type="button" className="reports-print" onClick={() => window.print()}>
          {words.print}
        </button>
      </header>
      <p className="reports-intro">{words.intro}</p>
      <ReportFiltersForm filters={filters} checked={checked} resources={resources} today={today} onChange={setFilters} />
      {!checked.ok ? null : result.status === 'loading' ? (
        <p role="status">{words.loading}</p>
      ) : result.status === 'failed' ? (
        <p role="alert">{words.failed}</p>
      ) : result.value === null || result.value.resources.length === 0 ? (
        <p role="status">{words.empty}</p>
      ) : (
        <ReportBody figures={result.value.figures} previous={result.value.previous} resources={result.value.resources} locale={clinic.locale} timeZone={clinic.timeZone} />
      )}
    </section>
  );
}

function ReportBody({ figures, previous, resources, locale, timeZone }: { figures: ReportFigures; previous: ReportFigures | null; resources: Resource[]; locale: string; timeZone: string }) {
  const words = text.reports;
  const format = clinicFormat(locale, timeZone);
  const numbers = useMemo(() => reportNumbers(locale), [locale]);
  const context: TableContext = useMemo(() => ({ words, locale, format, names: new Map(resources.map((resource) => [resource.id, resource.name])) }), [words, locale, format, resources]);
  const fileRange: [string, string] = [figures.range.fromDate, figures.range.toDate];
  const rangeText = (figure: ReportFigures) => `${format.mediumDate(figure.range.fromDate)} – ${format.mediumDate(figure.range.toDate)}`;
  const charts = useMemo(() => {
    const names = figures.utilisation.rows.map((row) => context.names.get(row.resourceId) ?? row.resourceId);
    const before = new Map(previous?.utilisation.rows.map((row) => [row.resourceId, row.total.rate]) ?? []);
    const utilisationSeries = [{ label: words.utilisation.thisPeriod, values: figures.utilisation.rows.map((row) => row.total.rate) }];
    if (previous) utilisationSeries.push({ label: words.utilisation.previousPeriod, values: figures.utilisation.rows.map((row) => before.get(row.resourceId) ?? null) });
    const rate = (value: number | null) => (value === null ? words.noHours : numbers.percent(value));
    const totals = bucketTotals(figures);
    const bucketNames = figures.utilisation.buckets.map((bucket) => bucketLabel(bucket, figures.utilisation.period, format, locale));
    const weekdays = figures.attendance.byWeekday;
    const all = figures.attendance.all;
    const patientCategories = [words.utilisation.thisPeriod, ...(previous ? [words.utilisation.previousPeriod] : [])];
    const patientFigures = [figures.patients, ...(previous ? [previous.patients] : [])];
    const waitlist = waitlistGroups(figures, context);
    const confirmationCategories = [words.confirmations.confirmedSeries, words.confirmations.notConfirmedSeries];
    const noShowRates = (report: ReportFigures) => [report.confirmations.all.confirmedNoShow.rate, report.confirmations.all.notConfirmedNoShow.rate];
    return {
      utilisation: {
        categories: names,
        series: utilisationSeries,
        summary: words.utilisation.summary(figures.utilisation.rows.map((row, index) => words.utilisation.summaryPart(names[index] ?? row.resourceId, rate(row.total.rate))).join('; ')),
      },
      buckets: {
        categories: bucketNames,
        series: [{ label: words.utilisation.everyone, values: totals.map((figure) => figure.rate) }],
        summary: words.utilisation.summary(totals.map((figure, index) => words.utilisation.summaryPart(bucketNames[index] ?? '', rate(figure.rate))).join('; ')),
      },
      attendance: {
        categories: weekdays.map((entry) => weekdayName(entry.weekday, locale)),
        series: [
          { label: words.attendance.columns.completed, values: weekdays.map((entry) => entry.figure.completed) },
          { label: words.attendance.columns.noShow, values: weekdays.map((entry) => entry.figure.noShow) },
        ],
        summary: words.attendance.summary(plural(locale, all.visits, words.attendance.visits), all.noShowRate === null ? words.noVisits : numbers.percent(all.noShowRate), plural(locale, all.lateCancelled, words.attendance.lateCancellations)),
      },
      patients: {
        categories: patientCategories,
        series: [
          { label: words.patients.newSeries, values: patientFigures.map((report) => report.newPatients) },
          { label: words.patients.returningSeries, values: patientFigures.map((report) => report.returningPatients) },
        ],
        summary: words.patients.summary(plural(locale, figures.patients.patients, words.patients.patientCount), plural(locale, figures.patients.newPatients, words.patients.newCount), plural(locale, figures.patients.returningPatients, words.patients.returningCount)),
      },
      waitlist: {
        categories: waitlist.map((group) => group.label),
        series: [
          { label: words.waitlist.addedSeries, values: waitlist.map((group) => group.figure.added) },
          { label: words.waitlist.bookedSeries, values: waitlist.map((group) => group.figure.booked) },
        ],
        summary: waitlistSummary(figures, context),
      },
      confirmations: {
        categories: confirmationCategories,
        series: [{ label: words.utilisation.thisPeriod, values: noShowRates(figures) }, ...(previous ? [{ label: words.utilisation.previousPeriod, values: noShowRates(previous) }] : [])],
        summary: confirmationsSummary(figures, context),
      },
    };
  }, [figures, previous, words, numbers, context, format, locale]);
  const count = numbers.count;
  return (
    <div className="report-body">
      <p className="report-range" data-testid="report-range">
        {rangeText(figures)}
        {previous ? ` · ${words.previous(rangeText(previous))}` : ''}
      </p>
      <section aria-labelledby="report-utilisation">
        <h2 id="report-utilisation">{words.utilisation.title}</h2>
        <p className="report-explain">{words.utilisation.explain}</p>
        <ReportChart label={words.utilisation.chartLabel} {...charts.utilisation} formatValue={numbers.percent} minimumTop={1} testId="utilisation-chart" />
        <ReportTableView table={utilisationTable(figures, previous, context)} fileRange={fileRange} />
        <ReportChart label={words.utilisation.bucketChartLabel} {...charts.buckets} formatValue={numbers.percent} minimumTop={1} testId="utilisation-period-chart" />
        <ReportTableView table={utilisationByPeriodTable(figures, context)} fileRange={fileRange} />
      </section>
      <section aria-labelledby="report-attendance">
        <h2 id="report-attendance">{words.attendance.title}</h2>
        <p className="report-explain">{words.attendance.explain(figures.attendance.lateCancelHours)}</p>
        <ReportChart label={words.attendance.chartLabel} {...charts.attendance} formatValue={count} testId="attendance-chart" />
        <ReportTableView table={attendanceTable(figures, previous, 'byResource', context)} fileRange={fileRange} />
        <ReportTableView table={attendanceTable(figures, previous, 'byWeekday', context)} fileRange={fileRange} />
        <ReportTableView table={attendanceTable(figures, previous, 'byHour', context)} fileRange={fileRange} />
      </section>
      <section aria-labelledby="report-patients">
        <h2 id="report-patients">{words.patients.title}</h2>
        <p className="report-explain">{words.patients.explain}</p>
        <ReportChart label={words.patients.chartLabel} {...charts.patients} formatValue={count} testId="patients-chart" />
        <ReportTableView table={patientsTable(figures, previous, context)} fileRange={fileRange} />
      </section>
      <section aria-labelledby="report-waitlist">
        <h2 id="report-waitlist">{words.waitlist.title}</h2>
        <p className="report-explain">{words.waitlist.explain}</p>
        <ReportChart label={words.waitlist.chartLabel} {...charts.waitlist} formatValue={count} testId="waitlist-chart" />
        <ReportTableView table={waitlistTable(figures, previous, context)} fileRange={fileRange} />
      </section>
      <section aria-labelledby="report-confirmations">
        <h2 id="report-confirmations">{words.confirmations.title}</h2>
        <p className="report-explain">{words.confirmations.explain}</p>
        <ReportChart label={words.confirmations.chartLabel} {...charts.confirmations} formatValue={numbers.percent} minimumTop={1} testId="confirmations-chart" />
        <ReportTableView table={confirmationsTable(figures, previous, context)} fileRange={fileRange} />
        <ReportTableView table={confirmationNoShowTable(figures, previous, context)} fileRange={fileRange} />
      </section>
    </div>
  );
}
