import { createHash } from 'node:crypto';
import { ValidationError, parseAppointment, parseScheduleBlock, parseSeries, parseSeriesException, parseVisitConfirmation, parseWaitlistEntry, parseContactConsent } from '../../core';
import type { EntityRecord, SyncEntity, WriteTransaction } from '../storage/storage';
import type { ConcurrentEditRecord } from './concurrent-edit-record';
import { createdOnManyDesks, editValues, followingFields, isEditedEntity, mergeConcurrentEdit, sameValue, wordFieldNames } from './concurrent-edit';
import type { EditedEntity } from './concurrent-edit';
import { keepOptOut, optOutStands } from './opt-out-stands';
import type { CheckedEffect } from './effect-validation';
import type { SyncAuth } from './sync-auth';
import type { Mutation } from './wire-schemas';

/** What {@link checkConcurrentEdit} decided for one mutation. */
export interface EditCheck {
  /** The effects to apply: the edited record merged with what other desks changed since the desk's base. */
  effects: CheckedEffect[];
  /** On a slot/status conflict: the conflict record to store once the effects are written (its change number is added then). */
  conflict?: Omit<ConcurrentEditRecord, 'detectedAtChange'>;
  /**
   * On a conflict: the records written again as the server holds them, each
   * under its stored author (the edited record under the kept change's
   * author), so the desk that lost pulls them over its own copies.
   */
  keptAuthors?: KeptAuthor[];
  /** The conflict keeps this push's change, not the stored one (a consent opt-out, opt-out-stands.ts): its `kept.version` is the change it is written at. */
  keptIsThisPush?: true;
}

/** Who a record put again on a conflict is written under: its stored author, desk and staff member. */
export interface KeptAuthor {
  entity: SyncEntity;
  id: string;
  deviceId: string;
  staffId: string | null;
}

type RecordData = Record<string, unknown>;

/** core/model's parser for each edited entity: a merged record is checked like any other. */
const parsers: Readonly<Record<EditedEntity, (input: unknown) => object>> = {
  appointment: parseAppointment,
  series: parseSeries,
  seriesException: parseSeriesException,
  scheduleBlock: parseScheduleBlock,
  visitConfirmation: parseVisitConfirmation,
  waitlistEntry: parseWaitlistEntry,
  contactConsent: parseContactConsent,
};

/**
 * The merged record normalised by its schema, or null when the two halves do
 * not make a valid record together — including when the schema would strip a
 * field of it (a note merged onto an exception the other desk cancelled):
 * dropped silently, those words would be lost.
 */
function parsedMerge(entity: EditedEntity, data: RecordData): RecordData | null {
  let parsed: RecordData;
  try {
    parsed = parsers[entity](data) as RecordData;
  } catch (error) {
    if (error instanceof ValidationError) return null;
    throw error;
  }
  return Object.keys(data).every((key) => data[key] === undefined || key in parsed) ? parsed : null;
}

/**
 * The stored record with each of the merge's word values that still makes a
 * valid record: as many words as fit the kept slot. A word the merge lacks is
 * not removed — the other side's record may lack it only because its kind
 * cannot hold it (a cancelled occurrence has no visit reason).
 */
function withWordsThatFit(entity: EditedEntity, stored: RecordData, merged: RecordData): RecordData {
  let kept = parsedMerge(entity, stored) ?? stored;
  for (const key of wordFieldNames(entity)) {
    if (merged[key] === undefined || sameValue(kept[key], merged[key])) continue;
    kept = parsedMerge(entity, { ...kept, [key]: merged[key] }) ?? kept;
  }
  return kept;
}

// Compares unequal to every value: a base the server cannot find counts as
// "changed by both sides", so a differing slot becomes a conflict, not a silent overwrite.
const unknownValue = Symbol('unknown base value');

/**
 * The copy the desk edited, found from the mutation's `baseVersion`:
 * 1. the desk's own last pushed copy when `baseVersion` is its version — a
 *    second offline edit builds on the first, whose `version` the desk
 *    counted itself (`before.version + 1`), not a server change number;
 * 2. the stored record when it is still at `baseVersion`;
 * 3. the change log's copy at `baseVersion` (every version is kept there);
 * 4. when none matches (a desk whose earlier edit was rejected) and this
 *    device wrote the stored record last: the copy it last pushed — the
 *    stored one may hold words the server merged in from another desk, which
 *    must then count as "changed by the other side", not be overwritten.
 * Null when nothing is known.
 */
async function baseOf(tx: WriteTransaction, auth: SyncAuth, entity: EditedEntity, id: string, baseVersion: number, current: EntityRecord): Promise<RecordData | null> {
  const own = await tx.deskCopy(entity, id);
  if (own !== null && own.deskVersion === baseVersion) return own.data;
  if (current.version === baseVersion) return current.data;
  const logged = await tx.recordAt(entity, id, baseVersion);
  if (logged !== null) return logged;
  return current.deviceId === auth.deviceId && own !== null ? own.data : null;
}

/**
 * Checks a mutation's edited record against what other desks changed since
 * the desk's `baseVersion` (server/PROTOCOL.md, "Concurrent edits"). The
 * edited record is the mutation's first put of an appointment, series or
 * series exception — the one whose version the command read; `baseVersion:
 * null` (a new record) checks nothing. Non-conflicting changes merge
 * (concurrent-edit.ts). A slot/status change on both sides — or a merge that
 * is no valid record — keeps the stored slot and status (the record is put
 * again, with this edit's words merged in when they fit, under the kept
 * change's author), holds back the mutation's other booking effects (a
 * series edit's new tail, shifted exceptions, deletes: they follow the
 * change that was not applied) and returns the conflict record to store,
 * which keeps the whole mutation (`other.effects`). Every record held back is
 * written again as the server holds it (a delete when it has none), so the
 * desk that pushed — which applied them locally and drops the outbox row on
 * `conflict` — converges on its next pull. Call it under the change lock,
 * before writing anything.
 *
 * @example
 * const check = await checkConcurrentEdit(tx, auth, mutation, effects);
 * check.conflict?.fields // ['end', 'start', 'wallStart']
 */
export async function checkConcurrentEdit(tx: WriteTransaction, auth: SyncAuth, mutation: Mutation, effects: CheckedEffect[], staffId?: string): Promise<EditCheck> {
  const index = effects.findIndex((effect) => effect.op === 'put' && isEditedEntity(effect.entity));
  const edited = effects[index];
  if (mutation.baseVersion === null && (edited === undefined || !createdOnManyDesks(edited.entity))) return { effects };
  if (edited === undefined) return checkConcurrentDelete(tx, auth, mutation, effects, staffId);
  if (edited.op !== 'put' || !isEditedEntity(edited.entity)) return { effects };
  const entity = edited.entity;
  const current = await tx.getEntity(entity, edited.id);
  if (current === null || current.deleted || current.data === null) return { effects };

  // A record another desk created meanwhile (createdOnManyDesks): the base is unknown, as below.
  const known = mutation.baseVersion === null ? null : await baseOf(tx, auth, entity, edited.id, mutation.baseVersion, current);
  // Without the base nobody can say who changed what: anyone else's differing slot is a conflict.
  const base = known ?? Object.fromEntries(Object.keys({ ...current.data, ...edited.data }).map((key) => [key, unknownValue]));
  // Nobody changed it since the desk's base: the edit applies as sent.
  if (base === current.data) return { effects };
  let merge = mergeConcurrentEdit(entity, base, current.data, edited.data);
  const { syncConflict: _marker, ...stored } = current.data;
  if (merge.conflictFields.length === 0) {
    // One side's slot with the other's words must still be a valid record
    // (a cancelled exception's reason on a moved one is not): if not, it is a
    // conflict after all — applying the edit as sent would overwrite what the other desk changed.
    const merged = parsedMerge(entity, merge.data);
    if (merged !== null) return { effects: effects.map((effect, position) => (position === index ? { ...edited, data: merged } : effect)) };
    const differing = differingFields(stored, edited.data);
    if (differing.length === 0) return { effects };
    merge = { ...merge, conflictFields: differing };
  }

  // The kept record is put again even when nothing merged in: the desk pulls
  // it under a new version, so its next edit's baseVersion can never be
  // mistaken for the version it counted itself for the edit that was not applied.
  // Words that do not fit the kept slot stay in the conflict record (`other.values`, `other.effects`).
  const keptData = parsedMerge(entity, merge.data) ?? withWordsThatFit(entity, stored, merge.data);
  const heldBack = effects.filter((effect, position) => position !== index && isEditedEntity(effect.entity) && !(effect.entity === entity && effect.id === edited.id));
  const restored = await restoreHeldBack(tx, heldBack, current.deviceId);
  const kept: CheckedEffect[] = [
    ...effects.flatMap((effect, position): CheckedEffect[] => (position === index ? [{ ...edited, data: keptData }] : isEditedEntity(effect.entity) ? [] : [effect])),
    ...restored.effects,
  ];
  const conflict: Omit<ConcurrentEditRecord, 'detectedAtChange'> = {
    id: editConflictId(mutation.mutationId),
    kind: 'concurrent-edit',
    entity,
    recordId: edited.id,
    fields: merge.conflictFields,
    kept: { deviceId: current.deviceId, ...staffOf(current.staffId), at: String(current.data['updatedAt'] ?? ''), version: current.version, values: editValues(entity, current.data) as ConcurrentEditRecord['kept']['values'] },
    other: {
      deviceId: auth.deviceId,
      ...staffOf(staffId),
      at: String(edited.data['updatedAt'] ?? ''),
      mutationId: mutation.mutationId,
      values: editValues(entity, edited.data) as ConcurrentEditRecord['other']['values'],
      effects: effects as NonNullable<ConcurrentEditRecord['other']['effects']>,
    },
    deviceIds: [...new Set([current.deviceId, auth.deviceId])].sort(),
    status: 'open',
  };
  const check = { effects: kept, conflict, keptAuthors: [authorOf(current), ...restored.authors] };
  // An opt-out is never held back behind another desk's "allowed" (opt-out-stands.ts).
  return optOutStands(entity, stored, edited.data) ? keepOptOut(check, current, edited) : check;
}

/**
 * A mutation that deletes a booking record (its first delete of an
 * appointment, series or exception, when it puts none — cancelling a whole
 * series removes it) is checked against `baseVersion` like an edit: when
 * another desk changed the record's slot or status since the deleting
 * desk's base (or the base cannot be found), the delete is not applied —
 * it would silently throw that change away. The stored record stays (put
 * again under its author, so the deleting desk gets it back on its next
 * pull), the mutation's other booking effects are held back as for an edit,
 * and the conflict record says `other.values: { deleted: true }`. A change
 * of words only (a note) does not stop a delete.
 */
async function checkConcurrentDelete(tx: WriteTransaction, auth: SyncAuth, mutation: Mutation, effects: CheckedEffect[], staffId: string | undefined): Promise<EditCheck> {
  const index = effects.findIndex((effect) => effect.op === 'delete' && isEditedEntity(effect.entity));
  const deleted = effects[index];
  if (deleted === undefined || !isEditedEntity(deleted.entity) || mutation.baseVersion === null) return { effects };
  const entity = deleted.entity;
  const current = await tx.getEntity(entity, deleted.id);
  if (current === null || current.deleted || current.data === null) return { effects };
  const known = await baseOf(tx, auth, entity, deleted.id, mutation.baseVersion, current);
  if (known === current.data) return { effects };
  const { syncConflict: _marker, ...stored } = current.data;
  const words = new Set(wordFieldNames(entity));
  const changed = known === null ? ['deleted'] : differingFields(known, stored).filter((field) => !words.has(field));
  if (changed.length === 0) return { effects };

  const heldBack = effects.filter((effect, position) => position !== index && isEditedEntity(effect.entity) && !(effect.entity === entity && effect.id === deleted.id));
  const restored = await restoreHeldBack(tx, heldBack, current.deviceId);
  const kept: CheckedEffect[] = [
    { entity, id: deleted.id, op: 'put', data: parsedMerge(entity, stored) ?? stored },
    ...effects.filter((effect) => !isEditedEntity(effect.entity)),
    ...restored.effects,
  ];
  const conflict: Omit<ConcurrentEditRecord, 'detectedAtChange'> = {
    id: editConflictId(mutation.mutationId),
    kind: 'concurrent-edit',
    entity,
    recordId: deleted.id,
    fields: changed,
    kept: { deviceId: current.deviceId, ...staffOf(current.staffId), at: String(current.data['updatedAt'] ?? ''), version: current.version, values: editValues(entity, current.data) as ConcurrentEditRecord['kept']['values'] },
    other: {
      deviceId: auth.deviceId,
      ...staffOf(staffId),
      // A delete carries no record, so no updatedAt: the desk's clock stamp says when (its HLC starts with the instant).
      at: /^\d{4}-\d{2}-\d{2}T[\d:.]+Z/.exec(mutation.hlc)?.[0] ?? mutation.hlc.slice(0, 40),
      mutationId: mutation.mutationId,
      values: { deleted: true },
      effects: effects as NonNullable<ConcurrentEditRecord['other']['effects']>,
    },
    deviceIds: [...new Set([current.deviceId, auth.deviceId])].sort(),
    status: 'open',
  };
  return { effects: kept, conflict, keptAuthors: [authorOf(current), ...restored.authors] };
}

const authorOf = (record: EntityRecord): KeptAuthor => ({ entity: record.entity, id: record.id, deviceId: record.deviceId, staffId: record.staffId });
const staffOf = (staffId: string | null | undefined) => (staffId === null || staffId === undefined ? {} : { staffId });

/** Fields (slot, status or words; not the history) whose values differ between two copies, sorted. */
function differingFields(stored: RecordData, incoming: RecordData): string[] {
  const keys = new Set([...Object.keys(stored), ...Object.keys(incoming)]);
  return [...keys].filter((key) => !['id', 'version', 'createdAt', 'updatedAt', 'syncConflict', ...followingFields].includes(key) && !sameValue(stored[key], incoming[key])).sort();
}

/**
 * For every booking record a held-back effect touched: the server's copy put
 * again under its stored author, or a delete when the server has none (a
 * series split's new tail the desk created) — so the desk's next pull
 * overwrites what it applied locally. The delete is authored by the kept
 * change's desk: the server never held this desk's version of it.
 */
async function restoreHeldBack(tx: WriteTransaction, heldBack: readonly CheckedEffect[], keptDeviceId: string): Promise<{ effects: CheckedEffect[]; authors: KeptAuthor[] }> {
  const effects: CheckedEffect[] = [];
  const authors: KeptAuthor[] = [];
  const seen = new Set<string>();
  for (const effect of heldBack) {
    const key = `${effect.entity}\u0000${effect.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const record = await tx.getEntity(effect.entity, effect.id);
    if (record === null || record.deleted || record.data === null) {
      effects.push({ entity: effect.entity, id: effect.id, op: 'delete' });
      authors.push({ entity: effect.entity, id: effect.id, deviceId: record?.deviceId ?? keptDeviceId, staffId: record?.staffId ?? null });
      continue;
    }
    const { syncConflict: _marker, ...data } = record.data;
    effects.push({ entity: effect.entity, id: effect.id, op: 'put', data });
    authors.push(authorOf(record));
  }
  return { effects, authors };
}

/**
 * Remembers what the desk now holds of every booking record the mutation
 * put (as it sent them, whatever the server merged): the base of its next
 * offline edit of them (see `baseOf`).
 *
 * @example await saveDeskCopies(tx, checkedEffects);
 */
export async function saveDeskCopies(tx: WriteTransaction, effects: readonly CheckedEffect[]): Promise<void> {
  for (const effect of effects) {
    if (effect.op !== 'put' || !isEditedEntity(effect.entity)) continue;
    const version = effect.data['version'];
    if (typeof version === 'number') await tx.saveDeskCopy(effect.entity, effect.id, { deskVersion: version, data: effect.data });
  }
}

/** Derived from the mutation id, so a replay can never mint a second one. */
function editConflictId(mutationId: string): string {
  return `cf_${createHash('sha256').update(`${mutationId}\u0000concurrent-edit`).digest('hex').slice(0, 32)}`;
}
