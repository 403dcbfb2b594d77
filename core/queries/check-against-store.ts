import { bookingsOverlapping, longestBookingMs } from '../db';
import type { Table } from 'dexie';
import type { TimedeskDb } from '../db';
import { msToInstant } from '../model';
import type { Appointment, Series, SeriesException } from '../model';
import { checkBooking } from '../overlap';
import type { BookingCheckResult, ExistingBooking } from '../overlap';
import { expandSeries } from '../recurrence';
import { ValidationError } from '../validation';
import { readSchedule } from './schedule-reads';

/**
 * The rows whose `index` holds any of `keys` (duplicates possible for a
 * multi-entry index): one `equals` read per key, all asked for at once. For
 * the few keys a booking check has, IndexedDB's getAll per key is much
 * cheaper than Dexie's `anyOf`, which walks a cursor.
 */
function rowsWithAny<Row>(table: Table<Row, string>, index: string, keys: readonly string[]): Promise<Row[]> {
  return Promise.all(keys.map((key) => table.where(index).equals(key).toArray())).then((lists) => lists.flat());
}

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
  const spanStart = Math.min(...candidates.map((candidate) => candidate.start));
  const spanEnd = Math.max(...candidates.map((candidate) => candidate.end));
  // Every read that depends on nothing else is asked for at once: IndexedDB answers them in one
  // go instead of one round trip each (in Chromium each costs a trip to the browser process).
  const [resources, bookingRows, patientRows, seriesByResource, seriesByPatient, schedule] = await Promise.all([
    db.resources.bulkGet(resourceIds),
    candidates.length === 0 ? [] : Promise.all(candidates.flatMap((candidate) => candidate.resourceIds.map((resourceId) => bookingsOverlapping(db, resourceId, candidate.start, candidate.end)))),
    candidates.length === 0
      ? []
      : Promise.all(
          patientIds.map((patientId) =>
            db.appointments
              .where('[patientId+start]')
              .between([patientId, msToInstant(spanStart - longestBookingMs)], [patientId, msToInstant(spanEnd)], true, false)
              .toArray(),
          ),
        ),
    rowsWithAny(db.series, 'resourceIds', resourceIds),
    rowsWithAny(db.series, 'patientId', patientIds),
    candidates.length === 0 ? { blocks: [], closures: [] } : readSchedule(db, { resourceIds, from: spanStart, to: spanEnd }),
  ]);
  resources.forEach((resource, index) => {
    const id = resourceIds[index] as string;
    const position = candidates.find((candidate) => candidate.resourceIds.includes(id))?.resourceIds.indexOf(id) ?? index;
    if (!resource) throw new ValidationError('unknown-entity', `resourceIds.${position}`, `There is no resource "${id}".`);
  });
  if (candidates.length === 0) return { ok: true, hard: [], warnings: [] };

  // Stored appointments: per candidate and resource, a narrow index range; and the patient's own.
  const appointmentIds = new Set<string>();
  for (const rows of bookingRows) {
    for (const row of rows) if (row.status !== 'cancelled' && row.status !== 'no_show') appointmentIds.add(row.appointmentId);
  }
  // Series occurrences that are not stored as appointments.
  const excluded = new Set(exclusions.seriesIds ?? []);
  const series = new Map<string, Series>();
  for (const row of [...seriesByResource, ...seriesByPatient]) if (!excluded.has(row.id)) series.set(row.id, row);
  const seriesIds = [...series.keys()];
  const [byBooking, exceptions, materialised] = await Promise.all([
    db.appointments.bulkGet([...appointmentIds]),
    rowsWithAny(db.seriesExceptions, 'seriesId', seriesIds),
    rowsWithAny(db.appointments, 'seriesId', seriesIds),
  ]);
  const stored = new Map<string, Appointment>();
  for (const row of byBooking) if (row) stored.set(row.id, row);
  for (const rows of patientRows) for (const row of rows) if (Date.parse(row.end) > spanStart) stored.set(row.id, row);
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
  const { blocks, closures } = schedule;
  return checkBooking({
    candidates,
    existing: [...existing, ...occurrences, ...(exclusions.extraExisting ?? [])],
    resources: resources as NonNullable<(typeof resources)[number]>[],
    schedule: blocks,
    closures,
    clinicTimeZone,
  });
}
