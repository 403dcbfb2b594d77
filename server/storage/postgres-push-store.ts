import pg from 'pg';
import { toDevice } from './account-rows';
import type { DeviceRow } from './account-rows';
import { maxBookingMs } from './booking-window';
import type { PlanRows, PushStore } from './buffered-write-transaction';
import type { DeviceRecord, EntityRecord, MutationResult, ReadPlan, SyncEntity } from './storage';

/** An `entities` row as `to_jsonb` hands it back (bigints as JSON numbers). */
export interface EntityJson {
  entity: string;
  id: string;
  version: number | string;
  data: Record<string, unknown> | null;
  deleted: boolean;
  device_id: string;
  staff_id?: string | null;
}

/**
 * An `entities` row as the storage interface's record.
 *
 * @example toEntityRecord({ entity: 'patient', id: 'p1', version: '3', data: {…}, deleted: false, device_id: 'desk-1' }).version // 3
 */
export function toEntityRecord(row: EntityJson): EntityRecord {
  return { entity: row.entity as SyncEntity, id: row.id, version: Number(row.version), data: row.data, deleted: row.deleted, deviceId: row.device_id, staffId: row.staff_id ?? null };
}

type PlanRow =
  | { part: 'device' | 'counter'; item: unknown }
  | { part: 'mutation'; item: { mutation_id: string; clinic_id: string; device_id: string; device_seq: number | string; result: MutationResult } }
  | { part: 'record' | 'touching' | 'exception'; item: EntityJson }
  | { part: 'deskCopy'; item: { entity: string; id: string; desk_version: number | string; data: Record<string, unknown> } }
  | { part: 'recordAt'; item: { entity: string; id: string; change: number | string; data: Record<string, unknown> } }
  | { part: 'slot'; item: { appointment_id: string; key: string; start_ms: number | string; end_ms: number | string } }
  | { part: 'auditHead' | 'auditHash'; item: { seq: number | string; hash: string } };

/** A {@link ReadPlan} as the push functions take it (postgres-push-functions.ts). */
function wirePlan(plan: ReadPlan): Record<string, unknown> {
  return {
    mutationIds: plan.mutationIds,
    records: plan.records,
    deskCopies: plan.deskCopies,
    recordsAt: plan.recordsAt,
    intervals: plan.overlaps.flatMap((overlap) => overlap.keys.map((key) => ({ key, s: overlap.startMs, e: overlap.endMs }))),
    resourceIds: plan.seriesTouching.resourceIds,
    patientIds: plan.seriesTouching.patientIds,
    seriesExceptions: plan.seriesExceptions,
    auditSeqs: plan.auditSeqs.map(String),
    auditHead: plan.auditHead === true,
  };
}

function isEmptyPlan(plan: ReadPlan): boolean {
  const sizes = [plan.mutationIds, plan.records, plan.deskCopies, plan.recordsAt, plan.overlaps, plan.seriesTouching.resourceIds, plan.seriesTouching.patientIds, plan.seriesExceptions, plan.auditSeqs].map((list) => list.length);
  return sizes.every((size) => size === 0) && plan.auditHead !== true;
}

function planRows(rows: readonly PlanRow[]): PlanRows {
  const answer: PlanRows = { mutations: [], records: [], deskCopies: [], recordsAt: [], slots: [], touchingSeries: [], exceptions: [], auditHead: null, auditHashes: [] };
  for (const { part, item } of rows) {
    if (part === 'mutation') answer.mutations.push({ mutationId: item.mutation_id, clinicId: item.clinic_id, deviceId: item.device_id, deviceSeq: Number(item.device_seq), result: item.result });
    else if (part === 'record') answer.records.push(toEntityRecord(item));
    else if (part === 'touching') answer.touchingSeries.push(toEntityRecord(item));
    else if (part === 'exception') answer.exceptions.push(toEntityRecord(item));
    else if (part === 'deskCopy') answer.deskCopies.push({ entity: item.entity as SyncEntity, id: item.id, copy: { deskVersion: Number(item.desk_version), data: item.data } });
    else if (part === 'recordAt') answer.recordsAt.push({ entity: item.entity as SyncEntity, id: item.id, version: Number(item.change), data: item.data });
    else if (part === 'slot') answer.slots.push({ appointmentId: item.appointment_id, key: item.key, startMs: Number(item.start_ms), endMs: Number(item.end_ms) });
    else if (part === 'auditHead') answer.auditHead = { seq: Number(item.seq), hash: item.hash };
    else if (part === 'auditHash') answer.auditHashes.push({ seq: Number(item.seq), hash: item.hash });
  }
  return answer;
}

/** The rows of the last statement of a simple query (one result, or one per statement). */
function lastRows<Row>(result: pg.QueryResult | pg.QueryResult[]): Row[] {
  const last = Array.isArray(result) ? result.at(-1) : result;
  return (last?.rows ?? []) as Row[];
}

/** The PostgreSQL side of a buffered push, with the transaction it runs in. */
export interface PostgresPushStore extends PushStore {
  /** Whether BEGIN was sent (so the caller knows whether to ROLLBACK). */
  readonly begun: boolean;
}

/**
 * The PostgreSQL side of a buffered push (buffered-write-transaction.ts),
 * over the push functions (postgres-push-functions.ts). A push is two round
 * trips whatever its size: `BEGIN; SELECT … timedesk_push_begin(…)` (lock the
 * device, lock the clinic's change counter, read the plan) and
 * `SELECT timedesk_push_flush(…); COMMIT`. Both are simple queries with their
 * values as escaped literals (`escapeLiteral`; the extended protocol takes
 * one statement per round trip); a read the plan missed is a named prepared
 * statement. BEGIN goes out with the first statement of the transaction.
 *
 * @example const store = postgresPushStore(client, clinicId, deviceId);
 */
export function postgresPushStore(client: pg.PoolClient, clinicId: string, deviceId: string): PostgresPushStore {
  let begun = false;
  const opening = () => {
    const prefix = begun ? '' : 'BEGIN; ';
    begun = true;
    return prefix;
  };
  const ensureBegun = async () => {
    if (!begun) await client.query(opening());
  };
  const literal = (value: string) => pg.escapeLiteral(value);
  return {
    get begun() {
      return begun;
    },
    lock: async (plan, locks) => {
      // An empty plan (a lock taken on its own) reads nothing after the locks.
      const wire = isEmptyPlan(plan) ? 'NULL' : literal(JSON.stringify(wirePlan(plan)));
      const text = `${opening()}SELECT part, item FROM timedesk_push_begin(${literal(clinicId)}, ${literal(deviceId)}, ${locks.device}, ${locks.changes}, ${wire}::jsonb, ${maxBookingMs})`;
      const rows = lastRows<PlanRow>(await client.query(text));
      let device: DeviceRecord | null = null;
      let counter: number | null = null;
      for (const row of rows) {
        if (row.part === 'device') device = toDevice(row.item as unknown as DeviceRow);
        else if (row.part === 'counter') counter = Number(row.item);
      }
      return { device, counter, rows: planRows(rows) };
    },
    read: async (plan) => {
      await ensureBegun();
      const { rows } = await client.query<PlanRow>({ name: 'td_push_read', text: 'SELECT part, item FROM timedesk_push_read($1, $2, $3::jsonb, $4)', values: [clinicId, deviceId, JSON.stringify(wirePlan(plan)), maxBookingMs] });
      return planRows(rows);
    },
    listEntities: async (entity) => {
      await ensureBegun();
      const { rows } = await client.query<EntityJson>({ name: 'td_push_list_entities', text: 'SELECT * FROM entities WHERE clinic_id = $1 AND entity = $2 AND NOT deleted ORDER BY id', values: [clinicId, entity] });
      return rows.map(toEntityRecord);
    },
    flush: async (writes, options) => {
      const commit = options.commit ? '; COMMIT' : '';
      if (writes === null) {
        if (options.commit && begun) await client.query('COMMIT');
        return;
      }
      const payload = {
        changes: writes.changes.map((change) => ({ change: change.change, entity: change.entity, id: change.id, op: change.op, data: change.data, device_id: change.deviceId, staff_id: change.staffId })),
        lastChange: writes.lastChange,
        mutations: writes.mutations.map((mutation) => ({ mutation_id: mutation.mutationId, device_seq: mutation.deviceSeq, result: mutation.result })),
        lastDeviceSeq: writes.lastDeviceSeq,
        slotAppointments: writes.slots.map((set) => set.appointmentId),
        slots: writes.slots.flatMap((set) => set.slots.map((slot) => ({ appointment_id: set.appointmentId, key: slot.key, start_ms: slot.startMs, end_ms: slot.endMs }))),
        deskCopies: writes.deskCopies.map((copy) => ({ entity: copy.entity, id: copy.id, desk_version: copy.copy.deskVersion, data: copy.copy.data })),
        conflicts: writes.conflicts.map((conflict) => ({ id: conflict.id, appointment_id: conflict.appointmentId, detected_at_change: conflict.detectedAtChange })),
      };
      const audit = JSON.stringify(writes.audit.map((record) => ({ seq: record.seq, hash: record.hash, prev_hash: record.prevHash, entry: record.entry })));
      await client.query(`${opening()}SELECT timedesk_push_flush(${literal(clinicId)}, ${literal(deviceId)}, ${literal(JSON.stringify(payload))}::jsonb, ${literal(audit)}::json)${commit}`);
    },
  };
}
