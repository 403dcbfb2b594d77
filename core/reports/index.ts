/**
 * Manager reports computed on the desk from local data: utilisation (from
 * core/schedule's `availability()`), attendance (no-shows, late
 * cancellations), patients (new vs returning), the waitlist (entries, wait,
 * filled from freed slots) and confirmations (answers, and no-shows of
 * confirmed vs unanswered visits). Pure functions over
 * records the caller read; core/queries' `readReportData` reads them from
 * the store. This file is the folder's only public entry (README.md).
 */
export { parseReportRange, previousRange, periodBuckets, addCalendarDays, calendarWeekday, reportRangeLimitYears } from './report-range';
export type { ReportRange, ReportPeriod, PeriodBucket } from './report-range';
export { reportVisit, holdsTime, isAttendedOrDue } from './report-visit';
export type { ReportVisit } from './report-visit';
export { utilisation } from './utilisation';
export type { UtilisationFigure, UtilisationRow, UtilisationReport, UtilisationInput } from './utilisation';
export { attendance, parseLateCancelHours, lateCancelLimits } from './attendance';
export type { AttendanceFigure, AttendanceReport, AttendanceInput } from './attendance';
export { patientsReport } from './patients';
export type { PatientsReport, PatientsInput } from './patients';
export { waitlistReport } from './waitlist-report';
export type { WaitlistReport, WaitlistFigure, WaitlistInput, FreedVisit } from './waitlist-report';
export { confirmationsReport } from './confirmations-report';
export type { ConfirmationsReport, ConfirmationFigure, ConfirmationsInput, NoShowSplit } from './confirmations-report';
export { reportCsv } from './report-csv';
export type { ReportCell } from './report-csv';
