import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandSeries, msToInstant, parseSeries, parseSeriesException, seriesCheckHorizonMs, wallTimeToInstant } from '../../core';
import type { Appointment, Series, SeriesException } from '../../core';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { enrollDevice } from '../accounts/enroll-device';
import { openSqliteStorage } from '../storage/sqlite-storage';
import type { Storage } from '../storage/storage';
import { findDoubleBooking, findSeriesDoubleBooking } from './double-booking';
import { bookedAppointment } from './push-fixtures';

/**
 * The series part of the check expands only the stored series that share a
 * resource or the patient with the candidate (or moved one of their
 * occurrences onto its resource). These tests prove it finds the same
 * collisions as expanding every stored series: named cases, then random
 * clinics against a reference that expands everything.
 */

const zone = 'Europe/London';
const stamp = '2026-03-01T08:00:00.000Z';
let storage: Storage;

beforeAll(async () => {
  storage = await openSqliteStorage({ path: ':memory:' });
});

afterAll(async () => {
  await storage.close();
});

interface SeriesInput {
  id: string;
  resourceId: string;
  patientId: string;
  /** Days after Monday 2 March 2026. */
  day: number;
  /** Minutes after 08:00. */
  minute: number;
  durationMinutes: number;
  count: number;
  /** Occurrence index moved, to which resource and how many minutes later. */
  moved?: { occurrence: number; resourceId: string; byMinutes: number } | undefined;
}

/** Wall time `day` days after Monday 2 March 2026 and `minute` minutes after 08:00 (carrying into other days). */
const wall = (day: number, minute: number) => new Date(Date.UTC(2026, 2, 2) + (day * 24 * 60 + 8 * 60 + minute) * 60_000).toISOString().slice(0, 16);

function seriesOf(input: SeriesInput): { series: Series; exceptions: SeriesException[] } {
  const series = parseSeries({
    id: input.id,
    resourceIds: [input.resourceId],
    patientId: input.patientId,
    dtstart: wall(input.day, input.minute),
    timeZone: zone,
    durationMinutes: input.durationMinutes,
    rrule: `FREQ=WEEKLY;COUNT=${input.count}`,
    exdates: [],
    rdates: [],
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
  });
  if (!input.moved) return { series, exceptions: [] };
  const exception = parseSeriesException({
    id: `${input.id}-x`,
    seriesId: input.id,
    originalStart: wall(input.day + 7 * input.moved.occurrence, input.minute),
    kind: 'moved',
    wallStart: wall(input.day + 7 * input.moved.occurrence, input.minute + input.moved.byMinutes),
    timeZone: zone,
    durationMinutes: input.durationMinutes,
    resourceIds: [input.moved.resourceId],
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
  });
  return { series, exceptions: [exception] };
}

/** A fresh clinic holding these series; returns a function running a check inside a write transaction of it. */
async function clinicWithSeries(stored: SeriesInput[]) {
  const clinic = await createClinic(storage, { name: 'Check', zone }, Date.now);
  const deviceId = `desk-${clinic.id}`;
  const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id }, Date.now);
  await enrollDevice(storage, { code, deviceId, deviceName: 'Desk' }, Date.now);
  const built = stored.map(seriesOf);
  await storage.write(clinic.id, deviceId, async (tx) => {
    for (const { series, exceptions } of built) {
      await tx.writeRecord({ entity: 'series', id: series.id, op: 'put', data: { ...series } });
      for (const exception of exceptions) await tx.writeRecord({ entity: 'seriesException', id: exception.id, op: 'put', data: { ...exception } });
    }
  });
  return {
    built,
    check: <T>(work: Parameters<Storage['write']>[2]) => storage.write(clinic.id, deviceId, work) as Promise<T>,
  };
}

/** Reference: expand EVERY stored series and keep the occurrences that overlap a candidate and share its resource or patient. */
function referenceCollisions(built: { series: Series; exceptions: SeriesException[] }[], candidates: { start: string; end: string; resourceIds: readonly string[]; patientId: string }[], skipSeriesId?: string): string[] {
  const ids = new Set<string>();
  for (const { series, exceptions } of built) {
    if (series.id === skipSeriesId) continue;
    for (const occurrence of expandSeries(series, exceptions, { from: msToInstant(Date.parse('2026-01-01T00:00:00Z')), to: msToInstant(Date.parse('2028-01-01T00:00:00Z')), includeCancelled: false })) {
      for (const candidate of candidates) {
        const overlaps = Date.parse(occurrence.start) < Date.parse(candidate.end) && Date.parse(candidate.start) < Date.parse(occurrence.end);
        const shares = occurrence.patientId === candidate.patientId || occurrence.resourceIds.some((id) => candidate.resourceIds.includes(id));
        if (overlaps && shares) ids.add(occurrence.id);
      }
    }
  }
  return [...ids].sort();
}

describe('findDoubleBooking against stored series', () => {
  it('finds an occurrence on the same provider, one of the same patient, and one moved onto the provider; ignores the rest', async () => {
    const { check } = await clinicWithSeries([
      { id: 's-same-provider', resourceId: 'dr-a', patientId: 'p1', day: 0, minute: 60, durationMinutes: 30, count: 4 },
      { id: 's-same-patient', resourceId: 'dr-b', patientId: 'p-candidate', day: 0, minute: 60, durationMinutes: 30, count: 4 },
      // dr-c's series, its third visit (16 March) moved onto dr-a at 09:00.
      { id: 's-moved-here', resourceId: 'dr-c', patientId: 'p3', day: 0, minute: 0, durationMinutes: 60, count: 4, moved: { occurrence: 2, resourceId: 'dr-a', byMinutes: 60 } },
      { id: 's-elsewhere', resourceId: 'dr-d', patientId: 'p4', day: 0, minute: 60, durationMinutes: 30, count: 4 },
    ]);
    const onMonday9 = (id: string, day: string) => bookedAppointment({ id, resourceId: 'dr-a', patientId: 'p-candidate', wallStart: `2026-03-${day}T09:00`, timeZone: zone });
    const first = await check<Awaited<ReturnType<typeof findDoubleBooking>>>((tx) => findDoubleBooking(tx, onMonday9('a1', '09'), zone));
    expect(first?.existingIds).toEqual(['s-same-patient:20260309T090000', 's-same-provider:20260309T090000']);
    const moved = await check<Awaited<ReturnType<typeof findDoubleBooking>>>((tx) => findDoubleBooking(tx, onMonday9('a2', '16'), zone));
    expect(moved?.existingIds).toEqual(['s-moved-here:20260316T080000', 's-same-patient:20260316T090000', 's-same-provider:20260316T090000']);
    const free = await check<Awaited<ReturnType<typeof findDoubleBooking>>>((tx) =>
      findDoubleBooking(tx, bookedAppointment({ id: 'a3', resourceId: 'dr-e', patientId: 'p-other', wallStart: '2026-03-09T09:00', timeZone: zone }), zone),
    );
    expect(free).toBeNull();
  });
});

const resources = ['dr-a', 'dr-b', 'dr-c', 'dr-d'];
const patients = ['p1', 'p2', 'p3', 'p4', 'p5'];
const seriesArbitrary = (index: number) =>
  fc.record({
    id: fc.constant(`s${index}`),
    resourceId: fc.constantFrom(...resources),
    patientId: fc.constantFrom(...patients),
    day: fc.integer({ min: 0, max: 4 }),
    minute: fc.constantFrom(0, 15, 30, 60, 90),
    durationMinutes: fc.constantFrom(15, 30, 60),
    count: fc.integer({ min: 1, max: 6 }),
    moved: fc.option(fc.record({ occurrence: fc.integer({ min: 0, max: 5 }), resourceId: fc.constantFrom(...resources), byMinutes: fc.constantFrom(-60, 0, 30, 24 * 60) }), { nil: undefined }),
  });
const clinicArbitrary = fc.integer({ min: 0, max: 12 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => seriesArbitrary(index))));

describe('the series filter finds what expanding every series finds', () => {
  it('for a single booking', async () => {
    await fc.assert(
      fc.asyncProperty(
        clinicArbitrary,
        // On the stored series' weekdays and times, so collisions are common.
        fc.record({ resourceId: fc.constantFrom(...resources), patientId: fc.constantFrom(...patients), day: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 6 })).map(([weekday, week]) => weekday + 7 * week), minute: fc.constantFrom(0, 30, 60, 90) }),
        async (stored, candidate) => {
          const valid = stored.filter((input) => !input.moved || input.moved.occurrence < input.count);
          const { built, check } = await clinicWithSeries(valid);
          const appointment: Appointment = bookedAppointment({ id: 'candidate', resourceId: candidate.resourceId, patientId: candidate.patientId, wallStart: wall(candidate.day, candidate.minute), timeZone: zone });
          const found = await check<Awaited<ReturnType<typeof findDoubleBooking>>>((tx) => findDoubleBooking(tx, appointment, zone));
          expect(found?.existingIds ?? []).toEqual(referenceCollisions(built, [appointment]));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for a new series', async () => {
    await fc.assert(
      fc.asyncProperty(clinicArbitrary, seriesArbitrary(99), async (stored, incoming) => {
        const valid = stored.filter((input) => !input.moved || input.moved.occurrence < input.count);
        const { built, check } = await clinicWithSeries(valid);
        const { series } = seriesOf({ ...incoming, moved: undefined });
        const found = await check<Awaited<ReturnType<typeof findSeriesDoubleBooking>>>((tx) => findSeriesDoubleBooking(tx, series, [], zone));
        const fromMs = wallTimeToInstant(series.dtstart, zone, 'dtstart');
        const candidates = expandSeries(series, [], { from: msToInstant(fromMs), to: msToInstant(fromMs + seriesCheckHorizonMs), includeCancelled: false });
        expect(found?.existingIds ?? []).toEqual(referenceCollisions(built, candidates, series.id));
      }),
      { numRuns: 80 },
    );
  });
});
