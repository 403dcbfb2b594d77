import { createHash } from 'node:crypto';
import { ValidationError, parseAuditEntry } from '../../core';
import type { Appointment, AuditEntry, Series, SeriesException } from '../../core';
import { ApiError, badRequestFromZod } from '../http/api-error';
import type { MutationResult, Storage, WriteTransaction } from '../storage/storage';
import { acceptAuditIn, auditChainBroken } from './audit-intake';
import { checkConcurrentEdit, saveDeskCopies } from './concurrent-edit-check';
import type { AuditIntake, AuditOutcome } from './audit-intake';
import type { ConflictRecord } from './conflict-record';
import { bookingSlots, findDoubleBooking, findSeriesDoubleBooking } from './double-booking';
import type { DoubleBooking } from './double-booking';
import { refuseOutdatedMutations } from './desk-version';
import { checkEffects } from './effect-validation';
import type { CheckedEffect } from './effect-validation';
import { readPlanFor } from './push-read-plan';
import { unheldSharedRecords } from './shared-clinic-records';
import type { SyncAuth } from './sync-auth';
import { pushRequestSchema } from './wire-schemas';
import type { Mutation } from './wire-schemas';

/** One mutation's outcome in a push response. `duplicate` carries the stored result and its `original` status. */
export type PushResult = (MutationResult | (Omit<MutationResult, 'status'> & { status: 'duplicate'; original: MutationResult['status'] }));

/** The body of a successful push. */
export interface PushResponse {
  results: PushResult[];
  audit: AuditIntake;
}

/**
 * POST /v1/sync/push as a plain function over the storage interface, so a
 * test can run the server in-process without HTTP. Validates the body (400
 * naming the field), checks the device (403), then applies the mutations in
 * one transaction, each in its own savepoint: a replayed id returns its stored result as
 * `duplicate`; a deviceSeq that is not last+1 stops the batch with 409
 * `sequence-gap` (earlier mutations stay applied, their results are in
 * `details.results`); invalid records are `rejected` (recorded, the sequence
 * advances); double bookings are stored with a conflict record. Then the
 * audit entries are checked against the device's chain (409
 * `audit-chain-broken`). Refusals are thrown as {@link ApiError}.
 *
 * @example
 * const response = await applyPush(storage, { clinicId: 'c1', deviceId: 'desk-1' }, body);
 * response.results[0] // { mutationId: 'm1', status: 'applied', change: 1 }
 */
export async function applyPush(storage: Storage, auth: SyncAuth, body: unknown): Promise<PushResponse> {
  const parsed = pushRequestSchema.safeParse(body, { reportInput: true });
  if (!parsed.success) throw badRequestFromZod(parsed.error);
  const request = parsed.data;
  if (request.deviceId !== auth.deviceId) {
    throw new ApiError(403, 'device-mismatch', 'deviceId does not match the device this token was issued to.', { field: 'deviceId' });
  }
  refuseOutdatedMutations(request.mutations);
  request.mutations.forEach((mutation, index) => {
    if (mutation.deviceId !== auth.deviceId) {
      throw new ApiError(403, 'device-mismatch', 'A mutation names another device than the token.', { field: `mutations.${index}.deviceId` });
    }
  });
  const audit = request.audit.map((entry, index): AuditEntry => {
    let checked: AuditEntry;
    try {
      checked = parseAuditEntry(entry);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new ApiError(400, error.code, error.message, { field: `audit.${index}${error.field ? `.${error.field}` : ''}` });
    }
    if (checked.deviceId !== auth.deviceId) {
      throw new ApiError(403, 'device-mismatch', 'An audit entry belongs to another device than the token.', { field: `audit.${index}.deviceId` });
    }
    return checked;
  });
  const clinic = await storage.getClinic(auth.clinicId);
  if (!clinic) throw new ApiError(401, 'unknown-clinic', 'The clinic of this token no longer exists.');
  if (request.mutations.length === 0 && audit.length === 0) return { results: [], audit: { accepted: 0, head: await storage.auditHead(auth.clinicId, auth.deviceId) } };

  // Records are checked against core/model before the transaction: validation
  // is pure, and every millisecond spent under the clinic's change lock is a
  // millisecond every other desk of the clinic waits.
  const checked = request.mutations.map((mutation): CheckedMutation => {
    try {
      return { mutation, effects: checkEffects(mutation.effects) };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return { mutation, effects: null, refusal: error };
    }
  });

  // Who made each mutation, from its audit entries in this push: records carry it, and a
  // concurrent-edit record names the staff members, not only the desks.
  const staffByMutation = new Map<string, string>();
  for (const entry of audit) if (entry.mutationId !== null && entry.mutationId !== undefined && entry.actor.kind === 'staff') staffByMutation.set(entry.mutationId, entry.actor.staffId);

  // One transaction for the whole push and its audit entries; each mutation in
  // a savepoint, so it stays all-or-nothing with its recorded result while the
  // push pays one commit (server/README.md, "One commit per push").
  const applied = await storage.write(auth.clinicId, auth.deviceId, async (tx) => {
    // Device row, then the clinic's change counter, locked before anything is
    // read (the order every writer takes them in) and held to COMMIT: no change
    // of this push can commit behind a cursor already served.
    // With them, everything the push will read, in as few round trips as the store can (PostgreSQL: one).
    await tx.lockForPush(readPlanFor(checked, audit.map((entry) => entry.seq)), { changes: request.mutations.length > 0 });
    const results: PushResult[] = [];
    for (const [index, entry] of checked.entries()) {
      const { mutation } = entry;
      const outcome = await tx.savepoint(() => applyMutation(tx, auth, entry, clinic.timeZone, staffByMutation.get(mutation.mutationId))).catch((error: unknown) => {
        // A record core accepted but the booking check refused (its writes rolled
        // back to the savepoint): record a rejection rather than answer 5xx, which
        // a desk would retry forever and so stall its outbox.
        if (!(error instanceof ValidationError)) throw error;
        return tx.savepoint(() => recordRejection(tx, auth, mutation, error));
      });
      // The mutations before a gap stay applied: the push commits them, then answers 409.
      if ('expected' in outcome) return { results, gap: { index, expected: outcome.expected }, audit: null };
      results.push(outcome.result);
    }
    return { results, gap: null, audit: await acceptAuditIn(tx, audit) };
  });
  const { results, gap } = applied;
  if (gap !== null) {
    throw new ApiError(409, 'sequence-gap', `mutations.${gap.index} has deviceSeq ${request.mutations[gap.index]?.deviceSeq}; the server expects ${gap.expected}.`, {
      field: `mutations.${gap.index}.deviceSeq`,
      details: { expected: gap.expected, results },
    });
  }
  const intake = applied.audit as AuditOutcome;
  const broken = auditChainBroken(intake);
  if (broken) throw broken;
  return { results, audit: { accepted: intake.accepted, head: intake.head } };
}

/** A mutation of the push with its effects checked by core/model before the transaction. */
type CheckedMutation = { mutation: Mutation; effects: CheckedEffect[]; refusal?: undefined } | { mutation: Mutation; effects: null; refusal: ValidationError };

type MutationOutcome = { result: PushResult } | { expected: number };

/** Whom a write is authored by: this push's desk and staff member, or a kept record's stored ones. */
type Author = { deviceId?: string; staffId: string | null };

async function applyMutation(tx: WriteTransaction, auth: SyncAuth, checked: CheckedMutation, clinicTimeZone: string, staffId: string | undefined): Promise<MutationOutcome> {
  const { mutation } = checked;
  const device = await tx.device();
  const expected = device.lastDeviceSeq + 1;
  const stored = await tx.findMutation(mutation.mutationId);
  if (stored !== null && stored.deviceId === auth.deviceId && stored.clinicId === auth.clinicId) {
    const { status, ...rest } = stored.result;
    return { result: { ...rest, status: 'duplicate', original: status } };
  }
  if (mutation.deviceSeq !== expected) return { expected };
  if (stored !== null) {
    // Ids are global and another device holds this one: refuse it without
    // saying anything about the other device's mutation.
    await tx.advanceDeviceSeq(mutation.deviceSeq);
    return { result: { mutationId: mutation.mutationId, status: 'rejected', reason: { code: 'duplicate-id', field: 'mutationId', message: 'This mutation id is already taken.' } } };
  }

  if (checked.effects === null) {
    const result: MutationResult = { mutationId: mutation.mutationId, status: 'rejected', reason: checked.refusal.toJSON() };
    await tx.recordMutation({ mutationId: mutation.mutationId, deviceSeq: mutation.deviceSeq, result });
    return { result };
  }
  let effects = checked.effects;
  // A desk's re-offered clinic records only fill gaps: they never roll newer copies back.
  effects = await unheldSharedRecords(tx, mutation, effects);

  // An edit made on an older version than the stored one merges with what
  // other desks changed since; a slot or status changed on both sides is a
  // conflict, never a silent overwrite (concurrent-edit-check.ts).
  const sent = effects;
  const edit = await checkConcurrentEdit(tx, auth, mutation, effects, staffId);
  effects = edit.effects;
  // Series are checked once the whole mutation is in (a series and its
  // exceptions usually travel together), with the markers they had before.
  const touchedSeries = new Map<string, string | undefined>();
  for (const effect of effects) {
    if (effect.op !== 'put' || (effect.entity !== 'series' && effect.entity !== 'seriesException')) continue;
    const seriesId = effect.entity === 'series' ? effect.id : String(effect.data['seriesId']);
    if (!touchedSeries.has(seriesId)) touchedSeries.set(seriesId, markerOf((await tx.getEntity('series', seriesId))?.data));
  }
  let lastChange: number | undefined;
  let conflictId: string | undefined;
  for (const [index, effect] of effects.entries()) {
    const kept = edit.keptAuthors?.find((author) => author.entity === effect.entity && author.id === effect.id);
    const author: Author = kept === undefined ? { staffId: staffId ?? null } : { deviceId: kept.deviceId, staffId: kept.staffId };
    const written = await applyEffect(tx, auth, mutation, index, effect, clinicTimeZone, author);
    lastChange = written.change;
    conflictId ??= written.conflictId;
  }
  for (const [seriesId, previousConflict] of touchedSeries) {
    const written = await checkSeries(tx, auth, mutation, seriesId, previousConflict, clinicTimeZone);
    if (written === undefined) continue;
    lastChange = written.change;
    conflictId ??= written.conflictId;
  }
  if (edit.conflict !== undefined) {
    const detectedAtChange = (await tx.lockChanges()) + 1;
    // A conflict that keeps this push's change names the version it was just written at.
    const kept = edit.keptIsThisPush && lastChange !== undefined ? { kept: { ...edit.conflict.kept, version: lastChange } } : {};
    lastChange = await tx.writeRecord({ entity: 'conflict', id: edit.conflict.id, op: 'put', data: { ...edit.conflict, ...kept, detectedAtChange } });
    await tx.insertConflict({ id: edit.conflict.id, appointmentId: edit.conflict.recordId, detectedAtChange });
    conflictId = edit.conflict.id;
  }
  await saveDeskCopies(tx, sent);
  const result: MutationResult = {
    mutationId: mutation.mutationId,
    status: conflictId === undefined ? 'applied' : 'conflict',
    ...(lastChange === undefined ? {} : { change: lastChange }),
    ...(conflictId === undefined ? {} : { conflictId }),
  };
  await tx.recordMutation({ mutationId: mutation.mutationId, deviceSeq: mutation.deviceSeq, result });
  return { result };
}

async function recordRejection(tx: WriteTransaction, auth: SyncAuth, mutation: Mutation, error: ValidationError): Promise<MutationOutcome> {
  const device = await tx.device();
  const stored = await tx.findMutation(mutation.mutationId);
  if (stored !== null || mutation.deviceSeq !== device.lastDeviceSeq + 1) throw new Error(`mutation ${mutation.mutationId} of ${auth.deviceId} changed state between two transactions`);
  const result: MutationResult = { mutationId: mutation.mutationId, status: 'rejected', reason: error.toJSON() };
  await tx.recordMutation({ mutationId: mutation.mutationId, deviceSeq: mutation.deviceSeq, result });
  return { result };
}

async function applyEffect(
  tx: WriteTransaction,
  auth: SyncAuth,
  mutation: Mutation,
  index: number,
  effect: CheckedEffect,
  clinicTimeZone: string,
  author: Author,
): Promise<{ change: number; conflictId?: string }> {
  if (effect.op === 'delete') {
    const change = await tx.writeRecord({ entity: effect.entity, id: effect.id, op: 'delete', ...author });
    if (effect.entity === 'appointment') await tx.replaceBookingSlots(effect.id, []);
    return { change };
  }
  if (effect.entity !== 'appointment') {
    const change = await tx.writeRecord({ entity: effect.entity, id: effect.id, op: 'put', data: effect.data, ...author });
    return { change };
  }

  const appointment = effect.data as unknown as Appointment;
  const clash = await findDoubleBooking(tx, appointment, clinicTimeZone);
  const previous = await tx.getEntity('appointment', appointment.id);
  const previousConflict = typeof previous?.data?.['syncConflict'] === 'string' ? previous.data['syncConflict'] : undefined;
  // syncConflict is the server's marker: a desk cannot set it (core/model's
  // schema drops it), and it stays on the appointment until the clash is gone.
  let conflictId: string | undefined;
  let reportConflict = false;
  if (clash) {
    const known = await knownClash(tx, [appointment.id], clash, previousConflict);
    if (known === 'open') {
      conflictId = previousConflict;
      reportConflict = true;
    } else if (known === 'settled') {
      // Every collision is already a recorded conflict (e.g. kept with a
      // manager's override, or this is the first booking of the pair): an
      // edit must not open the same conflict again.
      conflictId = previousConflict;
    } else {
      conflictId = conflictIdFor(mutation.mutationId, index);
      reportConflict = true;
    }
  }
  const data: Record<string, unknown> = conflictId === undefined ? effect.data : { ...effect.data, syncConflict: conflictId };
  const change = await tx.writeRecord({ entity: 'appointment', id: appointment.id, op: 'put', data, ...author });
  await tx.replaceBookingSlots(appointment.id, bookingSlots(appointment));
  if (!clash || conflictId === undefined || !reportConflict) return { change };
  if (conflictId === previousConflict) return { change, conflictId };

  const record: ConflictRecord = {
    id: conflictId,
    kind: 'double-booking',
    appointmentIds: [...clash.existingIds, appointment.id],
    ...(clash.resourceId !== undefined ? { resourceId: clash.resourceId } : {}),
    ...(clash.patientId !== undefined ? { patientId: clash.patientId } : {}),
    deviceIds: [...new Set([...clash.existingDeviceIds, auth.deviceId])].sort(),
    detectedAtChange: change,
    status: 'open',
  };
  const conflictChange = await tx.writeRecord({ entity: 'conflict', id: conflictId, op: 'put', data: { ...record } });
  await tx.insertConflict({ id: conflictId, appointmentId: appointment.id, detectedAtChange: change });
  return { change: conflictChange, conflictId };
}

const markerOf = (data: Record<string, unknown> | null | undefined) => (typeof data?.['syncConflict'] === 'string' ? data['syncConflict'] : undefined);

/**
 * Re-checks a series a mutation put (or put an exception of) against stored
 * appointments and other series: a hard collision stores a conflict record
 * naming occurrence ids and marks the series `syncConflict`, as for an
 * appointment; the marker goes once the clash is gone. Undefined when
 * nothing was written.
 */
async function checkSeries(
  tx: WriteTransaction,
  auth: SyncAuth,
  mutation: Mutation,
  seriesId: string,
  previousConflict: string | undefined,
  clinicTimeZone: string,
): Promise<{ change: number; conflictId?: string } | undefined> {
  const record = await tx.getEntity('series', seriesId);
  if (record === null || record.deleted || record.data === null) return undefined;
  const exceptions = (await tx.seriesExceptions([seriesId])).flatMap((row) => (row.data === null ? [] : [row.data as unknown as SeriesException]));
  const clash = await findSeriesDoubleBooking(tx, record.data as unknown as Series, exceptions, clinicTimeZone);
  const known = clash === null ? undefined : await knownClash(tx, clash.candidateIds, clash, previousConflict);
  const conflictId = clash === null ? undefined : known === 'new' ? conflictIdFor(mutation.mutationId, -1) : previousConflict;
  let change: number | undefined;
  if (markerOf(record.data) !== conflictId) {
    const { syncConflict: _dropped, ...data } = record.data;
    change = await tx.writeRecord({ entity: 'series', id: seriesId, op: 'put', data: conflictId === undefined ? data : { ...data, syncConflict: conflictId } });
  }
  if (clash === null || known === 'settled' || conflictId === undefined) return change === undefined ? undefined : { change };
  if (known === 'open') return { change: change ?? (await tx.lockChanges()), conflictId };
  const detectedAtChange = change ?? (await tx.lockChanges());
  const conflict: ConflictRecord = {
    id: conflictId,
    kind: 'double-booking',
    // Occurrence ids (seriesId:YYYYMMDDTHHMMSS); capped at the record's limit.
    appointmentIds: [...clash.existingIds, ...clash.candidateIds].slice(0, 1000),
    ...(clash.resourceId !== undefined ? { resourceId: clash.resourceId } : {}),
    ...(clash.patientId !== undefined ? { patientId: clash.patientId } : {}),
    deviceIds: [...new Set([...clash.existingDeviceIds, auth.deviceId])].sort(),
    detectedAtChange,
    status: 'open',
  };
  const conflictChange = await tx.writeRecord({ entity: 'conflict', id: conflictId, op: 'put', data: { ...conflict } });
  await tx.insertConflict({ id: conflictId, appointmentId: seriesId, detectedAtChange });
  return { change: conflictChange, conflictId };
}

/**
 * Whether a clash is already on record: every colliding stored booking
 * shares a conflict record (the incoming booking's previous one, or one a
 * colliding booking carries) with one of `ownIds` (the appointment, or the
 * series' colliding occurrences). `open` when the incoming booking's own
 * marker points at an open conflict covering the clash.
 */
async function knownClash(tx: WriteTransaction, ownIds: readonly string[], clash: DoubleBooking, previousConflict: string | undefined): Promise<'open' | 'settled' | 'new'> {
  const ids = [...new Set([...(previousConflict === undefined ? [] : [previousConflict]), ...clash.existingConflictIds])];
  if (ids.length === 0) return 'new';
  const records = (await tx.getEntities('conflict', ids)).filter((record) => !record.deleted && record.data !== null);
  const covering = records.filter((record) => (record.data?.['appointmentIds'] as string[] | undefined)?.some((id) => ownIds.includes(id)));
  const covered = clash.existingIds.every((existingId) => covering.some((record) => (record.data?.['appointmentIds'] as string[]).includes(existingId)));
  if (!covered) return 'new';
  const own = covering.find((record) => record.id === previousConflict);
  return own?.data?.['status'] === 'open' ? 'open' : 'settled';
}

/** Deterministic, so a model test can predict it and a replay cannot mint a second one. */
function conflictIdFor(mutationId: string, effectIndex: number): string {
  return `cf_${createHash('sha256').update(`${mutationId}\u0000${effectIndex}`).digest('hex').slice(0, 32)}`;
}
