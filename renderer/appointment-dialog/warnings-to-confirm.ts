import type { DraftCheck, DraftOccurrence } from '../../core/queries';

/** A kind of warning the receptionist confirms before saving, with the visits it concerns. */
export interface WarningGroup {
  kind: 'outside-hours' | 'break' | 'no-hours' | 'other';
  visits: DraftOccurrence[];
}

const order: readonly WarningGroup['kind'][] = ['outside-hours', 'break', 'no-hours', 'other'];

/**
 * What "Book anyway?" has to say before a save, or `[]` when nothing needs
 * confirming: no warnings, or hard conflicts (those are refused by the
 * command and shown in the conflict list, with the manager's override).
 * Each visit appears once per kind, in start order.
 *
 * @example warningsToConfirm(check) // [{ kind: 'outside-hours', visits: [saturday1, saturday2] }]
 */
export function warningsToConfirm(check: DraftCheck): WarningGroup[] {
  if (check.hard.length > 0 || check.warnings.length === 0) return [];
  const groups = new Map<WarningGroup['kind'], DraftOccurrence[]>();
  for (const occurrence of check.occurrences) {
    const kinds = new Set(
      occurrence.warnings.map((warning) =>
        warning.kind === 'outside-working-hours' ? (warning.hours === 'overlaps-break' ? 'break' : 'outside-hours') : warning.kind === 'no-working-hours-defined' ? 'no-hours' : 'other',
      ),
    );
    for (const kind of kinds) groups.set(kind, [...(groups.get(kind) ?? []), occurrence]);
  }
  return order.flatMap((kind) => {
    const visits = groups.get(kind);
    return visits ? [{ kind, visits }] : [];
  });
}
