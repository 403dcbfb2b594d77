import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandFixture, manager } from '../commands/commands.fixture';
import { bookingRows } from '../db';
import { seededAppointmentRow } from '../db/seeded-appointment.fixture';
import type { AppointmentRow, TimedeskDb } from '../db';
import { checkAgainstStore } from '../queries';
import { localMsToInstant, zoneFor } from '../time';
import { findOpenings } from './find-openings';

/**
 * On random clinics (two providers in any of four zones, up to two rooms,
 * hours with breaks and blockouts, random visits, days clocks change), the
 * search on a 15-minute grid gives exactly what a brute-force scan of the
 * same grid through the booking check accepts — so every opening is one
 * the booking dialog takes, and none earlier is skipped.
 */
const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata'] as const;
const dates = ['2026-01-14', '2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04'] as const;
const quarter = fc.integer({ min: 0, max: 95 }); // a wall time, in quarter hours since midnight
const wall = (date: string, quarters: number) => `${date}T${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;

const block = fc.record({
  kind: fc.constantFrom('working', 'working', 'break', 'soft', 'hard'),
  start: quarter,
  length: fc.integer({ min: 1, max: 40 }),
});
const visit = fc.record({ resource: fc.integer({ min: 0, max: 3 }), start: fc.integer({ min: 0, max: 191 }), quarters: fc.integer({ min: 1, max: 8 }), patient: fc.constantFrom('p1', 'p2') });
const clinic = fc.record({
  date: fc.constantFrom(...dates),
  providerZones: fc.tuple(fc.constantFrom(...zones), fc.constantFrom(...zones)),
  rooms: fc.integer({ min: 0, max: 2 }),
  blocks: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), block), { maxLength: 10 }),
  visits: fc.array(visit, { maxLength: 12 }),
  duration: fc.integer({ min: 1, max: 6 }).map((quarters) => quarters * 15),
  withPatient: fc.boolean(),
  namedProviders: fc.boolean(),
});

async function seed(db: TimedeskDb, must: Awaited<ReturnType<typeof commandFixture>>['must'], spec: fc.Arbitrary<unknown> extends never ? never : typeof clinic extends fc.Arbitrary<infer T> ? T : never) {
  const ids = ['prov-a', 'prov-b', 'room-a', 'room-b'].slice(0, 2 + spec.rooms);
  const zoneOf = (index: number) => (index < 2 ? spec.providerZones[index as 0 | 1] : spec.providerZones[0]);
  for (const [index, id] of ids.entries()) {
    await must('resource/save', { id, kind: index < 2 ? 'provider' : 'room', name: id, timeZone: zoneOf(index) }, manager);
    // Everyone works 06:00–14:00 on the day; the random blocks add, cut and mark.
    await must('schedule/save-block', { block: { resourceId: id, kind: 'working', wallStart: wall(spec.date, 24), wallEnd: wall(spec.date, 56) } }, manager);
  }
  for (const [target, item] of spec.blocks) {
    const resourceId = ids[target % ids.length] as string;
    const end = Math.min(item.start + item.length, 96);
    const times = { resourceId, wallStart: wall(spec.date, item.start), wallEnd: end === 96 ? `${spec.date}T23:59` : wall(spec.date, end) };
    const kind = item.kind === 'soft' || item.kind === 'hard' ? { kind: 'blockout', blockoutType: item.kind === 'soft' ? 'Emergencies only' : 'Staff meeting', enforcement: item.kind } : { kind: item.kind };
    await must('schedule/save-block', { block: { ...times, ...kind } as never }, manager);
  }
  const dayStart = localMsToInstant(Date.parse(`${spec.date}T00:00:00Z`), zoneFor(spec.providerZones[0]));
  const rows: AppointmentRow[] = spec.visits.map((item, index) => {
    const start = dayStart + item.start * 15 * 60_000 - 12 * 3_600_000;
    return seededAppointmentRow({
      id: `visit-${index}`,
      resourceIds: [ids[item.resource % ids.length] as string],
      patientId: item.patient,
      wallStart: new Date(start).toISOString().slice(0, 19),
      timeZone: 'UTC',
      start,
      durationMinutes: item.quarters * 15,
    });
  });
  await db.transaction('rw', db.appointments, db.bookings, async () => {
    await db.appointments.bulkPut(rows);
    await db.bookings.bulkPut(rows.flatMap(bookingRows));
  });
  return { ids, from: dayStart - 12 * 3_600_000, to: dayStart + 36 * 3_600_000 };
}

describe('findOpenings against a brute-force scan through the booking check', () => {
  it('returns exactly the grid starts the booking check accepts, earliest first', async () => {
    await fc.assert(
      fc.asyncProperty(clinic, async (spec) => {
        const { db, must } = await commandFixture();
        await db.meta.put({ key: 'clinic', name: 'Random Clinic', timeZone: spec.providerZones[0], locale: 'en-US', idleLockMinutes: 5 });
        await must('patient/register', { id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
        await must('patient/register', { id: 'p2', givenName: 'Alan', familyName: 'Turing', dateOfBirth: '1912-06-23' });
        const { ids, from, to } = await seed(db, must, spec);
        const providers = ids.slice(0, 2);
        const rooms = ids.slice(2);
        const patientId = spec.withPatient ? 'p1' : null;
        const found = await findOpenings(db, {
          durationMinutes: spec.duration,
          providers: spec.namedProviders ? [...providers].reverse() : { kind: 'provider' },
          ...(rooms.length > 0 ? { rooms } : {}),
          ...(patientId === null ? {} : { patientId }),
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          stepMinutes: 15,
          limit: 500,
        });

        const order = spec.namedProviders ? [...providers].reverse() : providers;
        const accepts = async (start: number, resourceIds: string[]) => {
          const check = await checkAgainstStore(db, spec.providerZones[0], [{ id: 'probe', start, end: start + spec.duration * 60_000, resourceIds, patientId }]);
          // A clean booking: no conflict and no warning (outside hours is only a warning), except a soft blockout the opening names.
          return [...check.hard, ...check.warnings].every((conflict) => conflict.kind === 'soft-blockout') ? { soft: check.hard.length > 0 } : undefined;
        };
        const expected: { start: string; providerId: string; roomId?: string; soft: boolean }[] = [];
        for (let start = from; start < to; start += 15 * 60_000) {
          for (const providerId of order) {
            const alone = await accepts(start, [providerId]);
            if (alone === undefined) continue;
            if (rooms.length === 0) {
              expected.push({ start: new Date(start).toISOString(), providerId, soft: alone.soft });
              continue;
            }
            for (const roomId of rooms) {
              const both = await accepts(start, [providerId, roomId]);
              if (both === undefined) continue;
              expected.push({ start: new Date(start).toISOString(), providerId, roomId, soft: both.soft });
              break;
            }
          }
        }
        db.close();
        expect(found.map((opening) => ({ start: opening.start, providerId: opening.providerId, ...(opening.roomId ? { roomId: opening.roomId } : {}), soft: opening.soft !== undefined }))).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
