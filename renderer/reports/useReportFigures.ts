import { readReportData } from '../../core/queries';
import type { Resource } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';
import type { CheckedFilters, ReportFilters } from './report-filters';
import { reportFigures } from './report-figures';
import type { ReportFigures } from './report-figures';

/** The reports of the chosen range and, when asked, of the previous period, with the resources they cover. */
export interface ReportResult {
  figures: ReportFigures;
  previous: ReportFigures | null;
  resources: Resource[];
}

/**
 * Reads and computes the reports live: they follow every status change,
 * booking and schedule change on this desk (and pulled by sync) while the
 * screen is open. Nothing while the filters are not valid.
 *
 * @example const result = useReportFigures(filters, checked, weekStart);
 */
export function useReportFigures(filters: ReportFilters, checked: CheckedFilters, weekStart: number): LiveResult<ReportResult | null> {
  const { db } = useAppData();
  return useLiveQuery(`reports:${JSON.stringify(filters)}:${weekStart}:${checked.ok ? checked.range.timeZone : ''}`, async () => {
    if (!checked.ok) return null;
    const choice = { period: filters.period, weekStart, lateCancelHours: checked.lateCancelHours };
    const [data, before] = await Promise.all([readReportData(db, checked.range, checked.resourceIds), checked.previous ? readReportData(db, checked.previous, checked.resourceIds) : null]);
    return {
      figures: reportFigures(checked.range, data, choice),
      previous: before && checked.previous ? reportFigures(checked.previous, before, choice) : null,
      resources: data.resources,
    };
  });
}
