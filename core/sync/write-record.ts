import type { Table } from 'dexie';
import { appointmentDay, bookingRows } from '../db';
import type { SyncedEntity, TimedeskDb } from '../db';
import type { Appointment, StaffMember } from '../model';
import { entityTables } from './capture-effects';
import { credentialRowFromRecord, settingsFromClinicRecord } from './synced-records';
import { putStaffKeepingUsernamesUnique, renamedAccounts } from './username-clash';
import type { RenamedAccount } from './username-clash';

/** Entities whose records carry a `version` (the server's change number after a pull). */
const versioned: ReadonlySet<SyncedEntity> = new Set(['appointment', 'series', 'seriesException', 'scheduleBlock', 'visitConfirmation', 'waitlistEntry', 'contactConsent', 'conflict']);

/** One record to write with {@link writeRecords}. */
export interface RecordWrite {
  entity: SyncedEntity;
  id: string;
  op: 'put' | 'delete';
  data?: unknown;
  version?: number;
}

/**
 * Writes synced records into the local tables — pulled changes, and pending
 * local effects re-applied on top — keeping the derived `bookings` index in
 * step with appointments, with one bulk call per table (a pulled page of 500
 * changes is a handful of IndexedDB requests, not 2,000). Must run inside a
 * read-write transaction over {@link syncedTables}; awaits nothing but Dexie.
 *
 * `version`, when given, replaces the record's own (the server's change
 * number); a re-applied local effect keeps the version its command gave it.
 * Each (entity, id) must appear at most once: collapse repeated writes to the
 * last before calling. Returns the pulled accounts stored under another
 * username than the server's (username-clash.ts), for the audit log.
 *
 * @example await writeRecords(db, [{ entity: 'patient', id: 'p1', op: 'put', data }, { entity: 'closure', id: 'c1', op: 'delete' }]);
 */
export async function writeRecords(db: TimedeskDb, writes: readonly RecordWrite[]): Promise<{ renamedStaff: RenamedAccount[] }> {
  const renamedStaff: RenamedAccount[] = [];
  const byEntity = new Map<SyncedEntity, RecordWrite[]>();
  for (const write of writes) {
    const list = byEntity.get(write.entity) ?? [];
    list.push(write);
    byEntity.set(write.entity, list);
  }
  for (const [entity, list] of byEntity) {
    const table = db.table(entityTables[entity]) as Table<Record<string, unknown>, string>;
    const puts = list.filter((write) => write.op === 'put').map((write) => {
      const record: Record<string, unknown> = { ...(write.data as Record<string, unknown>), id: write.id };
      if (write.version !== undefined && versioned.has(entity)) record['version'] = write.version;
      return record;
    });
    const deletes = list.filter((write) => write.op === 'delete').map((write) => write.id);
    if (entity === 'clinic') {
      // One row, never deleted; the meta table also holds this desk's own counters, which no pull may touch.
      const last = puts.at(-1);
      if (last) await db.meta.put(settingsFromClinicRecord(last));
      continue;
    }
    if (deletes.length > 0) await table.bulkDelete(deletes);
    if (entity === 'staffCredential') {
      const existing = await db.staffCredentials.bulkGet(puts.map((record) => String(record['id'])));
      if (puts.length > 0) await db.staffCredentials.bulkPut(puts.map((record, index) => credentialRowFromRecord(record, existing[index])));
      continue;
    }
    if (entity === 'staff') {
      // Written apart from the rest so a username another local account holds cannot fail the whole page (unique index).
      if (puts.length > 0) renamedStaff.push(...renamedAccounts(puts as unknown as StaffMember[], await putStaffKeepingUsernamesUnique(db, puts as unknown as StaffMember[])));
      continue;
    }
    if (entity !== 'appointment') {
      if (puts.length > 0) await table.bulkPut(puts);
      continue;
    }
    const appointments = puts as unknown as Appointment[];
    await db.appointments.bulkPut(appointments.map((appointment) => ({ ...appointment, day: appointmentDay(appointment) })));
    await db.bookings.where('appointmentId').anyOf(list.map((write) => write.id)).delete();
    await db.bookings.bulkPut(appointments.flatMap((appointment) => bookingRows(appointment)));
  }
  return { renamedStaff };
}

/**
 * The tables {@link writeRecords} may touch, for the transaction around it.
 *
 * @example db.transaction('rw', syncedTables(db), async () => { … })
 */
export function syncedTables(db: TimedeskDb): Table[] {
  return [...Object.values(entityTables).map((name) => db.table(name)), db.bookings];
}
