import { describe, expect, it } from 'vitest';
import type { VisitConfirmation } from '../model';
import { callDownList } from './call-down';
import type { CallDownVisit } from './call-down';
import { setConfirmation } from './confirmation-states';

const days = ['2026-03-03', '2026-03-04'];
const visit = (id: string, day: string, hour: number, extra: Partial<CallDownVisit> = {}): CallDownVisit => ({
  id,
  patientId: `p-${id}`,
  start: Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`),
  status: 'booked',
  resourceIds: ['dr-lee'],
  day,
  ...extra,
});
const desk = { at: '2026-03-02T15:00:00.000Z', actor: 'staff', by: 's1' } as const;

function answered(target: CallDownVisit, ...answers: ('confirmed' | 'declined' | 'no_answer')[]): VisitConfirmation {
  const statusHistory = answers.reduce((history, to) => setConfirmation(history, to, desk), [] as ReturnType<typeof setConfirmation>);
  return { id: target.id, patientId: target.patientId, visitStart: new Date(target.start).toISOString(), status: statusHistory.at(-1)?.to ?? 'unconfirmed', statusHistory, version: 1, createdAt: desk.at, updatedAt: desk.at };
}

describe('callDownList', () => {
  it('lists the two days’ booked visits still waiting, day by day, not-yet-called first, then fewest unanswered calls, then by time', () => {
    const late = visit('late', '2026-03-03', 16);
    const early = visit('early', '2026-03-03', 9);
    const triedTwice = visit('tried-twice', '2026-03-03', 8);
    const triedOnce = visit('tried-once', '2026-03-03', 15);
    const nextDay = visit('next-day', '2026-03-04', 7);
    const confirmed = visit('confirmed', '2026-03-03', 10);
    const declined = visit('declined', '2026-03-03', 11);
    const cancelled = visit('cancelled', '2026-03-03', 12, { status: 'cancelled' });
    const today = visit('today', '2026-03-02', 17);
    const records = new Map(
      [answered(triedTwice, 'no_answer', 'no_answer'), answered(triedOnce, 'no_answer'), answered(confirmed, 'confirmed'), answered(declined, 'declined')].map((record) => [record.id, record]),
    );
    const rows = callDownList([late, early, triedTwice, triedOnce, nextDay, confirmed, declined, cancelled, today], records, days);
    expect(rows.map((row) => [row.key, row.confirmation, row.unanswered])).toEqual([
      ['early', 'unconfirmed', 0],
      ['late', 'unconfirmed', 0],
      ['tried-once', 'no_answer', 1],
      ['tried-twice', 'no_answer', 2],
      ['next-day', 'unconfirmed', 0],
    ]);
  });

  it('lists again a visit confirmed for a time it no longer has, and names a series visit by its occurrence key', () => {
    const moved = visit('moved', '2026-03-03', 9);
    const record = { ...answered(moved, 'confirmed'), visitStart: '2026-03-01T09:00:00.000Z' };
    const seriesVisit = visit('s1:20260304T090000', '2026-03-04', 14, { id: 'apt-saved', seriesId: 's1', originalStart: '2026-03-04T09:00' });
    const seriesRecord = { ...answered(seriesVisit, 'confirmed'), id: 's1:20260304T090000' };
    const rows = callDownList([moved, seriesVisit], new Map([[record.id, record], [seriesRecord.id, seriesRecord]]), days);
    expect(rows.map((row) => [row.key, row.confirmation, row.unanswered])).toEqual([['moved', 'unconfirmed', 0]]);
  });
});
