import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandFixture, manager } from '../commands/commands.fixture';
import { bookingRows } from '../db';
import { seededAppointmentRow } from '../db/seeded-appointment.fixture';
import type { AppointmentRow } from '../db';
import { checkAgainstStore, dayRange } from '../queries';
import { nearestOpenings } from './nearest-openings';

/**
 * On random clinics (a provider and a room in one of four zones, hours with
 * breaks and blockouts on one day, random visits, days clocks change), the
 * nearest free times around a random start are exactly the nearest starts
 * of the 15-minute grid that the booking check accepts for both resources
 * and the patient with no conflict and no warning: each suggestion books,
 * and none nearer is skipped. (Every block and visit lies on the quarter
 * hour, so every free stretch starts on the grid.)
 */
const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata'] as const;
const dates = ['2026-01-14', '2026-03-08', '2026-03-29', '2026-04-05', '2026-10-25'] as const;
const wall = (date: string, quarters: number) => `${date}T${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;
const ids = ['prov-a', 'room-a'] as const;
const quarterMs = 15 * 60_000;

const clinic = fc.record({
  date: fc.constantFrom(...dates),
  zone: fc.constantFrom(...zones),
  blocks: fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.record({ kind: fc.constantFrom('break', 'soft', 'hard'), start: fc.integer({ min: 0, max: 90 }), length: fc.integer({ min: 1, max: 16 }) })), { maxLength: 5 }),
  visits: fc.array(fc.record({ resource: fc.integer({ min: 0, max: 1 }), start: fc.integer({ min: 0, max: 95 }), quarters: fc.integer({ min: 1, max: 8 }), patient: fc.constantFrom('p1', 'p2') }), { maxLength: 8 }),
  duration: fc.integer({ min: 1, max: 4 }).map((quarters) => quarters * 15),
  at: fc.integer({ min: 16, max: 64 }), // a start between 04:00 and 16:00 on the day
  withPatient: fc.boolean(),
});

describe('nearestOpenings against a brute-force scan through the booking check', () => {
  it('gives the nearest grid starts before and after that the check accepts', async () => {
    await fc.assert(
      fc.asyncProperty(clinic, async (spec) => {
        const { db, must } = await commandFixture();
        await db.meta.put({ key: 'clinic', name: 'Random Clinic', timeZone: spec.zone, locale: 'en-US', idleLockMinutes: 5 });
        await must('patient/register', { id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
        await must('patient/register', { id: 'p2', givenName: 'Alan', familyName: 'Turing', dateOfBirth: '1912-06-23' });
        for (const [index, id] of ids.entries()) {
          await must('resource/save', { id, kind: index === 0 ? 'provider' : 'room', name: id, timeZone: spec.zone }, manager);
          // Both work 06:00–14:00 on the day only; the random blocks cut and mark it.
          await must('schedule/save-block', { block: { resourceId: id, kind: 'working', wallStart: wall(spec.date, 24), wallEnd: wall(spec.date, 56) } }, manager);
        }
        for (const [target, item] of spec.blocks) {
          const end = Math.min(item.start + item.length, 95);
          const kind = item.kind === 'break' ? { kind: 'break' } : { kind: 'blockout', blockoutType: item.kind === 'soft' ? 'Emergencies only' : 'Staff meeting', enforcement: item.kind };
          await must('schedule/save-block', { block: { resourceId: ids[target] as string, wallStart: wall(spec.date, item.start), wallEnd: wall(spec.date, end), ...kind } as never }, manager);
        }
        const day = dayRange(spec.date, spec.zone);
        const rows: AppointmentRow[] = spec.visits.map((item, index) => {
          const start = day.from + item.start * quarterMs;
          return seededAppointmentRow({ id: `visit-${index}`, resourceIds: [ids[item.resource] as string], patientId: item.patient, wallStart: new Date(start).toISOString().slice(0, 19), timeZone: 'UTC', start, durationMinutes: item.quarters * 15 });
        });
        await db.transaction('rw', db.appointments, db.bookings, async () => {
          await db.appointments.bulkPut(rows);
          await db.bookings.bulkPut(rows.flatMap(bookingRows));
        });

        const patientId = spec.withPatient ? 'p1' : null;
        const at = day.from + spec.at * quarterMs;
        const now = day.from - 7 * 86_400_000;
        const found = await nearestOpenings(db, { resourceIds: [...ids], patientId, durationMinutes: spec.duration, at: new Date(at).toISOString() }, { now });

        const accepted: number[] = [];
        for (let start = day.from; start < day.to; start += quarterMs) {
          const check = await checkAgainstStore(db, spec.zone, [{ id: 'probe', start, end: start + spec.duration * 60_000, resourceIds: [...ids], patientId }]);
          if (check.hard.length === 0 && check.warnings.length === 0) accepted.push(start);
        }
        db.close();
        const before = accepted.filter((start) => start < at).at(-1);
        const after = accepted.find((start) => start > at);
        expect([found.before?.start, found.after?.start]).toEqual([before, after].map((start) => (start === undefined ? undefined : new Date(start).toISOString())));
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
