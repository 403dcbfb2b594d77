import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { appendEntry } from '../audit';
import { parseAppointment } from '../model';
import { freshStorage } from './fake-database.fixture';
import { openTimedeskDb, readClinicSettings, readDevice } from './open-database';
import { currentSchemaVersion, v1Stores } from './schema';
import type { V1Appointment, V1DeviceMeta, V1Staff } from './upgrade-v2';

const deviceId = 'device-from-v1';

/** Builds a database exactly as v1 of the app left it. */
async function createV1Database(storage: ReturnType<typeof freshStorage>) {
  const v1 = new Dexie(storage.name, { indexedDB: storage.indexedDB, IDBKeyRange: storage.IDBKeyRange });
  v1.version(1).stores(v1Stores);
  await v1.open();
  const appointments: V1Appointment[] = [
    // 09:00 New York on the morning after the 2025 spring-forward change.
    { id: 'a1', resourceId: 'dr-lee', patientId: 'p1', start: Date.parse('2025-03-10T13:00:00Z'), end: Date.parse('2025-03-10T13:30:00Z'), timeZone: 'America/New_York', status: 'booked', notes: 'First visit', createdAt: Date.parse('2025-03-01T10:00:00Z') },
    { id: 'a2', resourceId: 'room-1', patientId: 'p2', start: Date.parse('2025-06-02T08:00:00Z'), end: Date.parse('2025-06-02T09:00:00Z'), timeZone: 'Europe/London', status: 'cancelled', createdAt: Date.parse('2025-05-01T10:00:00Z') },
  ];
  const staff: V1Staff[] = [{ id: 's1', username: 'jo', displayName: 'Jo Smith', role: 'manager', passphraseHash: 'ab'.repeat(32), passphraseSalt: 'cd'.repeat(16), iterations: 210_000 }];
  const device: V1DeviceMeta = { key: 'device', deviceId };
  const first = appendEntry(null, {
    id: 'e1', deviceId, appVersion: '0.0.9', at: '2025-03-01T10:00:00.000Z',
    actor: { kind: 'staff', staffId: 's1', displayName: 'Jo Smith', role: 'manager' },
    action: 'APPOINTMENT_BOOKED', entityType: 'appointment', entityId: 'a1', patientId: 'p1',
    changes: {}, reason: null, outcome: 'success', mutationId: null,
  });
  await v1.table('appointments').bulkAdd(appointments);
  await v1.table('staff').bulkAdd(staff);
  await v1.table('patients').add({ id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
  await v1.table('resources').add({ id: 'dr-lee', kind: 'provider', name: 'Dr Lee', capacity: 1, timeZone: 'America/New_York', active: true });
  await v1.table('meta').add(device);
  await v1.table('audit').add(first);
  v1.close();
  return { appointments, staff, first };
}

describe('upgrade v1 → v2', () => {
  it('opens a v1 database full of data as v2 with nothing lost', async () => {
    const storage = freshStorage();
    const { first } = await createV1Database(storage);

    const { db, device } = await openTimedeskDb({ ...storage, appVersion: '0.1.0', now: Date.parse('2026-11-25T09:00:00Z') });
    expect(db.verno).toBe(currentSchemaVersion); // v1 → v2 → v3 (sync tables)

    // Appointments: every v1 row is there, now a valid v2 appointment with its times intact.
    const a1 = await db.appointments.get('a1');
    expect(a1).toMatchObject({
      resourceIds: ['dr-lee'],
      start: '2025-03-10T13:00:00.000Z',
      end: '2025-03-10T13:30:00.000Z',
      wallStart: '2025-03-10T09:00:00',
      durationMinutes: 30,
      notes: 'First visit',
      day: '2025-03-10',
      status: 'booked',
      version: 0,
    });
    const { day: _day, ...a1Model } = a1!;
    expect(() => parseAppointment(a1Model)).not.toThrow();
    const a2 = await db.appointments.get('a2');
    expect(a2).toMatchObject({ wallStart: '2025-06-02T09:00:00', status: 'cancelled', durationMinutes: 60 });
    expect(a2?.statusHistory.at(-1)?.reason).toMatch(/before the v2 upgrade/);

    // The new booking index is filled, so v1 bookings still block their slots.
    const drLee = await db.bookings.where('[resourceId+start]').between(['dr-lee', 0], ['dr-lee', Infinity]).toArray();
    expect(drLee).toEqual([{ appointmentId: 'a1', resourceId: 'dr-lee', start: Date.parse('2025-03-10T13:00:00Z'), end: Date.parse('2025-03-10T13:30:00Z'), status: 'booked' }]);
    expect(await db.appointments.where('resourceIds').equals('room-1').primaryKeys()).toEqual(['a2']);

    // Staff: the public row lost its secret; the secret moved, unchanged, to its own table.
    expect(await db.staff.get('s1')).toEqual({ id: 's1', username: 'jo', displayName: 'Jo Smith', role: 'manager', active: true });
    expect(await db.staffCredentials.get('s1')).toMatchObject({ hash: 'ab'.repeat(32), salt: 'cd'.repeat(16), iterations: 210_000, failedAttempts: 0 });

    // Untouched tables and the audit chain come through byte for byte; the device keeps its id and chain head.
    expect(await db.patients.get('p1')).toMatchObject({ familyName: 'Lovelace' });
    expect(await db.resources.get('dr-lee')).toMatchObject({ name: 'Dr Lee' });
    expect(await db.audit.toArray()).toEqual([first]);
    expect(device).toMatchObject({ deviceId, auditSeq: 1, auditHead: first.hash, deviceSeq: 0, appVersion: '0.1.0' });
    expect((await readDevice(db)).deviceId).toBe(deviceId);
    expect((await readClinicSettings(db)).idleLockMinutes).toBe(5);
  });
});
