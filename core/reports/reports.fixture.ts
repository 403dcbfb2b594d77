import type { ConfirmationStatus, ScheduleBlock, VisitConfirmation, WaitlistEntry, WaitlistState } from '../model';
import { wallTimeToInstant } from '../time';
import type { ReportVisit } from './report-visit';
import type { FreedVisit } from './waitlist-report';

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

/** A stored-instant ISO string from a wall time in New York. */
const at = (wall: string) => new Date(wallTimeToInstant(wall, zone)).toISOString();

/**
 * Confirmations of that week's visits (by visit key, here the visit's id):
 * v1, v2, v3 (then missed), v10 confirmed; v4 declined (then cancelled); v6
 * reminded (the Saturday-night visit across the clock change); v7 no answer;
 * v8 confirmed for a start it no longer has (moved: unconfirmed now); v0,
 * outside the range, confirmed. v5 and v9 have no record (unconfirmed).
 */
export const confirmations: ReadonlyMap<string, VisitConfirmation> = new Map(
  [
    confirmation('v1', 'confirmed'),
    confirmation('v2', 'confirmed'),
    confirmation('v3', 'confirmed'),
    confirmation('v4', 'declined'),
    confirmation('v6', 'reminded'),
    confirmation('v7', 'no_answer'),
    confirmation('v8', 'confirmed', '2027-03-10T10:00'),
    confirmation('v10', 'confirmed'),
    confirmation('v0', 'confirmed'),
  ].map((record) => [record.id, record]),
);

/**
 * A confirmation record answered the day before the visit, for its start (or `forWallStart`).
 *
 * @example confirmation('v1', 'confirmed').status // 'confirmed'
 */
export function confirmation(visitId: string, status: Exclude<ConfirmationStatus, 'unconfirmed'>, forWallStart?: string): VisitConfirmation {
  const target = visits.find((entry) => entry.id === visitId) as ReportVisit;
  const visitStart = forWallStart === undefined ? new Date(target.start).toISOString() : at(forWallStart);
  const answeredAt = new Date(Date.parse(visitStart) - 86_400_000).toISOString();
  const server = status === 'reminded';
  return {
    id: visitId,
    patientId: target.patientId,
    visitStart,
    status,
    statusHistory: [{ kind: 'set', from: 'unconfirmed', to: status, at: answeredAt, actor: server ? 'server' : 'staff', by: server ? 'sync-server' : 'staff-desk', method: server ? 'reminder' : 'phone' }],
    version: 1,
    createdAt: answeredAt,
    updatedAt: answeredAt,
  };
}

/**
 * A waitlist entry added at a wall time in New York, wanting `providers` (`'any'`: any provider).
 *
 * @example entry('w1', ['dr-lee'], '2027-03-08T09:00', { kind: 'waiting' })
 */
export function entry(id: string, providers: string[] | 'any', addedWall: string, state: WaitlistState): WaitlistEntry {
  return {
    id,
    patientId: `patient-${id}`,
    providers: providers === 'any' ? { kind: 'provider' } : providers,
    durationMinutes: 30,
    reason: 'Wants to come sooner',
    priority: 'routine',
    state,
    addedBy: 'staff-desk',
    version: 0,
    createdAt: at(addedWall),
    updatedAt: at(addedWall),
  };
}

const booked = (appointmentId: string, wall: string): WaitlistState => ({ kind: 'booked', appointmentId, at: at(wall), by: 'staff-desk' });

/**
 * The waitlist of that week (hand-counted in waitlist-report.test.ts):
 *
 * - w1 Dr Lee, added Monday 09:00, waiting. w6 Dr Lee, added Thursday, removed.
 * - w2 any provider, added Monday 09:30, booked Tuesday 09:00 into b2, Dr Lee's
 *   10:00 that v4's cancellation (08:00) had freed: 23.5 h, from a freed slot.
 * - w3 Dr Lee or Dr Khan, added Wednesday 3 March 12:00 (before the week),
 *   booked Thursday 09:00 into b3, the 14:00 v5's cancellation freed: 189 h.
 * - w4 Dr Khan, added Tuesday 09:30, booked 10:00 into b4 over v9 — marked
 *   no-show only at 10:15, after: 0.5 h, not from a freed slot.
 * - w5 any, added Saturday 10:00 EST, booked Sunday 10:00 EDT into b5: 23 real
 *   hours across the clock change, no freed time under it.
 * - w7 Dr Khan, added Friday, offered. w9 any, added Sunday 23:30 EDT (the
 *   short day's last half hour, still in the week), waiting.
 * - Not in the week: w0 (added the Friday before, waiting), w10 (added the
 *   Sunday before, booked the Monday after at 00:30), w8 (wants only dr-gone,
 *   a provider not reported on).
 */
export const entries: WaitlistEntry[] = [
  entry('w1', ['dr-lee'], '2027-03-08T09:00', { kind: 'waiting' }),
  entry('w2', 'any', '2027-03-08T09:30', booked('b2', '2027-03-09T09:00')),
  entry('w3', ['dr-lee', 'dr-khan'], '2027-03-03T12:00', booked('b3', '2027-03-11T09:00')),
  entry('w4', ['dr-khan'], '2027-03-09T09:30', booked('b4', '2027-03-09T10:00')),
  entry('w5', 'any', '2027-03-13T10:00', booked('b5', '2027-03-14T10:00')),
  entry('w6', ['dr-lee'], '2027-03-11T15:00', { kind: 'removed', reason: 'Found another clinic', at: at('2027-03-12T11:00'), by: 'staff-desk' }),
  entry('w7', ['dr-khan'], '2027-03-12T09:00', { kind: 'offered', slot: { start: at('2027-03-15T09:00'), end: at('2027-03-15T09:30'), providerId: 'dr-khan' }, at: at('2027-03-12T12:00'), by: 'staff-desk' }),
  entry('w8', ['dr-gone'], '2027-03-08T10:00', { kind: 'waiting' }),
  entry('w9', 'any', '2027-03-14T23:30', { kind: 'waiting' }),
  entry('w0', ['dr-lee'], '2027-03-05T09:00', { kind: 'waiting' }),
  entry('w10', ['dr-lee'], '2027-03-07T09:00', booked('b10', '2027-03-15T00:30')),
];

/** The visits the booked entries were booked into, by id. */
export const bookedVisits: ReadonlyMap<string, ReportVisit> = new Map(
  [visit('b2', ['dr-lee'], '2027-03-09T10:00', 30, 'booked', 'patient-w2'), visit('b3', ['dr-lee'], '2027-03-11T14:00', 30, 'booked', 'patient-w3'), visit('b4', ['dr-khan'], '2027-03-09T09:30', 30, 'booked', 'patient-w4'), visit('b5', ['dr-lee'], '2027-03-14T04:00', 60, 'booked', 'patient-w5'), visit('b10', ['dr-lee'], '2027-03-15T09:00', 30, 'booked', 'patient-w10')].map((made) => [made.id, made]),
);

/** The week's cancelled and no-show visits with when they were freed (v3 marked no-show at 13:45, v9 at 10:15). */
export const freedVisits: FreedVisit[] = visits
  .filter((made) => made.status === 'cancelled' || made.status === 'no_show')
  .map((made) => ({ id: made.id, resourceIds: made.resourceIds, start: made.start, end: made.end, freedAt: made.cancelledAt ?? wallTimeToInstant(made.id === 'v3' ? '2027-03-08T13:45' : '2027-03-09T10:15', zone) }));
