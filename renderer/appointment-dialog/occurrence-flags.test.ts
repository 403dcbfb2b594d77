import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../core/overlap';
import type { DraftCheck, DraftOccurrence } from '../../core/queries';
import { previewRows, problemCounts, singleVisitFlags } from './occurrence-flags';
import { planRepeat } from './repeat-plan';

const zone = 'America/New_York';

function conflict(kind: Conflict['kind'], occurrence: Pick<DraftOccurrence, 'id' | 'start'>, extra: Partial<Conflict> = {}): Conflict {
  const severity = kind === 'outside-working-hours' || kind === 'no-working-hours-defined' ? 'warning' : 'hard';
  return { kind, severity, candidateId: occurrence.id, candidateStart: occurrence.start, existingIds: [], candidateIds: [], ...extra };
}

/** A dry run over visits given as [wall time, UTC start]; `problems` adds conflicts by position. */
function checkOf(visits: [string, string][], problems: Record<number, Conflict['kind'][]>): DraftCheck {
  const occurrences: DraftOccurrence[] = visits.map(([wallStart, start], index) => {
    const base = { id: `draft:${index}`, start, end: start, wallStart };
    const conflicts = (problems[index] ?? []).map((kind) => conflict(kind, base, kind === 'closed' ? { closureReason: 'Holiday' } : { resourceId: 'dr-a' }));
    return { ...base, hard: conflicts.filter((item) => item.severity === 'hard'), warnings: conflicts.filter((item) => item.severity === 'warning') };
  });
  const hard = occurrences.flatMap((occurrence) => occurrence.hard);
  return { ok: hard.length === 0, hard, warnings: occurrences.flatMap((occurrence) => occurrence.warnings), occurrences };
}

describe('previewRows', () => {
  // Tuesdays at 9:00 from 20 October 2026; clocks go back on 1 November.
  const plan = planRepeat({ kind: 'weekly', every: 1, weekdays: [], end: 'after', count: 12, until: '' }, '2026-10-20T09:00', zone, 3);
  if (!plan.ok) throw new Error('plan refused');
  const visits: [string, string][] = plan.preview.map((visit) => [visit.local, visit.utc]);
  visits.push(['2026-11-10T09:00:00', '2026-11-10T14:00:00.000Z'], ['2026-11-17T09:00:00', '2026-11-17T14:00:00.000Z'], ['2026-11-24T09:00:00', '2026-11-24T14:00:00.000Z']);

  it('shows the first visits at once with their clock-change flags, before the check is in', () => {
    const { rows, later } = previewRows(plan.preview, null, '09:00');
    expect(rows.map((row) => [row.local, row.flags.map((flag) => flag.kind)])).toEqual([
      ['2026-10-20T09:00:00', []],
      ['2026-10-27T09:00:00', []],
      ['2026-11-03T09:00:00', ['other-offset']],
    ]);
    expect(later).toEqual([]);
  });

  it('marks each visit with its closure, conflict and hours, and lists later visits with a problem only', () => {
    const check = checkOf(visits, { 1: ['resource-double-booked'], 2: ['outside-working-hours', 'closed'], 4: ['closed'] });
    const { rows, later } = previewRows(plan.preview, check, '09:00');
    expect(rows.map((row) => row.flags.map((flag) => flag.kind))).toEqual([[], ['conflict'], ['other-offset', 'closed', 'outside-hours']]);
    expect(later.map((row) => [row.local, row.flags.map((flag) => flag.kind)])).toEqual([['2026-11-17T09:00:00', ['closed']]]);
    expect(problemCounts(check)).toEqual({ visits: 6, closed: 2, blocked: 0, conflict: 1, outsideHours: 1 });
  });
});

describe('the clock-change flag', () => {
  it('is said once, at the first visit after each change, not on every visit after it', () => {
    // Six Tuesdays from 20 October 2026 in New York: clocks go back on 1 November, only 3 November is "after a clock change".
    const six = planRepeat({ kind: 'weekly', every: 1, weekdays: [], end: 'after', count: 6, until: '' }, '2026-10-20T09:00', zone, 6);
    if (!six.ok) throw new Error('plan refused');
    const flagged = (check: DraftCheck | null) => previewRows(six.preview, check, '09:00').rows.filter((row) => row.flags.some((flag) => flag.kind === 'other-offset')).map((row) => row.local);
    expect(flagged(null)).toEqual(['2026-11-03T09:00:00']);
    expect(flagged(checkOf(six.preview.map((visit) => [visit.local, visit.utc]), {}))).toEqual(['2026-11-03T09:00:00']);
    // Across spring and autumn in Sydney (a monthly series): once at each change.
    const sydney = planRepeat({ kind: 'monthly-by-date', every: 1, weekdays: [], end: 'after', count: 12, until: '' }, '2026-01-15T10:00', 'Australia/Sydney', 12);
    if (!sydney.ok) throw new Error('plan refused');
    expect(previewRows(sydney.preview, null, '10:00').rows.filter((row) => row.flags.length > 0).map((row) => row.local.slice(0, 10))).toEqual(['2026-04-15', '2026-10-15']);
  });
});

describe('singleVisitFlags', () => {
  it('says when the clock change moves the visit, then its problems', () => {
    const gap = checkOf([['2026-03-08T03:30:00', '2026-03-08T07:30:00.000Z']], { 0: ['outside-working-hours'] });
    expect(singleVisitFlags(gap, '02:30').map((flag) => flag.kind)).toEqual(['shifted', 'outside-hours']);
    expect(singleVisitFlags(checkOf([['2026-11-25T10:00:00', '2026-11-25T15:00:00.000Z']], {}), '10:00')).toEqual([]);
  });
});
