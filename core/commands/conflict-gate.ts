import { textLimits } from '../model';
import { z } from 'zod';
import { unoverridableKinds } from '../overlap';
import type { BookingCheckResult } from '../overlap';
import type { CommandError } from './command-result';
import type { WriteScope } from './define-command';
import { isManager } from './session';

/**
 * The optional "book anyway" part of a booking command's arguments: only a
 * manager or admin may use it, and only with a reason.
 */
export const overrideSchema = z.object({ reason: z.string().trim().min(1).max(textLimits.reason) });

/** The subject the override is recorded against. */
export interface OverrideSubject {
  entityType: string;
  entityId: string;
  patientId: string | null;
}

/**
 * Decides what hard conflicts mean for this command. No hard conflicts: go
 * ahead. Hard conflicts without an override: refuse with the conflict report.
 * An override from someone who is not a manager or admin: refuse
 * (`not-permitted`, field `override`), and so is any override of a hard
 * blockout or leave (core/overlap `unoverridableKinds`: nobody books there;
 * the schedule is changed instead). A manager's override: go ahead, and
 * queue a `CONFLICT_OVERRIDDEN` audit entry (reason + the conflicts) that
 * commits with the booking. Returns the refusal, or `undefined` to proceed.
 *
 * @example
 * const refusal = gateConflicts(scope, check, args.override, { entityType: 'appointment', entityId: id, patientId });
 * if (refusal) return refusal;
 */
export function gateConflicts(
  scope: WriteScope,
  check: BookingCheckResult,
  override: z.output<typeof overrideSchema> | undefined,
  subject: OverrideSubject,
): { ok: false; error: CommandError } | undefined {
  if (check.hard.length === 0) return undefined;
  if (!override) {
    const kinds = [...new Set(check.hard.map((conflict) => conflict.kind))].join(', ');
    return { ok: false, error: { code: 'booking-conflict', message: `The booking conflicts with existing bookings or closures (${kinds}).`, hard: check.hard, warnings: check.warnings } };
  }
  if (check.hard.some((conflict) => unoverridableKinds.includes(conflict.kind))) {
    return {
      ok: false,
      error: { code: 'not-permitted', field: 'override', message: 'Nobody can book into a hard blockout or leave: change the schedule first.' },
    };
  }
  if (!isManager(scope.session)) {
    return {
      ok: false,
      error: { code: 'not-permitted', field: 'override', message: 'Only a manager or admin can book over a conflict.' },
    };
  }
  scope.audit({
    action: 'CONFLICT_OVERRIDDEN',
    ...subject,
    reason: override.reason,
    changes: {
      conflicts: {
        before: null,
        after: check.hard.map((conflict) => ({
          kind: conflict.kind,
          candidateStart: conflict.candidateStart,
          resourceId: conflict.resourceId ?? null,
          existingIds: conflict.existingIds,
        })),
      },
    },
  });
  return undefined;
}
