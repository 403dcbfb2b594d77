import type { Appointment, AppointmentStatus } from '../model';

/**
 * What the reports read of a visit: its resources, patient, instants (epoch
 * ms), status, its wall-clock start (weekday and hour of day as the desk saw
 * them) and, for a cancelled visit, when it was cancelled.
 */
export interface ReportVisit {
  id: string;
  patientId: string;
  resourceIds: readonly string[];
  start: number;
  end: number;
  status: AppointmentStatus;
  /** `YYYY-MM-DDTHH:mm` in the visit's own zone. */
  wallStart: string;
  /** Epoch ms of the change to `cancelled`, for a cancelled visit. */
  cancelledAt?: number;
  /** A series visit's series and rule start: with `id`, what names its confirmation (core/confirmations `visitKey`). */
  seriesId?: string;
  originalStart?: string;
}

/**
 * A stored appointment as the reports read it. The cancellation time is the
 * last status change's (the status always equals the history's last entry).
 *
 * @example reportVisit(appointment).cancelledAt // Date.parse('2027-01-11T16:00:00Z') for one cancelled then
 */
export function reportVisit(appointment: Appointment): ReportVisit {
  const visit: ReportVisit = {
    id: appointment.id,
    patientId: appointment.patientId,
    resourceIds: appointment.resourceIds,
    start: Date.parse(appointment.start),
    end: Date.parse(appointment.end),
    status: appointment.status,
    wallStart: appointment.wallStart,
  };
  const last = appointment.statusHistory.at(-1);
  if (appointment.status === 'cancelled' && last !== undefined) visit.cancelledAt = Date.parse(last.at);
  if (appointment.seriesId !== undefined) visit.seriesId = appointment.seriesId;
  if (appointment.originalStart !== undefined) visit.originalStart = appointment.originalStart;
  return visit;
}

/**
 * Whether a visit held its time: every status but `cancelled` (a no-show
 * held the slot all the same, so it counts as booked time).
 *
 * @example holdsTime({ status: 'no_show' }) // true
 */
export function holdsTime(visit: Pick<ReportVisit, 'status'>): boolean {
  return visit.status !== 'cancelled';
}

/**
 * Whether the patient came or is still expected: not cancelled, not a
 * no-show. What "a visit" means in the patients report.
 *
 * @example isAttendedOrDue({ status: 'completed' }) // true
 */
export function isAttendedOrDue(visit: Pick<ReportVisit, 'status'>): boolean {
  return visit.status !== 'cancelled' && visit.status !== 'no_show';
}

/**
 * The tallies a visit counts in, one per report resource it names (a visit
 * of two tracked resources counts for both); none when it names none of
 * them, and the report then leaves it out.
 *
 * @example tallyOf(visit, byResource) // [the counter of dr-lee, the counter of room-1]
 */
export function tallyOf<Tally>(visit: Pick<ReportVisit, 'resourceIds'>, byResource: ReadonlyMap<string, Tally>): Tally[] {
  const tallies: Tally[] = [];
  for (const resourceId of visit.resourceIds) {
    const tally = byResource.get(resourceId);
    if (tally !== undefined) tallies.push(tally);
  }
  return tallies;
}
