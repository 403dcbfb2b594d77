import { attendance, patientsReport, utilisation } from '../../core/reports';
import type { AttendanceReport, PatientsReport, ReportPeriod, ReportRange, UtilisationReport } from '../../core/reports';
import type { ReportData } from '../../core/queries';

/** The three reports of one range. */
export interface ReportFigures {
  range: ReportRange;
  utilisation: UtilisationReport;
  attendance: AttendanceReport;
  patients: PatientsReport;
}

/** What the screen asked for, beyond the range. */
export interface ReportChoice {
  period: ReportPeriod;
  weekStart: number;
  lateCancelHours: number;
}

/**
 * Runs core/reports' three reports over what `readReportData` read, for the
 * resources it read (the filter's, providers first).
 *
 * @example reportFigures(range, data, { period: 'week', weekStart: 1, lateCancelHours: 24 }).utilisation.rows[0].total.rate // 0.82
 */
export function reportFigures(range: ReportRange, data: Pick<ReportData, 'resources' | 'visits' | 'bookable' | 'seenBefore'>, choice: ReportChoice): ReportFigures {
  const resourceIds = data.resources.map((resource) => resource.id);
  return {
    range,
    utilisation: utilisation({ range, period: choice.period, weekStart: choice.weekStart, resourceIds, bookable: data.bookable, visits: data.visits }),
    attendance: attendance({ range, resourceIds, visits: data.visits, lateCancelHours: choice.lateCancelHours }),
    patients: patientsReport({ range, resourceIds, visits: data.visits, seenBefore: data.seenBefore }),
  };
}
