import type { BookingCheckResult } from '../overlap';
import { checkAgainstStore } from '../queries';
import type { Candidate, CheckExclusions } from '../queries';
import type { WriteScope } from './define-command';

export type { Candidate, CheckExclusions } from '../queries';

/**
 * The booking check of a write command: core/queries' `checkAgainstStore`
 * over the command's transaction and the clinic's zone. Running inside the
 * transaction means nothing can slip in between the check and the write;
 * running the same function as the dialog's dry run (`checkDraft`) means the
 * preview and the command cannot disagree.
 *
 * Throws `unknown-entity` (field `resourceIds.N`) for a resource that does not exist.
 *
 * @example const check = await checkCandidates(scope, [{ id: 'a1', start, end, resourceIds: ['dr-lee'], patientId: 'p1' }]);
 */
export function checkCandidates(scope: WriteScope, candidates: readonly Candidate[], exclusions: CheckExclusions = {}): Promise<BookingCheckResult> {
  return checkAgainstStore(scope.db, scope.clinic.timeZone, candidates, exclusions);
}
