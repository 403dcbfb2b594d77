import { describe, expect, it } from 'vitest';
import { runCommandBatch } from '../commands';
import { clinicFixture, dumpDatabase, frontDesk, manager } from '../commands/commands.fixture';
import { clinicPlanSteps, weekdayHours } from './clinic-plan';
import type { ClinicPlan } from './clinic-plan';
import { loadClinicPlan } from './load-clinic-plan';

const zone = 'America/New_York';

function plan(): ClinicPlan {
  return {
    resources: [{ id: 'dr-okafor', kind: 'provider', name: 'Dr Okafor', timeZone: zone }],
    hours: weekdayHours(['dr-okafor'], '2026-01-05', '08:00', '17:00', (() => {
      let next = 0;
      return () => `hours-${++next}`;
    })()),
    patients: [{ id: 'p-grace', givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09' }],
    series: [
      {
        create: { resourceIds: ['dr-okafor'], patientId: 'p-grace', dtstart: '2026-01-06T09:00', timeZone: zone, durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=3' },
        occurrences: [{ originalStart: '2026-01-06T09:00', statuses: [{ to: 'arrived' }, { to: 'in_room' }, { to: 'completed' }] }],
      },
    ],
    visits: [
      { book: { resourceIds: ['dr-okafor'], patientId: 'p-grace', wallStart: '2026-01-05T10:00', timeZone: zone, durationMinutes: 30 }, statuses: [{ to: 'no_show' }] },
      { book: { resourceIds: ['dr-okafor'], patientId: 'p1', wallStart: '2026-01-05T11:00', timeZone: zone, durationMinutes: 30 }, statuses: [{ to: 'cancelled', reason: 'Patient called to cancel' }] },
    ],
  };
}

function environment(fixture: Awaited<ReturnType<typeof clinicFixture>>) {
  let counter = 0;
  return { db: fixture.db, clock: () => fixture.clock.now, newId: () => `plan-${++counter}` };
}

describe('loadClinicPlan', () => {
  it('stores every record through its command, with the statuses played out, one audit entry and mutation per step', async () => {
    const fixture = await clinicFixture();
    const outboxBefore = await fixture.db.outbox.count();
    const result = await runCommandBatch(environment(fixture), manager, (batch) => loadClinicPlan(batch, plan()));
    expect(result).toEqual({ ok: true, value: { resources: 1, patients: 1, series: 1, appointments: 2 } });
    expect(await fixture.db.scheduleBlocks.where('resourceId').equals('dr-okafor').count()).toBe(1);
    const stored = await fixture.db.appointments.where('patientId').anyOf(['p-grace', 'p1']).toArray();
    expect(stored.map((row) => row.status).sort()).toEqual(['cancelled', 'completed', 'no_show']);
    expect(stored.find((row) => row.status === 'completed')?.originalStart).toBe('2026-01-06T09:00:00');
    expect((await fixture.db.outbox.count()) - outboxBefore).toBe(clinicPlanSteps(plan()));
    expect(clinicPlanSteps(plan())).toBe(1 + 1 + 1 + 1 + 3 + 2 + 2);
  });

  it('stores nothing when one record is refused', async () => {
    const fixture = await clinicFixture();
    const before = await dumpDatabase(fixture.db);
    // Front desk may book but not add resources: the plan's first step is refused, and with it everything.
    const refused = await runCommandBatch(environment(fixture), frontDesk, (batch) => loadClinicPlan(batch, plan()));
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    // The same visit twice: the second is a double booking, so the first is not kept either.
    const visit = { book: { resourceIds: ['dr-okafor'], patientId: 'p-grace', wallStart: '2026-01-07T10:00', timeZone: zone, durationMinutes: 30 }, statuses: [] };
    const twice: ClinicPlan = { ...plan(), visits: [visit, { ...visit, book: { ...visit.book, patientId: 'p1' } }] };
    const clash = await runCommandBatch(environment(fixture), manager, (batch) => loadClinicPlan(batch, twice));
    expect(clash).toMatchObject({ ok: false, error: { code: 'booking-conflict' } });
    expect(await dumpDatabase(fixture.db)).toEqual(before);
  });
});
