import { attendance, confirmationsReport, patientsReport, utilisation, waitlistReport } from '../../core/reports';
import type { AttendanceReport, ConfirmationsReport, PatientsReport, ReportPeriod, ReportRange, UtilisationReport, WaitlistReport } from '../../core/reports';
import type { ReportData } from '../../core/queries';

/** The five reports of one range. */
export interface ReportFigures {
  range: ReportRange;
  utilisation: UtilisationReport;
  attendance: AttendanceReport;
  patients: PatientsReport;
  waitlist: WaitlistReport;
  confirmations: ConfirmationsReport;
}

/** What the screen asked for, beyond the range. */
export interface ReportChoice {
  period: ReportPeriod;
  weekStart: number;
  lateCancelHours: number;
}

/**
 * Runs core/reports' five reports over what `readReportData` read, for the
 * resources it read (the filter's, providers first); the waitlist for the
 * providers among them.
 *
 * @example reportFigures(range, data, { period: 'week', weekStart: 1, lateCancelHours: 24 }).utilisation.rows[0].total.rate // 0.82
 */
export function reportFigures(range: ReportRange, data: Pick<ReportData, 'resources' | 'visits' | 'bookable' | 'seenBefore' | 'confirmations' | 'waitlist'>, choice: ReportChoice): ReportFigures {
  const resourceIds = data.resources.map((resource) => resource.id);
  const providerIds = data.resources.filter((resource) => resource.kind === 'provider').map((resource) => resource.id);
  return {
    range,
    utilisation: utilisation({ range, period: choice.period, weekStart: choice.weekStart, resourceIds, bookable: data.bookable, visits: data.visits }),
    attendance: attendance({ range, resourceIds, visits: data.visits, lateCancelHours: choice.lateCancelHours }),
    patients: patientsReport({ range, resourceIds, visits: data.visits, seenBefore: data.seenBefore }),
    waitlist: waitlistReport({ range, providerIds, ...data.waitlist }),
    confirmations: confirmationsReport({ range, resourceIds, visits: data.visits, confirmations: data.confirmations }),
  };
}
