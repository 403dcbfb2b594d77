import { checkBooking, expandSeries, msToInstant, seriesCheckHorizonMs, wallTimeToInstant } from '../../core';
import type { Appointment, BookingInterval, BookingResource, ExistingBooking, Series, SeriesException } from '../../core';
import type { BookingSlot, WriteTransaction } from '../storage/storage';

/** Statuses that hold their slot (cancelled, no_show and completed ones are history). */
const openStatuses: ReadonlySet<string> = new Set(['booked', 'arrived', 'in_room']);

/**
 * The booking-index slots of an appointment: one per resource and one for the
 * patient, or none when its status no longer holds the slot.
 *
 * @example bookingSlots(appointment) // [{ key: 'resource:dr-lee', startMs, endMs }, { key: 'patient:p1', startMs, endMs }]
 */
export function bookingSlots(appointment: Pick<Appointment, 'resourceIds' | 'patientId' | 'start' | 'end' | 'status'>): BookingSlot[] {
  if (!openStatuses.has(appointment.status)) return [];
  const startMs = Date.parse(appointment.start);
  const endMs = Date.parse(appointment.end);
  return [...appointment.resourceIds.map((id) => `resource:${id}`), `patient:${appointment.patientId}`].map((key) => ({ key, startMs, endMs }));
}

/** A hard double booking found for one appointment. */
export interface DoubleBooking {
  /** Stored appointments or stored series' occurrence ids it collides with, sorted. */
  existingIds: string[];
  /** The incoming booking's colliding ids: the appointment, or the series' occurrence ids. */
  candidateIds: string[];
  /** The devices that last wrote those appointments / series. */
  existingDeviceIds: string[];
  /** Conflict ids the colliding stored appointments already carry (`syncConflict`). */
  existingConflictIds: string[];
  resourceId?: string;
  patientId?: string;
}

/** A stored booking the check compares against: an appointment, or one occurrence of a stored series. */
interface StoredBooking extends ExistingBooking {
  deviceId: string;
  /** The `syncConflict` marker of the appointment or of the series the occurrence belongs to. */
  syncConflict?: string;
}

const markerOf = (data: Record<string, unknown>) => (typeof data['syncConflict'] === 'string' ? data['syncConflict'] : undefined);

/**
 * Live occurrences (exceptions applied) within [fromMs, toMs) of the stored
 * series that can touch the candidates, except `skipSeriesId`: the storage
 * returns only series naming one of `resourceIds` or `patientIds`, or with a
 * moved occurrence on one of `resourceIds` (`findSeriesTouching`). Reading
 * and expanding every series of the clinic for every save cost ~200 ms per
 * booking at 2,000 series (bench/sync-server.bench.ts), and a series sharing
 * no resource and no patient with the candidates cannot collide with them.
 */
async function storedSeriesOccurrences(
  tx: WriteTransaction,
  fromMs: number,
  toMs: number,
  touching: { resourceIds: ReadonlySet<string>; patientIds: ReadonlySet<string | null | undefined> },
  skipSeriesId?: string,
): Promise<StoredBooking[]> {
  const patientIds = [...touching.patientIds].filter((id): id is string => typeof id === 'string');
  const found = await tx.findSeriesTouching([...touching.resourceIds], patientIds);
  const series = found.series.filter((record) => record.id !== skipSeriesId && record.data !== null);
  if (series.length === 0) return [];
  const exceptionsBySeries = new Map<string, SeriesException[]>();
  for (const record of found.exceptions) {
    if (record.data === null) continue;
    const exception = record.data as unknown as SeriesException;
    exceptionsBySeries.set(exception.seriesId, [...(exceptionsBySeries.get(exception.seriesId) ?? []), exception]);
  }
  return series.flatMap((record) => {
    const data = record.data as Record<string, unknown>;
    const marker = markerOf(data);
    return expandSeries(data as unknown as Series, exceptionsBySeries.get(record.id) ?? [], { from: msToInstant(fromMs), to: msToInstant(toMs), includeCancelled: false }).map((occurrence) => ({
      id: occurrence.id,
      start: occurrence.start,
      end: occurrence.end,
      resourceIds: occurrence.resourceIds,
      patientId: occurrence.patientId,
      status: 'booked' as const,
      deviceId: record.deviceId,
      ...(marker === undefined ? {} : { syncConflict: marker }),
    }));
  });
}

/** Stored appointments (through the slot index) and stored series' occurrences that share a key with the candidates within [fromMs, toMs). */
async function storedBookings(tx: WriteTransaction, candidates: readonly BookingInterval[], fromMs: number, toMs: number, skip: { appointmentId?: string; seriesId?: string }): Promise<StoredBooking[]> {
  const resourceIds = new Set(candidates.flatMap((candidate) => candidate.resourceIds));
  const patientIds = new Set(candidates.map((candidate) => candidate.patientId));
  const keys = [...[...resourceIds].map((id) => `resource:${id}`), ...[...patientIds].map((id) => `patient:${id}`)];
  const appointments = (await tx.findOverlappingAppointments(keys, fromMs, toMs)).flatMap((record): StoredBooking[] => {
    if (record.id === skip.appointmentId || record.deleted || record.data === null) return [];
    const data = record.data as unknown as Appointment;
    const marker = markerOf(record.data);
    return [{ id: record.id, start: data.start, end: data.end, resourceIds: data.resourceIds, patientId: data.patientId, status: data.status, deviceId: record.deviceId, ...(marker === undefined ? {} : { syncConflict: marker }) }];
  });
  const occurrences = (await storedSeriesOccurrences(tx, fromMs, toMs, { resourceIds, patientIds }, skip.seriesId)).filter(
    (occurrence) => patientIds.has(occurrence.patientId) || occurrence.resourceIds.some((id) => resourceIds.has(id)),
  );
  return [...appointments, ...occurrences];
}

/** Resources as core/overlap needs them; one the server has not seen yet counts as a capacity-1 provider. */
async function bookingResources(tx: WriteTransaction, resourceIds: readonly string[], clinicTimeZone: string): Promise<BookingResource[]> {
  const known = await tx.getEntities('resource', resourceIds);
  return resourceIds.map((id) => {
    const data = known.find((record) => record.id === id && !record.deleted)?.data;
    if (data) return { id, kind: data['kind'] as BookingResource['kind'], timeZone: String(data['timeZone']), capacity: data['capacity'] as number | undefined };
    return { id, kind: 'provider', timeZone: clinicTimeZone, capacity: 1 };
  });
}

/** core/overlap's hard double bookings of `candidates` against `stored`, summarised. */
function hardClash(candidates: BookingInterval[], stored: StoredBooking[], resources: BookingResource[], clinicTimeZone: string): DoubleBooking | null {
  if (stored.length === 0) return null;
  const resourceIds = new Set(resources.map((resource) => resource.id));
  // Stored bookings may name resources the candidates do not book; the check only needs the candidates'.
  const existing: ExistingBooking[] = stored.map(({ id, start, end, patientId, status, resourceIds: ids }) => ({ id, start, end, patientId, status, resourceIds: ids.filter((rid) => resourceIds.has(rid)) }));
  const result = checkBooking({ candidates, existing, resources, schedule: [], closures: [], clinicTimeZone });
  const hard = result.hard.filter((conflict) => (conflict.kind === 'resource-double-booked' || conflict.kind === 'patient-double-booked') && conflict.existingIds.length > 0);
  if (hard.length === 0) return null;
  const existingIds = [...new Set(hard.flatMap((conflict) => conflict.existingIds))].sort();
  const colliding = stored.filter((booking) => existingIds.includes(booking.id));
  const byResource = hard.find((conflict) => conflict.kind === 'resource-double-booked');
  const byPatient = hard.find((conflict) => conflict.kind === 'patient-double-booked');
  return {
    existingIds,
    candidateIds: [...new Set(hard.map((conflict) => conflict.candidateId))].sort(),
    existingDeviceIds: [...new Set(colliding.map((booking) => booking.deviceId))].sort(),
    existingConflictIds: [...new Set(colliding.flatMap((booking) => (booking.syncConflict === undefined ? [] : [booking.syncConflict])))].sort(),
    ...(byResource?.resourceId !== undefined ? { resourceId: byResource.resourceId } : { patientId: byPatient?.patientId ?? candidates[0]?.patientId ?? '' }),
  };
}

/**
 * Runs core/overlap's `checkBooking` for one incoming appointment against the
 * clinic's stored appointments that share a resource or the patient and
 * overlap it (read through the slot index, under the change lock so two
 * concurrent pushes cannot both miss each other), and against the stored
 * series' occurrences there. Only hard double bookings count: closures and
 * working hours are the desk's business (it asked, or a manager overrode),
 * and the server must not reject a booking it cannot second-guess. A
 * resource the server has not seen yet counts as capacity 1.
 *
 * @example await findDoubleBooking(tx, appointment, 'Europe/London') // { existingIds: ['a1'], resourceId: 'dr-lee', … } or null
 */
export async function findDoubleBooking(tx: WriteTransaction, appointment: Appointment, clinicTimeZone: string): Promise<DoubleBooking | null> {
  if (bookingSlots(appointment).length === 0) return null;
  const candidate: BookingInterval = { id: appointment.id, start: appointment.start, end: appointment.end, resourceIds: appointment.resourceIds, patientId: appointment.patientId };
  const stored = await storedBookings(tx, [candidate], Date.parse(appointment.start), Date.parse(appointment.end), { appointmentId: appointment.id });
  if (stored.length === 0) return null;
  return hardClash([candidate], stored, await bookingResources(tx, appointment.resourceIds, clinicTimeZone), clinicTimeZone);
}

/**
 * The same check for a stored series: its live occurrences (exceptions
 * applied) from its first one over {@link seriesCheckHorizonMs} — what the
 * desk checked when it booked — against the clinic's stored appointments and
 * every other stored series' occurrences. `candidateIds` are the series'
 * colliding occurrence ids (`seriesId:YYYYMMDDTHHMMSS`).
 *
 * @example await findSeriesDoubleBooking(tx, series, exceptions, 'Europe/London') // { existingIds: ['s1:20260302T090000', …], candidateIds: ['s2:20260302T090000', …], resourceId: 'dr-lee', … } or null
 */
export async function findSeriesDoubleBooking(tx: WriteTransaction, series: Series, exceptions: readonly SeriesException[], clinicTimeZone: string): Promise<DoubleBooking | null> {
  const fromMs = wallTimeToInstant(series.dtstart, series.timeZone, 'dtstart');
  const candidates: BookingInterval[] = expandSeries(series, exceptions, { from: msToInstant(fromMs), to: msToInstant(fromMs + seriesCheckHorizonMs), includeCancelled: false }).map(
    (occurrence) => ({ id: occurrence.id, start: occurrence.start, end: occurrence.end, resourceIds: occurrence.resourceIds, patientId: occurrence.patientId }),
  );
  if (candidates.length === 0) return null;
  const startMs = Math.min(...candidates.map((candidate) => Date.parse(String(candidate.start))));
  const endMs = Math.max(...candidates.map((candidate) => Date.parse(String(candidate.end))));
  const stored = await storedBookings(tx, candidates, startMs, endMs, { seriesId: series.id });
  if (stored.length === 0) return null;
  const resourceIds = [...new Set(candidates.flatMap((candidate) => candidate.resourceIds))];
  return hardClash(candidates, stored, await bookingResources(tx, resourceIds, clinicTimeZone), clinicTimeZone);
}
