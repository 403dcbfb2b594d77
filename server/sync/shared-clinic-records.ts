import type { WriteTransaction } from '../storage/storage';
import type { CheckedEffect } from './effect-validation';
import type { Mutation } from './wire-schemas';

/** The mutation name a desk offers its clinic records under (core/sync `shareClinicRecords`). */
export const shareClinicMutation = 'sync/share-clinic';

/**
 * The effects of a `sync/share-clinic` mutation the server should store:
 * only puts of records it does not hold yet (a deleted one counts as held).
 * The mutation only offers records again, and a desk's copies may be older
 * than the clinic's (a passphrase reset or a deactivation made on another
 * desk since), so it may fill gaps but never overwrite or revive anything.
 * Any other mutation's effects pass unchanged.
 *
 * @example await unheldSharedRecords(tx, { ...mutation, name: 'sync/share-clinic' }, effects) // only the staff the server had never seen
 */
export async function unheldSharedRecords(tx: WriteTransaction, mutation: Pick<Mutation, 'name'>, effects: CheckedEffect[]): Promise<CheckedEffect[]> {
  if (mutation.name !== shareClinicMutation) return effects;
  const kept: CheckedEffect[] = [];
  for (const effect of effects) {
    if (effect.op === 'put' && (await tx.getEntity(effect.entity, effect.id)) === null) kept.push(effect);
  }
  return kept;
}
