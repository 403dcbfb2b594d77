import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../core/overlap';
import type { DraftCheck, DraftOccurrence } from '../../core/queries';
import { warningsToConfirm } from './warnings-to-confirm';

function visit(id: string, conflicts: Partial<Conflict>[]): DraftOccurrence {
  const full = conflicts.map((part) => ({ kind: 'outside-working-hours', severity: 'warning', candidateId: id, candidateStart: '2026-11-28T15:00:00.000Z', existingIds: [], candidateIds: [], ...part }) as Conflict);
  return { id, start: '2026-11-28T15:00:00.000Z', end: '2026-11-28T15:30:00.000Z', wallStart: '2026-11-28T10:00:00', hard: full.filter((item) => item.severity === 'hard'), warnings: full.filter((item) => item.severity === 'warning') };
}

function checkOf(occurrences: DraftOccurrence[]): DraftCheck {
  const hard = occurrences.flatMap((occurrence) => occurrence.hard);
  return { ok: hard.length === 0, hard, warnings: occurrences.flatMap((occurrence) => occurrence.warnings), occurrences };
}

describe('warningsToConfirm', () => {
  it('groups the visits by warning, each visit once per kind', () => {
    const saturday = visit('a', [
      { hours: 'not-covered', resourceId: 'dr-a' },
      { hours: 'not-covered', resourceId: 'room-1' },
    ]);
    const lunch = visit('b', [{ hours: 'overlaps-break', resourceId: 'dr-a' }]);
    const noHours = visit('c', [{ kind: 'no-working-hours-defined', resourceId: 'room-2' }]);
    const fine = visit('d', []);
    const groups = warningsToConfirm(checkOf([saturday, fine, lunch, noHours, visit('e', [{ hours: 'not-covered' }])]));
    expect(groups.map((group) => [group.kind, group.visits.map((occurrence) => occurrence.id)])).toEqual([
      ['outside-hours', ['a', 'e']],
      ['break', ['b']],
      ['no-hours', ['c']],
    ]);
  });

  it('asks nothing without warnings, or when a hard conflict will refuse the save anyway', () => {
    expect(warningsToConfirm(checkOf([visit('a', [])]))).toEqual([]);
    const mixed = checkOf([visit('a', [{ hours: 'not-covered' }]), visit('b', [{ kind: 'closed', severity: 'hard' }])]);
    expect(warningsToConfirm(mixed)).toEqual([]);
  });
});
