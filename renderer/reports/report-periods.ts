import type { ReportPeriod } from '../../core/reports';

/** The buckets a report can be cut into, in the order the filter lists them. */
export const reportPeriods: readonly ReportPeriod[] = ['day', 'week', 'month'];
