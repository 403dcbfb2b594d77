import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { admin, clinicFixture, frontDesk } from '../commands/commands.fixture';
import { beginEffectCapture } from './capture-effects';

const nine = { resourceIds: ['dr-lee', 'room-1'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 };

describe('effects captured for each outbox mutation', () => {
  it('a booking carries the appointment as stored, without the day key or its booking-index rows', async () => {
    const { db, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', nine, frontDesk);
    const last = await db.outbox.orderBy('deviceSeq').last();
    expect(last?.name).toBe('appointment/book');
    expect(last?.effects).toEqual([{ entity: 'appointment', id: appointment.id, op: 'put', data: appointment }]);
    expect(last?.effects[0]?.data).not.toHaveProperty('day');
  });

  it('a move carries the appointment in its final state (version bumped), once', async () => {
    const { db, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', nine, frontDesk);
    await must('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T11:00' }, frontDesk);
    const stored = await db.appointments.get(appointment.id);
    const last = await db.outbox.orderBy('deviceSeq').last();
    expect(last?.effects).toHaveLength(1);
    const { day: _day, ...expected } = stored!;
    expect(last?.effects[0]).toEqual({ entity: 'appointment', id: appointment.id, op: 'put', data: expected });
    expect(expected.wallStart).toBe('2026-01-05T11:00:00');
  });

  it('staff effects carry only the public fields, never credentials', async () => {
    const { db, must } = await clinicFixture();
    await must('staff/save', { id: 'staff-jo', displayName: 'Jo Smith', username: 'jo.smith', role: 'front_desk' }, admin);
    const last = await db.outbox.orderBy('deviceSeq').last();
    expect(last?.effects).toEqual([{ entity: 'staff', id: 'staff-jo', op: 'put', data: { id: 'staff-jo', displayName: 'Jo Smith', username: 'jo.smith', role: 'front_desk', active: true } }]);
  });

  it('records deletes, range deletes and the last write of a record; ignores transactions without a recorder', async () => {
    const { db } = await clinicFixture();
    const patient = { id: 'p9', givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09' };
    const effects = await db.transaction('rw', db.tables, async () => {
      const recorder = beginEffectCapture();
      await db.patients.put(patient);
      await db.patients.update('p9', { givenName: 'Amazing Grace' });
      await db.patients.delete('p2');
      await db.scheduleBlocks.where('resourceId').equals('room-1').delete();
      await db.bookings.put({ appointmentId: 'x', resourceId: 'room-1', start: 0, end: 1, status: 'booked' });
      return recorder.effects();
    });
    expect(effects[0]).toEqual({ entity: 'patient', id: 'p9', op: 'put', data: { ...patient, givenName: 'Amazing Grace' } });
    expect(effects[1]).toEqual({ entity: 'patient', id: 'p2', op: 'delete' });
    expect(effects.slice(2).map((effect) => `${effect.entity}:${effect.id}:${effect.op}`)).toEqual(['scheduleBlock:hours-room-1:delete']);
    // Outside a recording transaction nothing is captured (a pull's writes are not this desk's intents).
    await db.transaction('rw', db.patients, () => db.patients.put({ ...patient, id: 'p10' }));
    expect(await db.patients.get('p10')).toBeDefined();
  });

  it('a refused command leaves no outbox row, so no effects', async () => {
    const { db, commands, must } = await clinicFixture();
    await must('appointment/book', nine, frontDesk);
    const before = await db.outbox.count();
    const result = await commands.run('appointment/book', { ...nine, patientId: 'p2' }, frontDesk);
    expect(result.ok).toBe(false);
    expect(await db.outbox.count()).toBe(before);
  });

  it('refuses to start capturing on a database built without its middleware, instead of syncing a mutation with no effects', async () => {
    const db = new Dexie('no-capture', { indexedDB: new IDBFactory(), IDBKeyRange });
    db.version(1).stores({ patients: 'id' });
    await db.open();
    await expect(db.transaction('rw', db.table('patients'), () => beginEffectCapture())).rejects.toThrow(/no capture-effects middleware/);
    db.close();
  });
});
