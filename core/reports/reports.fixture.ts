import type { ScheduleBlock } from '../model';
import { wallTimeToInstant } from '../time';
import type { ReportVisit } from './report-visit';

/**
 * A hand-counted clinic for the report tests: New York, the week of Monday
 * 8 March 2027 (the clocks go forward on Sunday 14 March at 02:00).
 *
 * - dr-lee: Mon–Fri 09:00–17:00 with lunch 12:00–13:00 (7 h), a one-off night
 *   shift Sat 22:00 → Sun 06:00 (7 real hours: 2 on Saturday, 5 on Sunday).
 * - dr-khan: Mon–Fri 08:00–16:00 (8 h), on leave Thursday and Friday.
 * - room-1: Mon–Fri 08:00–18:00 (10 h).
 * - dr-new: no schedule at all.
 * - The clinic is closed on Wednesday 10 March (`closures`).
 */
export const zone = 'America/New_York';

const stamp = { version: 0, createdAt: '2027-01-01T00:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z', exdates: [], timeZone: zone };
const weekdays = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';

export const blocks: ScheduleBlock[] = [
  { ...stamp, id: 'lee-hours', resourceId: 'dr-lee', kind: 'working', wallStart: '2027-01-04T09:00', wallEnd: '2027-01-04T17:00', rrule: weekdays },
  { ...stamp, id: 'lee-lunch', resourceId: 'dr-lee', kind: 'break', wallStart: '2027-01-04T12:00', wallEnd: '2027-01-04T13:00', rrule: weekdays },
  { ...stamp, id: 'lee-night', resourceId: 'dr-lee', kind: 'working', wallStart: '2027-03-13T22:00', wallEnd: '2027-03-14T06:00' },
  { ...stamp, id: 'khan-hours', resourceId: 'dr-khan', kind: 'working', wallStart: '2027-01-04T08:00', wallEnd: '2027-01-04T16:00', rrule: weekdays },
  { ...stamp, id: 'khan-leave', resourceId: 'dr-khan', kind: 'leave', reason: 'Holiday', wallStart: '2027-03-11T00:00', wallEnd: '2027-03-13T00:00' },
  { ...stamp, id: 'room-hours', resourceId: 'room-1', kind: 'working', wallStart: '2027-01-04T08:00', wallEnd: '2027-01-04T18:00', rrule: weekdays },
] as ScheduleBlock[];

export const closures = [{ id: 'inset', resourceId: null, startDate: '2027-03-10', endDate: '2027-03-10', reason: 'Inset day' }];

export const resourceIds = ['dr-lee', 'dr-khan', 'room-1', 'dr-new'];

/**
 * A report visit from wall times in New York.
 *
 * @example visit('v1', ['dr-lee'], '2027-03-08T09:00', 60, 'completed', 'p1')
 */
export function visit(id: string, resources: string[], wallStart: string, minutes: number, status: ReportVisit['status'], patientId: string, cancelledAtWall?: string): ReportVisit {
  const start = wallTimeToInstant(wallStart, zone);
  const made: ReportVisit = { id, patientId, resourceIds: resources, start, end: start + minutes * 60_000, status, wallStart };
  if (cancelledAtWall !== undefined) made.cancelledAt = wallTimeToInstant(cancelledAtWall, zone);
  return made;
}

export const visits: ReportVisit[] = [
  visit('v1', ['dr-lee', 'room-1'], '2027-03-08T09:00', 60, 'completed', 'p1'),
  visit('v2', ['dr-lee', 'room-1'], '2027-03-08T09:30', 60, 'completed', 'p2'), // overlaps v1: 90 minutes held, not 120
  visit('v3', ['dr-lee'], '2027-03-08T12:30', 60, 'no_show', 'p3'), // half in the lunch break
  visit('v4', ['dr-lee'], '2027-03-09T10:00', 60, 'cancelled', 'p1', '2027-03-09T08:00'), // 2 h before: late
  visit('v5', ['dr-lee'], '2027-03-11T14:00', 60, 'cancelled', 'p2', '2027-03-08T09:00'), // 77 h before
  visit('v6', ['dr-lee'], '2027-03-13T23:00', 180, 'completed', 'p4'), // across the clock change: ends 03:00 EDT
  visit('v7', ['dr-khan'], '2027-03-08T08:00', 30, 'booked', 'p5'),
  visit('v8', ['dr-khan'], '2027-03-11T10:00', 30, 'booked', 'p5'), // during leave: outside the hours
  visit('v9', ['dr-khan'], '2027-03-09T09:00', 60, 'no_show', 'p6'),
  visit('v10', ['dr-lee'], '2027-03-12T16:30', 60, 'completed', 'p1'), // half after closing
  visit('v0', ['dr-lee'], '2027-03-05T09:00', 60, 'completed', 'p1'), // the Friday before: outside the range
];
