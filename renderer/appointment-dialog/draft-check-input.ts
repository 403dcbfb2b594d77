import type { BookingDraft } from '../../core/queries';
import type { RepeatPlan } from './repeat-plan';

/** What the dialog holds that the dry run needs, as its fields hold it (strings as typed). */
export interface DraftFields {
  resourceIds: readonly string[];
  /** `null` until a patient is chosen: resources, hours and closures are still checked. */
  patientId: string | null;
  /** `YYYY-MM-DD` and `HH:mm` as the date and time inputs give them ('' when cleared). */
  date: string;
  time: string;
  /** The length field as typed. */
  duration: string;
  timeZone: string;
  /** `null` for a single appointment, else the repeat section's plan. */
  repeat: RepeatPlan | null;
  /** The appointment or series being edited, so it is not counted against itself. */
  excluding?: { appointmentId?: string; seriesId?: string } | undefined;
}

/**
 * The dry run's input for what the dialog holds, or `null` while there is
 * nothing worth checking yet (no provider or room, no date or time, a length
 * that is not a number, a repeat the builder refuses — the form shows those
 * problems itself). A repeat that never repeats books one appointment.
 *
 * @example draftCheckInput({ resourceIds: ['dr-a'], patientId: null, date: '2026-11-25', time: '10:00', duration: '30', timeZone: 'America/New_York', repeat: null })
 * // { resourceIds: ['dr-a'], patientId: null, wallStart: '2026-11-25T10:00', timeZone: 'America/New_York', durationMinutes: 30 }
 */
export function draftCheckInput(fields: DraftFields): BookingDraft | null {
  const durationMinutes = Number(fields.duration);
  if (fields.resourceIds.length === 0 || !fields.date || !fields.time || fields.duration.trim() === '' || !Number.isInteger(durationMinutes)) return null;
  if (fields.repeat !== null && !fields.repeat.ok) return null;
  const rrule = fields.repeat?.ok ? fields.repeat.rrule : null;
  return {
    resourceIds: [...fields.resourceIds],
    patientId: fields.patientId,
    wallStart: `${fields.date}T${fields.time}`,
    timeZone: fields.timeZone,
    durationMinutes,
    ...(rrule === null ? {} : { rrule }),
    ...(fields.excluding === undefined ? {} : { excluding: fields.excluding }),
  };
}
