import type { Appointment, Series } from '../../core';
import type { ReadPlan, SyncEntity } from '../storage/storage';
import { bookingSlots } from './double-booking';
import { isEditedEntity } from './concurrent-edit';
import type { CheckedEffect } from './effect-validation';
import type { Mutation } from './wire-schemas';

/** A mutation of the push with its effects as core/model checked them (null: refused, nothing to read for it). */
export interface PlannedMutation {
  mutation: Mutation;
  effects: readonly CheckedEffect[] | null;
}

// Booking-slot queries on one key closer than this are read as one interval: a
// few more rows, far fewer query rows (a desk's day of bookings is one read).
const coalesceGapMs = 24 * 60 * 60 * 1000;

/**
 * What `applyPush` is about to read for these mutations, so the store can
 * fetch it in one go before the first mutation runs (`WriteTransaction.prefetch`):
 * the mutation ids, every record an effect names (and the series of an
 * exception, the resources of a booking), the desk copy and change-log copy
 * a stale edit compares against, the booking-slot and series queries of the
 * double-booking check, and the audit seqs a resend compares. Records are
 * named by (entity, id), whatever their kind: a new synced entity needs
 * nothing here. Anything the plan misses is still read, one round trip later.
 *
 * @example readPlanFor([{ mutation, effects }], [3, 4]).records // [{ entity: 'appointment', id: 'a1' }, { entity: 'resource', id: 'dr-lee' }, …]
 */
export function readPlanFor(planned: readonly PlannedMutation[], auditSeqs: readonly number[]): ReadPlan {
  const records = new Map<string, { entity: SyncEntity; id: string }>();
  const deskCopies = new Map<string, { entity: SyncEntity; id: string }>();
  const recordsAt: { entity: SyncEntity; id: string; version: number }[] = [];
  const slotIntervals = new Map<string, [number, number][]>();
  const resourceIds = new Set<string>();
  const patientIds = new Set<string>();
  const seriesIds = new Set<string>();
  const addRecord = (entity: SyncEntity, id: string) => records.set(`${entity}\u0000${id}`, { entity, id });

  for (const { mutation, effects } of planned) {
    if (effects === null) continue;
    const edited = effects.find((effect) => effect.op === 'put' && isEditedEntity(effect.entity));
    if (edited !== undefined && mutation.baseVersion !== null) {
      deskCopies.set(`${edited.entity}\u0000${edited.id}`, { entity: edited.entity, id: edited.id });
      recordsAt.push({ entity: edited.entity, id: edited.id, version: mutation.baseVersion });
    }
    for (const effect of effects) {
      addRecord(effect.entity, effect.id);
      if (effect.op !== 'put') continue;
      if (effect.entity === 'appointment') {
        const appointment = effect.data as unknown as Appointment;
        for (const slot of bookingSlots(appointment)) slotIntervals.set(slot.key, [...(slotIntervals.get(slot.key) ?? []), [slot.startMs, slot.endMs]]);
        for (const resourceId of appointment.resourceIds) {
          addRecord('resource', resourceId);
          resourceIds.add(resourceId);
        }
        patientIds.add(appointment.patientId);
      } else if (effect.entity === 'series') {
        const series = effect.data as unknown as Series;
        seriesIds.add(effect.id);
        for (const resourceId of series.resourceIds) {
          addRecord('resource', resourceId);
          resourceIds.add(resourceId);
        }
        patientIds.add(series.patientId);
      } else if (effect.entity === 'seriesException') {
        const seriesId = String(effect.data['seriesId']);
        addRecord('series', seriesId);
        seriesIds.add(seriesId);
      }
    }
  }
  const overlaps = [...slotIntervals].flatMap(([key, intervals]) => coalesce(intervals).map(([startMs, endMs]) => ({ keys: [key], startMs, endMs })));
  return {
    mutationIds: [...new Set(planned.map(({ mutation }) => mutation.mutationId))],
    records: [...records.values()],
    deskCopies: [...deskCopies.values()],
    recordsAt,
    overlaps,
    seriesTouching: { resourceIds: [...resourceIds], patientIds: [...patientIds] },
    seriesExceptions: [...seriesIds],
    auditSeqs,
    // The push answers with the chain head, entries or not.
    auditHead: true,
  };
}

/** Sorted, with intervals closer than {@link coalesceGapMs} merged. */
function coalesce(intervals: readonly [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && start - last[1] <= coalesceGapMs) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
