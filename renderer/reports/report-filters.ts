import { parseLateCancelHours, parseReportRange, previousRange } from '../../core/reports';
import type { ReportPeriod, ReportRange } from '../../core/reports';
import type { Resource } from '../../core/model';
import { isValidationProblem } from '../../core/validation';
import { addDays } from '../dates/calendar-dates';
import type { Messages } from '../i18n';

/** The filter form as typed: dates, bucket, which resources, the late window, and whether to compare. */
export interface ReportFilters {
  fromDate: string;
  toDate: string;
  period: ReportPeriod;
  /** `''` everyone, `kind:provider` / `kind:room` all of a kind, else one resource's id. */
  resources: string;
  lateHours: string;
  compare: boolean;
}

/** A filter the screen can run, or the sentence saying why not. */
export type CheckedFilters =
  | { ok: true; range: ReportRange; previous: ReportRange | null; resourceIds: string[] | undefined; lateCancelHours: number }
  | { ok: false; field: 'toDate' | 'fromDate' | 'lateHours'; message: string };

/**
 * The calendar month that `today` falls in.
 *
 * @example monthOf('2027-03-14') // { fromDate: '2027-03-01', toDate: '2027-03-31' }
 */
export function monthOf(today: string): { fromDate: string; toDate: string } {
  const fromDate = `${today.slice(0, 7)}-01`;
  const next = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)).toISOString().slice(0, 10);
  return { fromDate, toDate: addDays(next, -1) };
}

/**
 * The filters a manager starts with: this month, by week, everyone, 24 hours, compared.
 *
 * @example defaultFilters('2027-03-14').fromDate // '2027-03-01'
 */
export function defaultFilters(today: string): ReportFilters {
  return { ...monthOf(today), period: 'week', resources: '', lateHours: '24', compare: true };
}

/**
 * Checks the form through core/reports' parsers and says what is wrong in
 * the desk's words (an end before the start, more than 5 years, a late
 * window outside 1–168 hours).
 *
 * @example checkFilters(filters, 'Europe/London', resources, text.reports) // { ok: true, range, previous, resourceIds: undefined, lateCancelHours: 24 }
 */
export function checkFilters(filters: ReportFilters, timeZone: string, resources: readonly Resource[], words: Messages['reports']): CheckedFilters {
  if (filters.fromDate === '' || filters.toDate === '') return { ok: false, field: filters.fromDate === '' ? 'fromDate' : 'toDate', message: words.rangeProblems.format };
  let range: ReportRange;
  try {
    range = parseReportRange({ fromDate: filters.fromDate, toDate: filters.toDate, timeZone });
  } catch (error) {
    if (!isValidationProblem(error)) throw error;
    const field = error.field === 'fromDate' ? 'fromDate' : 'toDate';
    return { ok: false, field, message: error.code === 'range-too-long' ? words.rangeProblems.tooLong : error.code === 'end-not-after-start' ? words.rangeProblems.order : words.rangeProblems.format };
  }
  const hours = Number(filters.lateHours.trim());
  let lateCancelHours: number;
  try {
    lateCancelHours = parseLateCancelHours(filters.lateHours.trim() === '' ? Number.NaN : hours);
  } catch (error) {
    if (!isValidationProblem(error)) throw error;
    return { ok: false, field: 'lateHours', message: words.rangeProblems.lateHours };
  }
  const kind = filters.resources.startsWith('kind:') ? filters.resources.slice(5) : null;
  const resourceIds = filters.resources === '' ? undefined : kind !== null ? resources.filter((resource) => resource.kind === kind).map((resource) => resource.id) : [filters.resources];
  return { ok: true, range, previous: filters.compare ? previousRange(range) : null, resourceIds, lateCancelHours };
}
