import { blockFromWeeklyRule } from '../../core';
import type { AvailabilityRule } from '../../core';
import type { Storage } from '../storage/storage';

/** What {@link upgradeStoredSchedules} did. */
export interface ScheduleUpgrade {
  clinics: number;
  rules: number;
}

/**
 * The server's half of the v4 upgrade (issue 12): every stored weekday rule
 * (entity `availability`) of every clinic becomes the equivalent weekly
 * schedule block with the same id, in its resource's zone (the clinic's when
 * the resource is not stored) — exactly what desks make of the same rule in
 * their Dexie upgrade (core/schedule `blockFromWeeklyRule`) — and the rule
 * is tombstoned, each as a change of the clinic's log under the rule's
 * author, so desks pull the block (they skip the old rule's changes).
 *
 * Every desk of the clinic first gets a desk copy of each block at version 0
 * (`desk_copies`): that is the version the desk's own upgrade gave it, so its
 * first edit (baseVersion 0) is read against the block it really started
 * from — merged with, or a conflict against, what another desk changed since
 * — not as an edit of an unknown base. Idempotent: a clinic without live
 * rules is left alone, and a run stopped half-way is finished by the next.
 * Run at start-up, before the server answers (server/main.ts).
 *
 * @example await upgradeStoredSchedules(storage, () => Date.now()) // { clinics: 1, rules: 10 }
 */
export async function upgradeStoredSchedules(storage: Storage, clock: () => number): Promise<ScheduleUpgrade> {
  let clinics = 0;
  let rules = 0;
  for (const clinic of await storage.listClinics()) {
    const devices = await storage.listDevices(clinic.id);
    const first = devices[0];
    if (first === undefined) continue;
    const at = new Date(clock()).toISOString();
    const plan = await storage.write(clinic.id, first.id, async (tx) => {
      const stored = await tx.listEntities('availability');
      const resources = await tx.getEntities('resource', [...new Set(stored.map((record) => String(record.data?.['resourceId'])))]);
      const zones = new Map(resources.filter((record) => !record.deleted && record.data !== null).map((record) => [record.id, String(record.data?.['timeZone'])]));
      return stored.map((record) => {
        const rule = record.data as unknown as AvailabilityRule;
        return { author: record.deviceId, block: blockFromWeeklyRule(rule, zones.get(rule.resourceId) ?? clinic.timeZone, at) };
      });
    });
    if (plan.length === 0) continue;
    for (const device of devices) {
      await storage.write(clinic.id, device.id, async (tx) => {
        for (const { block } of plan) await tx.saveDeskCopy('scheduleBlock', block.id, { deskVersion: 0, data: block as unknown as Record<string, unknown> });
      });
    }
    await storage.write(clinic.id, first.id, async (tx) => {
      for (const { author, block } of plan) {
        const rule = await tx.getEntity('availability', block.id);
        if (rule === null || rule.deleted) continue;
        await tx.writeRecord({ entity: 'scheduleBlock', id: block.id, op: 'put', data: { ...block }, deviceId: author });
        await tx.writeRecord({ entity: 'availability', id: block.id, op: 'delete', deviceId: author });
      }
    });
    clinics += 1;
    rules += plan.length;
  }
  return { clinics, rules };
}
