import type { Table } from 'dexie';
import { appointmentDay, bookingRows } from '../db';
import type { SyncedEntity, TimedeskDb } from '../db';
import type { Appointment } from '../model';
import { entityTables } from './capture-effects';

/** Entities whose records carry a `version` (the server's change number after a pull). */
const versioned: ReadonlySet<SyncedEntity> = new Set(['appointment', 'series', 'seriesException', 'conflict']);

/**
 * Writes one synced record into the local tables — a pulled change or a
 * pending local effect re-applied on top — keeping the derived `bookings`
 * index in step with appointments. Must run inside a read-write transaction
 * over the synced tables and `bookings`; awaits nothing but Dexie.
 *
 * `version`, when given, replaces the record's own (the server's change
 * number); a re-applied local effect keeps the version the command gave it.
 *
 * @example await writeRecord(db, 'appointment', 'a1', 'put', data, 42);
 */
export async function writeRecord(db: TimedeskDb, entity: SyncedEntity, id: string, op: 'put' | 'delete', data: unknown, version?: number): Promise<void> {
  const table = db.table(entityTables[entity]) as Table<Record<string, unknown>, string>;
  if (op === 'delete') {
    await table.delete(id);
    if (entity === 'appointment') await db.bookings.where('appointmentId').equals(id).delete();
    return;
  }
  const record: Record<string, unknown> = { ...(data as Record<string, unknown>), id };
  if (version !== undefined && versioned.has(entity)) record['version'] = version;
  if (entity !== 'appointment') {
    await table.put(record);
    return;
  }
  const appointment = record as unknown as Appointment;
  await db.appointments.put({ ...appointment, day: appointmentDay(appointment) });
  await db.bookings.where('appointmentId').equals(id).delete();
  await db.bookings.bulkPut(bookingRows(appointment));
}

/** One record to write with {@link writeRecords}. */
export interface RecordWrite {
  entity: SyncedEntity;
  id: string;
  op: 'put' | 'delete';
  data?: unknown;
  version?: number;
}

/**
 * Writes many records at once, as {@link writeRecord} would one by one, but
 * with one bulk call per table (a pulled page of 500 changes is a handful
 * of IndexedDB requests, not 2,000). Each (entity, id) must appear at most
 * once: collapse repeated writes to the last before calling.
 *
 * @example await writeRecords(db, [{ entity: 'patient', id: 'p1', op: 'put', data }, { entity: 'closure', id: 'c1', op: 'delete' }]);
 */
export async function writeRecords(db: TimedeskDb, writes: readonly RecordWrite[]): Promise<void> {
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
    if (deletes.length > 0) await table.bulkDelete(deletes);
    if (entity !== 'appointment') {
      if (puts.length > 0) await table.bulkPut(puts);
      continue;
    }
    const appointments = puts as unknown as Appointment[];
    await db.appointments.bulkPut(appointments.map((appointment) => ({ ...appointment, day: appointmentDay(appointment) })));
    await db.bookings.where('appointmentId').anyOf(list.map((write) => write.id)).delete();
    await db.bookings.bulkPut(appointments.flatMap((appointment) => bookingRows(appointment)));
  }
}

/**
 * The tables {@link writeRecord} may touch, for the transaction around it.
 *
 * @example db.transaction('rw', syncedTables(db), async () => { … })
 */
export function syncedTables(db: TimedeskDb): Table[] {
  return [...Object.values(entityTables).map((name) => db.table(name)), db.bookings];
}
