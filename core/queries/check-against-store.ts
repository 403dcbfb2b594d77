import { bookingsOverlapping, longestBookingMs } from '../db';
import type { TimedeskDb } from '../db';
import { msToInstant } from '../model';
import type { Appointment, Series, SeriesException } from '../model';
import { checkBooking } from '../overlap';
import type { BookingCheckResult, ExistingBooking } from '../overlap';
import { expandSeries } from '../recurrence';
import { ValidationError } from '../validation';
import { readSchedule } from './schedule-reads';

/** One booking to check: an appointment or a series occurrence, epoch ms, half-open `[start, end)`. */
export interface Candidate {
  id: string;
  start: number;
  end: number;
  resourceIds: readonly string[];
  /** `null` while no patient is chosen yet (a draft): only resources, hours and closures are checked. */
  patientId: string | null;
}

/** What the check should not count as "already there". */
export interface CheckExclusions {
  /** Series whose stored occurrences are being replaced by the candidates. */
  seriesIds?: readonly string[];
  /** Extra bookings to count that are not stored yet (e.g. the kept half of a split series). */
  extraExisting?: readonly ExistingBooking[];
}

/**
 * Runs core/overlap's booking check for `candidates` against what the store
 * holds, reading only what can matter: per candidate and resource, the
 * `bookings [resourceId+start]` range that could overlap (an appointment is
 * at most 24 h, so the range starts a day earlier); the patient's own
 * appointments in that span (`[patientId+start]`); the series on those
 * resources or that patient, expanded over the candidates' span with their
 * exceptions; those resources' schedule blocks and the closures (`readSchedule`).
 *
 * The one booking check of the desk: the write commands call it inside
 * their transaction (core/commands `checkCandidates`) and the dialog's dry
 * run calls it read-only (`checkDraft`), so the two cannot disagree.
 * A stored appointment with a candidate's id is the one being moved and is
 * ignored (see `checkBooking`).
 *
 * Throws `unknown-entity` (field `resourceIds.N`) for a resource that does not exist.
 *
 * @example const check = await checkAgainstStore(db, 'America/New_York', [{ id: 'a1', start, end, resourceIds: ['dr-lee'], patientId: 'p1' }]);
 * // { ok: true, hard: [], warnings: [] }
 */
export async function checkAgainstStore(
  db: TimedeskDb,
  clinicTimeZone: string,
  candidates: readonly Candidate[],
  exclusions: CheckExclusions = {},
): Promise<BookingCheckResult> {
  const resourceIds = [...new Set(candidates.flatMap((candidate) => candidate.resourceIds))];
  const patientIds = [...new Set(candidates.flatMap((candidate) => (candidate.patientId === null ? [] : [candidate.patientId])))];
  const resources = await db.resources.bulkGet(resourceIds);
  resources.forEach((resource, index) => {
    const id = resourceIds[index] as string;
    const position = candidates.find((candidate) => candidate.resourceIds.includes(id))?.resourceIds.indexOf(id) ?? index;
    if (!resource) throw new ValidationError('unknown-entity', `resourceIds.${position}`, `There is no resource "${id}".`);
  });
  if (candidates.length === 0) return { ok: true, hard: [], warnings: [] };
  const spanStart = Math.min(...candidates.map((candidate) => candidate.start));
  const spanEnd = Math.max(...candidates.map((candidate) => candidate.end));

  // Stored appointments: per candidate and resource, a narrow index range.
  const appointmentIds = new Set<string>();
  const reads = candidates.flatMap((candidate) => candidate.resourceIds.map((resourceId) => bookingsOverlapping(db, resourceId, candidate.start, candidate.end)));
  for (const rows of await Promise.all(reads)) {
    for (const row of rows) if (row.status !== 'cancelled' && row.status !== 'no_show') appointmentIds.add(row.appointmentId);
  }
  const stored = new Map<string, Appointment>();
  for (const row of await db.appointments.bulkGet([...appointmentIds])) if (row) stored.set(row.id, row);
  for (const patientId of patientIds) {
    const rows = await db.appointments
      .where('[patientId+start]')
      .between([patientId, msToInstant(spanStart - longestBookingMs)], [patientId, msToInstant(spanEnd)], true, false)
      .toArray();
    for (const row of rows) if (Date.parse(row.end) > spanStart) stored.set(row.id, row);
  }

  // Series occurrences that are not stored as appointments.
  const excluded = new Set(exclusions.seriesIds ?? []);
  const series = new Map<string, Series>();
  for (const row of await db.series.where('resourceIds').anyOf(resourceIds).toArray()) series.set(row.id, row);
  if (patientIds.length > 0) for (const row of await db.series.where('patientId').anyOf(patientIds).toArray()) series.set(row.id, row);
  for (const id of excluded) series.delete(id);
  const exceptions = series.size === 0 ? [] : await db.seriesExceptions.where('seriesId').anyOf([...series.keys()]).toArray();
  const materialised = series.size === 0 ? [] : await db.appointments.where('seriesId').anyOf([...series.keys()]).toArray();
  const materialisedKeys = new Set(materialised.map((row) => `${row.seriesId}|${row.originalStart}`));
  const occurrences: ExistingBooking[] = [];
  for (const row of series.values()) {
    const own = exceptions.filter((exception: SeriesException) => exception.seriesId === row.id);
    for (const occurrence of expandSeries(row, own, { from: msToInstant(spanStart), to: msToInstant(spanEnd), includeCancelled: false })) {
      if (materialisedKeys.has(`${row.id}|${occurrence.originalStart}`)) continue;
      occurrences.push(occurrence);
    }
  }

  const existing: ExistingBooking[] = [...stored.values()].filter((row) => !(row.seriesId !== undefined && excluded.has(row.seriesId)));
  const { blocks, closures } = await readSchedule(db, { resourceIds, from: spanStart, to: spanEnd });
  return checkBooking({
    candidates,
    existing: [...existing, ...occurrences, ...(exclusions.extraExisting ?? [])],
    resources: resources as NonNullable<(typeof resources)[number]>[],
    schedule: blocks,
    closures,
    clinicTimeZone,
  });
}
