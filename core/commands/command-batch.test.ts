import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { readDevice } from '../db';
import { runCommandBatch } from './command-batch';
import { clinicFixture, dumpDatabase, frontDesk, injectWriteFailures, manager } from './commands.fixture';

const book = (wallStart: string, patientId = 'p1') => ({ resourceIds: ['dr-lee'], patientId, wallStart, timeZone: 'America/New_York', durationMinutes: 30 });

function environment(fixture: Awaited<ReturnType<typeof clinicFixture>>) {
  let counter = 0;
  return { db: fixture.db, clock: () => fixture.clock.now, newId: () => `batch-${String(++counter).padStart(4, '0')}` };
}

describe('runCommandBatch', () => {
  it('runs each command as if alone — its own audit entries and outbox mutation, gapless and chained — in one commit', async () => {
    const fixture = await clinicFixture();
    const before = await readDevice(fixture.db);
    const steps: number[] = [];
    const result = await runCommandBatch(
      environment(fixture),
      frontDesk,
      async (batch) => {
        const patient = await batch.run('patient/register', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09' });
        const booked = await batch.run('appointment/book', book('2026-01-05T09:00', patient.id));
        await batch.run('appointment/change-status', { appointmentId: booked.appointment.id, to: 'arrived' });
        return booked.appointment.id;
      },
      { onStep: (done) => steps.push(done) },
    );
    expect(result.ok).toBe(true);
    expect(steps).toEqual([1, 2, 3]);

    const outbox = (await fixture.db.outbox.toArray()).slice(-3);
    expect(outbox.map((row) => row.name)).toEqual(['patient/register', 'appointment/book', 'appointment/change-status']);
    expect(outbox.map((row) => row.deviceSeq)).toEqual([before.deviceSeq + 1, before.deviceSeq + 2, before.deviceSeq + 3]);
    expect(new Set(outbox.map((row) => row.mutationId)).size).toBe(3);
    // Each mutation carries only its own command's records.
    expect(outbox.map((row) => row.effects.map((effect) => effect.entity))).toEqual([['patient'], ['appointment'], ['appointment']]);

    const entries = await fixture.db.audit.orderBy('[deviceId+seq]').toArray();
    expect(entries.slice(-3).map((entry) => [entry.action, entry.mutationId])).toEqual(outbox.map((row, index) => [['PATIENT_REGISTERED', 'APPOINTMENT_BOOKED', 'STATUS_CHANGED'][index], row.mutationId]));
    expect(verifyAuditChain(entries).ok).toBe(true);
    const after = await readDevice(fixture.db);
    expect(after).toMatchObject({ deviceSeq: before.deviceSeq + 3, auditSeq: before.auditSeq + 3, auditHead: entries.at(-1)?.hash });
  });

  it('keeps nothing when a later command is refused, and answers that refusal', async () => {
    const fixture = await clinicFixture();
    const before = await dumpDatabase(fixture.db);
    const result = await runCommandBatch(environment(fixture), frontDesk, async (batch) => {
      await batch.run('appointment/book', book('2026-01-05T09:00'));
      await batch.run('patient/register', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09' });
      // Dr Lee is taken at 9:00 by the first step of this very batch.
      await batch.run('appointment/book', book('2026-01-05T09:15', 'p2'));
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'booking-conflict' } });
    expect(await dumpDatabase(fixture.db)).toEqual(before);
  });

  it('keeps nothing when a write fails half-way (as when the window closes)', async () => {
    const fixture = await clinicFixture();
    const failure = await injectWriteFailures(fixture.db);
    const before = await dumpDatabase(fixture.db);
    failure.aim('appointments', 3);
    await expect(
      runCommandBatch(environment(fixture), frontDesk, async (batch) => {
        for (const time of ['09:00', '10:00', '11:00', '12:00']) await batch.run('appointment/book', book(`2026-01-05T${time}`));
      }),
    ).rejects.toThrow(/Injected failure/);
    failure.armed = false;
    expect(await dumpDatabase(fixture.db)).toEqual(before);
  });

  it('checks permissions and arguments per command, naming the field', async () => {
    const fixture = await clinicFixture();
    const asDesk = await runCommandBatch(environment(fixture), frontDesk, (batch) => batch.run('resource/save', { kind: 'room', name: 'Room 9', timeZone: 'America/New_York' }));
    expect(asDesk).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'session' } });
    const badArgs = await runCommandBatch(environment(fixture), manager, (batch) => batch.run('resource/save', { kind: 'room', name: '', timeZone: 'America/New_York' }));
    expect(badArgs).toMatchObject({ ok: false, error: { code: 'required', field: 'name' } });
  });
});
