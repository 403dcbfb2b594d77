export { calendarRange, dayRange, weekRange, nextDate } from './calendar-range';
export type { CalendarItem, CalendarRangeQuery } from './calendar-range';
export { patientAppointments } from './patient-appointments';
export { freeSlots } from './free-slots';
export type { FreeSlot, FreeSlotQuery } from './free-slots';
export { auditLog, auditEntriesInChainOrder } from './audit-log';
export type { AuditLogQuery, AuditCursor, AuditPage } from './audit-log';
export { seriesOccurrences } from './series-occurrences';
export type { TimeSpan } from './series-occurrences';
