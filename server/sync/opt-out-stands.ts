import type { EntityRecord } from '../storage/storage';
import type { ConcurrentEditRecord } from './concurrent-edit-record';
import type { EditCheck } from './concurrent-edit-check';
import type { CheckedEffect } from './effect-validation';

/**
 * Privacy before "the first change applied stands" (issue 16: an opted-out
 * patient is never messaged). Two desks recorded different contact consent
 * for one patient offline and the later push is an opt-out: kept as usual,
 * the earlier answer ("texts allowed") would hold until someone settles the
 * conflict, and every reminder sent meanwhile would go to a patient who said
 * no. So the opt-out is applied and the earlier answer is what the conflict
 * keeps aside; Needs attention still lists it for a person to decide.
 *
 * @example optOutStands('contactConsent', { optedOut: false, … }, { optedOut: true, … }) // true
 */
export function optOutStands(entity: string, stored: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  return entity === 'contactConsent' && incoming['optedOut'] === true && stored['optedOut'] !== true;
}

/**
 * Turns a concurrent-edit check that kept the stored consent into one that
 * applies the incoming opt-out as sent: the conflict's sides swap (`kept` is
 * this push, its `version` set once written; `other` is the stored answer,
 * with the effect that puts it back and `stored:<version>` for the mutation
 * the server does not name).
 *
 * @example return keepOptOut(check, current, edited); // check.effects = [edited], check.conflict.kept.deviceId = this desk
 */
export function keepOptOut(check: EditCheck & { conflict: Omit<ConcurrentEditRecord, 'detectedAtChange'> }, current: EntityRecord, edited: CheckedEffect & { op: 'put' }): EditCheck {
  const { kept, other } = check.conflict;
  const { syncConflict: _marker, ...stored } = current.data ?? {};
  return {
    effects: [edited],
    conflict: {
      ...check.conflict,
      kept: { deviceId: other.deviceId, ...(other.staffId === undefined ? {} : { staffId: other.staffId }), at: other.at, version: current.version, values: other.values },
      other: {
        deviceId: kept.deviceId,
        ...(kept.staffId === undefined ? {} : { staffId: kept.staffId }),
        at: kept.at,
        mutationId: `stored:${current.version}`,
        values: kept.values,
        effects: [{ entity: current.entity, id: current.id, op: 'put', data: stored }],
      },
    },
    keptIsThisPush: true,
  };
}
