import type pg from 'pg';
import { toDevice } from './account-rows';
import type { DeviceRow } from './account-rows';
import { maxBookingMs } from './booking-window';
import type { BufferedWrites, PlanRows, PushStore } from './buffered-write-transaction';
import type { EntityRecord, MutationResult, ReadPlan, SyncEntity } from './storage';

/** An `entities` row as `to_jsonb` hands it back (bigints as JSON numbers). */
export interface EntityJson {
  entity: string;
  id: string;
  version: number | string;
  data: Record<string, unknown> | null;
  deleted: boolean;
  device_id: string;
}

/**
 * An `entities` row as the storage interface's record.
 *
 * @example toEntityRecord({ entity: 'patient', id: 'p1', version: '3', data: {…}, deleted: false, device_id: 'desk-1' }).version // 3
 */
export function toEntityRecord(row: EntityJson): EntityRecord {
  return { entity: row.entity as SyncEntity, id: row.id, version: Number(row.version), data: row.data, deleted: row.deleted, deviceId: row.device_id };
}

// Every read a push makes, in one statement: each part answers one table of
// the plan (= ANY / unnest arrays, LATERAL lookups by primary key so the
// planner never scans a clinic), tagged by its first column. Unused parts
// get empty arrays and cost an index probe at most.
const readPlanSql = `WITH
slot_rows AS (
  SELECT DISTINCT b.appointment_id, b.key, b.start_ms, b.end_ms
  FROM unnest($11::text[], $12::bigint[], $13::bigint[]) AS q(key, s, e)
  CROSS JOIN LATERAL (
    SELECT * FROM booking_slots WHERE clinic_id = $1 AND key = q.key AND start_ms < q.e AND start_ms > q.s - $18::bigint - 1 AND end_ms > q.s
  ) b
),
touching AS (
  SELECT * FROM entities s WHERE cardinality($14::text[]) + cardinality($15::text[]) > 0 AND s.clinic_id = $1 AND s.entity = 'series' AND NOT s.deleted AND (
    s.data->>'patientId' = ANY($15::text[])
    OR s.data->'resourceIds' ?| $14::text[]
    OR s.id IN (SELECT x.data->>'seriesId' FROM entities x
      WHERE x.clinic_id = $1 AND x.entity = 'seriesException' AND NOT x.deleted AND x.data->>'kind' = 'moved' AND x.data->'resourceIds' ?| $14::text[])
  )
)
SELECT 'mutation' AS part, to_jsonb(m) AS row FROM mutations m WHERE m.clinic_id = $1 AND m.mutation_id = ANY($3::text[])
UNION ALL
SELECT 'record', to_jsonb(e) FROM unnest($4::text[], $5::text[]) AS w(entity, id)
  CROSS JOIN LATERAL (SELECT * FROM entities WHERE clinic_id = $1 AND entity = w.entity AND id = w.id) e
UNION ALL
SELECT 'record', to_jsonb(e) FROM (SELECT DISTINCT appointment_id FROM slot_rows) a
  CROSS JOIN LATERAL (SELECT * FROM entities WHERE clinic_id = $1 AND entity = 'appointment' AND id = a.appointment_id) e
UNION ALL
SELECT 'deskCopy', to_jsonb(d) FROM unnest($6::text[], $7::text[]) AS w(entity, id)
  CROSS JOIN LATERAL (SELECT * FROM desk_copies WHERE clinic_id = $1 AND entity = w.entity AND id = w.id AND device_id = $2) d
UNION ALL
SELECT 'recordAt', to_jsonb(c) FROM unnest($8::text[], $9::text[], $10::bigint[]) AS w(entity, id, version)
  CROSS JOIN LATERAL (SELECT * FROM changes WHERE clinic_id = $1 AND change = w.version AND entity = w.entity AND id = w.id AND op = 'put') c
UNION ALL
SELECT 'slot', to_jsonb(slot_rows) FROM slot_rows
UNION ALL
SELECT 'touching', to_jsonb(touching) FROM touching
UNION ALL
SELECT 'exception', to_jsonb(x) FROM entities x
  WHERE x.clinic_id = $1 AND x.entity = 'seriesException' AND NOT x.deleted AND x.data->>'seriesId' IN (SELECT id FROM touching UNION ALL SELECT unnest($16::text[]))
UNION ALL
(SELECT 'auditHead', jsonb_build_object('seq', seq, 'hash', hash) FROM audit_entries WHERE clinic_id = $1 AND device_id = $2 ORDER BY seq DESC LIMIT 1)
UNION ALL
SELECT 'auditHash', jsonb_build_object('seq', seq, 'hash', hash) FROM audit_entries WHERE clinic_id = $1 AND device_id = $2 AND seq = ANY($17::bigint[])`;

// Every write of a push, in one statement: data-modifying CTEs over JSON
// recordsets (one parameter per table, however many rows). Each CTE touches
// rows no other one does (the slots it deletes are the keys it does not
// insert), which PostgreSQL requires of one statement. Entities take the last
// change of each record, so the push's data crosses the wire once.
const flushSql = `WITH
input_changes AS (
  SELECT * FROM jsonb_to_recordset($3::jsonb) AS c(change bigint, entity text, id text, op text, data jsonb, device_id text)
),
logged AS (
  INSERT INTO changes (clinic_id, change, entity, id, op, version, data)
  SELECT $1, change, entity, id, op, change, data FROM input_changes
),
stored AS (
  INSERT INTO entities (clinic_id, entity, id, version, data, deleted, device_id)
  SELECT DISTINCT ON (entity, id) $1, entity, id, change, data, op = 'delete', device_id FROM input_changes ORDER BY entity, id, change DESC
  ON CONFLICT (clinic_id, entity, id) DO UPDATE SET version = excluded.version, data = excluded.data, deleted = excluded.deleted, device_id = excluded.device_id
),
counter AS (
  UPDATE clinics SET last_change = $4::bigint WHERE id = $1 AND $4::bigint IS NOT NULL
),
recorded AS (
  INSERT INTO mutations (clinic_id, mutation_id, device_id, device_seq, result)
  SELECT $1, mutation_id, $2, device_seq, result FROM jsonb_to_recordset($5::jsonb) AS m(mutation_id text, device_seq bigint, result jsonb)
),
sequenced AS (
  UPDATE devices SET last_device_seq = $6::bigint WHERE clinic_id = $1 AND id = $2 AND $6::bigint IS NOT NULL
),
slot_sets AS (
  SELECT * FROM jsonb_to_recordset($7::jsonb) AS a(appointment_id text, keys text[])
),
slots_gone AS (
  DELETE FROM booking_slots b USING slot_sets a WHERE b.clinic_id = $1 AND b.appointment_id = a.appointment_id AND NOT (b.key = ANY(a.keys))
),
slots_put AS (
  INSERT INTO booking_slots (clinic_id, appointment_id, key, start_ms, end_ms)
  SELECT $1, appointment_id, key, start_ms, end_ms FROM jsonb_to_recordset($8::jsonb) AS s(appointment_id text, key text, start_ms bigint, end_ms bigint)
  ON CONFLICT (clinic_id, appointment_id, key) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms
),
copied AS (
  INSERT INTO desk_copies (clinic_id, entity, id, device_id, desk_version, data)
  SELECT $1, entity, id, $2, desk_version, data FROM jsonb_to_recordset($9::jsonb) AS d(entity text, id text, desk_version bigint, data jsonb)
  ON CONFLICT (clinic_id, entity, id, device_id) DO UPDATE SET desk_version = excluded.desk_version, data = excluded.data
),
indexed AS (
  INSERT INTO conflicts (clinic_id, id, appointment_id, detected_at_change)
  SELECT $1, id, appointment_id, detected_at_change FROM jsonb_to_recordset($10::jsonb) AS f(id text, appointment_id text, detected_at_change bigint)
),
audited AS (
  INSERT INTO audit_entries (clinic_id, device_id, seq, hash, prev_hash, entry)
  SELECT $1, $2, seq, hash, prev_hash, entry FROM json_to_recordset($11::json) AS a(seq bigint, hash text, prev_hash text, entry json)
)
SELECT 1`;

type PlanRow =
  | { part: 'mutation'; row: { mutation_id: string; clinic_id: string; device_id: string; device_seq: number | string; result: MutationResult } }
  | { part: 'record' | 'touching' | 'exception'; row: EntityJson }
  | { part: 'deskCopy'; row: { entity: string; id: string; desk_version: number | string; data: Record<string, unknown> } }
  | { part: 'recordAt'; row: { entity: string; id: string; change: number | string; data: Record<string, unknown> } }
  | { part: 'slot'; row: { appointment_id: string; key: string; start_ms: number | string; end_ms: number | string } }
  | { part: 'auditHead' | 'auditHash'; row: { seq: number | string; hash: string } };

/**
 * The PostgreSQL side of a buffered push (buffered-write-transaction.ts):
 * two lock statements, one read statement per plan, one write statement.
 * A push is BEGIN, lock device, lock clinic, read, flush, COMMIT: six round
 * trips whatever its size, four of them under the clinic's change lock.
 * Every statement is named, so pg prepares it once per connection.
 *
 * @example const tx = new BufferedWriteTransaction(postgresPushStore(client, clinicId, deviceId), clinicId, deviceId);
 */
export function postgresPushStore(client: pg.PoolClient, clinicId: string, deviceId: string): PushStore {
  return {
    lockDevice: async () => {
      const { rows } = await client.query<DeviceRow>({ name: 'td_push_lock_device', text: 'SELECT * FROM devices WHERE clinic_id = $1 AND id = $2 FOR UPDATE', values: [clinicId, deviceId] });
      if (!rows[0]) throw new Error(`device ${deviceId} is not enrolled in clinic ${clinicId}`);
      return toDevice(rows[0]);
    },
    lockChanges: async () => {
      const { rows } = await client.query<{ last_change: string }>({ name: 'td_push_lock_changes', text: 'SELECT last_change FROM clinics WHERE id = $1 FOR UPDATE', values: [clinicId] });
      if (!rows[0]) throw new Error(`unknown clinic ${clinicId}`);
      return Number(rows[0].last_change);
    },
    read: async (plan: ReadPlan): Promise<PlanRows> => {
      const intervals = plan.overlaps.flatMap((overlap) => overlap.keys.map((key) => ({ key, startMs: overlap.startMs, endMs: overlap.endMs })));
      const { rows } = await client.query<PlanRow>({
        name: 'td_push_read',
        text: readPlanSql,
        values: [
          clinicId,
          deviceId,
          plan.mutationIds,
          plan.records.map((record) => record.entity),
          plan.records.map((record) => record.id),
          plan.deskCopies.map((copy) => copy.entity),
          plan.deskCopies.map((copy) => copy.id),
          plan.recordsAt.map((at) => at.entity),
          plan.recordsAt.map((at) => at.id),
          plan.recordsAt.map((at) => at.version),
          intervals.map((interval) => interval.key),
          intervals.map((interval) => interval.startMs),
          intervals.map((interval) => interval.endMs),
          plan.seriesTouching.resourceIds,
          plan.seriesTouching.patientIds,
          plan.seriesExceptions,
          plan.auditSeqs,
          maxBookingMs,
        ],
      });
      const answer: PlanRows = { mutations: [], records: [], deskCopies: [], recordsAt: [], slots: [], touchingSeries: [], exceptions: [], auditHead: null, auditHashes: [] };
      for (const { part, row } of rows as PlanRow[]) {
        if (part === 'mutation') answer.mutations.push({ mutationId: row.mutation_id, clinicId: row.clinic_id, deviceId: row.device_id, deviceSeq: Number(row.device_seq), result: row.result });
        else if (part === 'record') answer.records.push(toEntityRecord(row));
        else if (part === 'touching') answer.touchingSeries.push(toEntityRecord(row));
        else if (part === 'exception') answer.exceptions.push(toEntityRecord(row));
        else if (part === 'deskCopy') answer.deskCopies.push({ entity: row.entity as SyncEntity, id: row.id, copy: { deskVersion: Number(row.desk_version), data: row.data } });
        else if (part === 'recordAt') answer.recordsAt.push({ entity: row.entity as SyncEntity, id: row.id, version: Number(row.change), data: row.data });
        else if (part === 'slot') answer.slots.push({ appointmentId: row.appointment_id, key: row.key, startMs: Number(row.start_ms), endMs: Number(row.end_ms) });
        else if (part === 'auditHead') answer.auditHead = { seq: Number(row.seq), hash: row.hash };
        else if (part === 'auditHash') answer.auditHashes.push({ seq: Number(row.seq), hash: row.hash });
      }
      return answer;
    },
    listEntities: async (entity) => {
      const { rows } = await client.query<EntityJson>({ name: 'td_push_list_entities', text: 'SELECT * FROM entities WHERE clinic_id = $1 AND entity = $2 AND NOT deleted ORDER BY id', values: [clinicId, entity] });
      return rows.map(toEntityRecord);
    },
    flush: async (writes: BufferedWrites) => {
      await client.query({
        name: 'td_push_flush',
        text: flushSql,
        values: [
          clinicId,
          deviceId,
          JSON.stringify(writes.changes.map((change) => ({ change: change.change, entity: change.entity, id: change.id, op: change.op, data: change.data, device_id: change.deviceId }))),
          writes.lastChange,
          JSON.stringify(writes.mutations.map((mutation) => ({ mutation_id: mutation.mutationId, device_seq: mutation.deviceSeq, result: mutation.result }))),
          writes.lastDeviceSeq,
          JSON.stringify(writes.slots.map((set) => ({ appointment_id: set.appointmentId, keys: set.slots.map((slot) => slot.key) }))),
          JSON.stringify(writes.slots.flatMap((set) => set.slots.map((slot) => ({ appointment_id: set.appointmentId, key: slot.key, start_ms: slot.startMs, end_ms: slot.endMs })))),
          JSON.stringify(writes.deskCopies.map((copy) => ({ entity: copy.entity, id: copy.id, desk_version: copy.copy.deskVersion, data: copy.copy.data }))),
          JSON.stringify(writes.conflicts.map((conflict) => ({ id: conflict.id, appointment_id: conflict.appointmentId, detected_at_change: conflict.detectedAtChange }))),
          JSON.stringify(writes.audit.map((record) => ({ seq: record.seq, hash: record.hash, prev_hash: record.prevHash, entry: record.entry }))),
        ],
      });
    },
  };
}
