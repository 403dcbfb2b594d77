/**
 * The PL/pgSQL functions a push runs on PostgreSQL (schema migration 5).
 * Shipped: change them only by appending a migration that replaces them
 * (`CREATE OR REPLACE FUNCTION …`), never by editing this text.
 *
 * Why functions: a push is then two round trips whatever its size —
 * `BEGIN; SELECT timedesk_push_begin(…)` (lock the device, lock the clinic's
 * change counter, read everything the push will read) and
 * `SELECT timedesk_push_flush(…); COMMIT` — and their statements' plans are
 * prepared once per connection (PL/pgSQL caches them). Inside a function each
 * statement takes its own snapshot (READ COMMITTED), so the reads after the
 * lock see whatever the previous holder committed, which one plain statement
 * that waits for a lock would not.
 *
 * Generic over entity kinds: records are (entity, id) → data; only the booking
 * check's two queries read fields (slots by key and time; series naming a
 * resource or a patient, or with an occurrence moved onto a resource), and
 * buffered-write-transaction.ts mirrors them for the push's own writes.
 */
export const pushFunctionsSql = `
CREATE OR REPLACE FUNCTION timedesk_push_read(p_clinic text, p_device text, p_plan jsonb, p_max_booking_ms bigint)
RETURNS TABLE (part text, item jsonb) LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
-- Every lookup is a LATERAL subquery per requested key with LIMIT or OFFSET,
-- which PostgreSQL never flattens into a join: each is an index probe on the
-- table's key, whatever the statistics say (a flattened join against the
-- unnested list let the planner hash-join or filter a whole clinic's rows).
DECLARE
  v_resources text[] := ARRAY(SELECT jsonb_array_elements_text(p_plan->'resourceIds'));
  v_patients text[] := ARRAY(SELECT jsonb_array_elements_text(p_plan->'patientIds'));
  v_series text[] := ARRAY(SELECT jsonb_array_elements_text(p_plan->'seriesExceptions'));
  v_touching text[] := '{}';
  v_slot_appointments text[] := '{}';
BEGIN
  RETURN QUERY SELECT 'mutation', to_jsonb(m) FROM jsonb_array_elements_text(p_plan->'mutationIds') AS w(id)
    CROSS JOIN LATERAL (SELECT * FROM mutations WHERE clinic_id = p_clinic AND mutation_id = w.id LIMIT 1) m;
  RETURN QUERY SELECT 'record', to_jsonb(e) FROM jsonb_to_recordset(p_plan->'records') AS w(entity text, id text)
    CROSS JOIN LATERAL (SELECT * FROM entities WHERE clinic_id = p_clinic AND entity = w.entity AND id = w.id LIMIT 1) e;
  RETURN QUERY SELECT 'deskCopy', to_jsonb(d) FROM jsonb_to_recordset(p_plan->'deskCopies') AS w(entity text, id text)
    CROSS JOIN LATERAL (SELECT * FROM desk_copies WHERE clinic_id = p_clinic AND entity = w.entity AND id = w.id AND device_id = p_device LIMIT 1) d;
  RETURN QUERY SELECT 'recordAt', to_jsonb(c) FROM jsonb_to_recordset(p_plan->'recordsAt') AS w(entity text, id text, version bigint)
    CROSS JOIN LATERAL (SELECT * FROM changes WHERE clinic_id = p_clinic AND change = w.version AND entity = w.entity AND id = w.id AND op = 'put' LIMIT 1) c;
  IF jsonb_array_length(p_plan->'intervals') > 0 THEN
    -- One index range scan per (key, interval): start before its end, end after its start, no booking longer than the longest allowed.
    RETURN QUERY SELECT DISTINCT 'slot', jsonb_build_object('appointment_id', b.appointment_id, 'key', b.key, 'start_ms', b.start_ms, 'end_ms', b.end_ms)
      FROM jsonb_to_recordset(p_plan->'intervals') AS q(key text, s bigint, e bigint)
      CROSS JOIN LATERAL (
        SELECT * FROM booking_slots WHERE clinic_id = p_clinic AND key = q.key AND start_ms < q.e AND start_ms > q.s - p_max_booking_ms - 1 AND end_ms > q.s OFFSET 0
      ) b;
    v_slot_appointments := ARRAY(SELECT DISTINCT b.appointment_id
      FROM jsonb_to_recordset(p_plan->'intervals') AS q(key text, s bigint, e bigint)
      CROSS JOIN LATERAL (
        SELECT appointment_id FROM booking_slots WHERE clinic_id = p_clinic AND key = q.key AND start_ms < q.e AND start_ms > q.s - p_max_booking_ms - 1 AND end_ms > q.s OFFSET 0
      ) b);
    RETURN QUERY SELECT 'record', to_jsonb(e) FROM unnest(v_slot_appointments) AS w(id)
      CROSS JOIN LATERAL (SELECT * FROM entities WHERE clinic_id = p_clinic AND entity = 'appointment' AND id = w.id LIMIT 1) e;
  END IF;
  IF cardinality(v_resources) + cardinality(v_patients) > 0 THEN
    v_touching := ARRAY(SELECT s.id FROM entities s WHERE s.clinic_id = p_clinic AND s.entity = 'series' AND NOT s.deleted AND (
      s.data->>'patientId' = ANY(v_patients)
      OR s.data->'resourceIds' ?| v_resources
      OR s.id IN (SELECT x.data->>'seriesId' FROM entities x
        WHERE x.clinic_id = p_clinic AND x.entity = 'seriesException' AND NOT x.deleted AND x.data->>'kind' = 'moved' AND x.data->'resourceIds' ?| v_resources)
    ));
    RETURN QUERY SELECT 'touching', to_jsonb(e) FROM unnest(v_touching) AS w(id)
      CROSS JOIN LATERAL (SELECT * FROM entities WHERE clinic_id = p_clinic AND entity = 'series' AND id = w.id LIMIT 1) e;
  END IF;
  v_series := v_series || v_touching;
  IF cardinality(v_series) > 0 THEN
    -- The partial index entities_exceptions_by_series (migration 4), one probe per series.
    RETURN QUERY SELECT 'exception', to_jsonb(x) FROM unnest(v_series) AS w(id)
      CROSS JOIN LATERAL (SELECT * FROM entities WHERE clinic_id = p_clinic AND entity = 'seriesException' AND data->>'seriesId' = w.id AND NOT deleted OFFSET 0) x;
  END IF;
  IF (p_plan->>'auditHead')::boolean THEN
    RETURN QUERY SELECT 'auditHead', jsonb_build_object('seq', a.seq, 'hash', a.hash) FROM audit_entries a
      WHERE a.clinic_id = p_clinic AND a.device_id = p_device ORDER BY a.seq DESC LIMIT 1;
  END IF;
  RETURN QUERY SELECT 'auditHash', jsonb_build_object('seq', a.seq, 'hash', a.hash) FROM jsonb_array_elements_text(p_plan->'auditSeqs') AS w(seq)
    CROSS JOIN LATERAL (SELECT seq, hash FROM audit_entries WHERE clinic_id = p_clinic AND device_id = p_device AND seq = w.seq::bigint LIMIT 1) a;
END $fn$;

CREATE OR REPLACE FUNCTION timedesk_push_begin(p_clinic text, p_device text, p_lock_device boolean, p_lock_changes boolean, p_plan jsonb, p_max_booking_ms bigint)
RETURNS TABLE (part text, item jsonb) LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_device jsonb;
  v_counter bigint;
BEGIN
  -- Always device, then clinic: the order every writer takes them in, so no deadlock.
  IF p_lock_device THEN
    SELECT to_jsonb(d) INTO v_device FROM devices d WHERE d.clinic_id = p_clinic AND d.id = p_device FOR UPDATE;
    IF v_device IS NULL THEN RAISE EXCEPTION 'device % is not enrolled in clinic %', p_device, p_clinic; END IF;
    part := 'device'; item := v_device; RETURN NEXT;
  END IF;
  IF p_lock_changes THEN
    SELECT c.last_change INTO v_counter FROM clinics c WHERE c.id = p_clinic FOR UPDATE;
    IF v_counter IS NULL THEN RAISE EXCEPTION 'unknown clinic %', p_clinic; END IF;
    part := 'counter'; item := to_jsonb(v_counter); RETURN NEXT;
  END IF;
  -- A new statement, so a new snapshot: it sees what the lock's previous holder committed.
  IF p_plan IS NOT NULL THEN
    RETURN QUERY SELECT * FROM timedesk_push_read(p_clinic, p_device, p_plan, p_max_booking_ms);
  END IF;
END $fn$;

CREATE OR REPLACE FUNCTION timedesk_push_flush(p_clinic text, p_device text, p_writes jsonb, p_audit json)
RETURNS void LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_appointment text;
BEGIN
  INSERT INTO changes (clinic_id, change, entity, id, op, version, data)
    SELECT p_clinic, change, entity, id, op, change, data
    FROM jsonb_to_recordset(p_writes->'changes') AS c(change bigint, entity text, id text, op text, data jsonb, device_id text);
  -- Each record's last change is its state (one payload on the wire for both tables).
  INSERT INTO entities (clinic_id, entity, id, version, data, deleted, device_id, staff_id)
    SELECT DISTINCT ON (entity, id) p_clinic, entity, id, change, data, op = 'delete', device_id, staff_id
    FROM jsonb_to_recordset(p_writes->'changes') AS c(change bigint, entity text, id text, op text, data jsonb, device_id text, staff_id text)
    ORDER BY entity, id, change DESC
    ON CONFLICT (clinic_id, entity, id) DO UPDATE SET version = excluded.version, data = excluded.data, deleted = excluded.deleted, device_id = excluded.device_id, staff_id = excluded.staff_id;
  IF p_writes->>'lastChange' IS NOT NULL THEN
    UPDATE clinics SET last_change = (p_writes->>'lastChange')::bigint WHERE id = p_clinic;
  END IF;
  INSERT INTO mutations (clinic_id, mutation_id, device_id, device_seq, result)
    SELECT p_clinic, mutation_id, p_device, device_seq, result
    FROM jsonb_to_recordset(p_writes->'mutations') AS m(mutation_id text, device_seq bigint, result jsonb);
  IF p_writes->>'lastDeviceSeq' IS NOT NULL THEN
    UPDATE devices SET last_device_seq = (p_writes->>'lastDeviceSeq')::bigint WHERE clinic_id = p_clinic AND id = p_device;
  END IF;
  -- One key-prefix delete per appointment whose slots the push replaced (a join could scan the clinic).
  FOR v_appointment IN SELECT jsonb_array_elements_text(p_writes->'slotAppointments') LOOP
    DELETE FROM booking_slots WHERE clinic_id = p_clinic AND appointment_id = v_appointment;
  END LOOP;
  INSERT INTO booking_slots (clinic_id, appointment_id, key, start_ms, end_ms)
    SELECT p_clinic, appointment_id, key, start_ms, end_ms
    FROM jsonb_to_recordset(p_writes->'slots') AS s(appointment_id text, key text, start_ms bigint, end_ms bigint);
  INSERT INTO desk_copies (clinic_id, entity, id, device_id, desk_version, data)
    SELECT p_clinic, entity, id, p_device, desk_version, data
    FROM jsonb_to_recordset(p_writes->'deskCopies') AS d(entity text, id text, desk_version bigint, data jsonb)
    ON CONFLICT (clinic_id, entity, id, device_id) DO UPDATE SET desk_version = excluded.desk_version, data = excluded.data;
  INSERT INTO conflicts (clinic_id, id, appointment_id, detected_at_change)
    SELECT p_clinic, id, appointment_id, detected_at_change
    FROM jsonb_to_recordset(p_writes->'conflicts') AS f(id text, appointment_id text, detected_at_change bigint);
  -- json, not jsonb: an audit entry is stored as its text was written.
  INSERT INTO audit_entries (clinic_id, device_id, seq, hash, prev_hash, entry)
    SELECT p_clinic, p_device, seq, hash, prev_hash, entry
    FROM json_to_recordset(p_audit) AS a(seq bigint, hash text, prev_hash text, entry json);
END $fn$;
`;
