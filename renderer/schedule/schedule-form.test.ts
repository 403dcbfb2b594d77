import { describe, expect, it } from 'vitest';
import { parseScheduleBlock } from '../../core/schedule';
import { clinicFormat, conflictSentence } from '../i18n';
import { describeBlock } from './block-words';
import { draftFromForm, emptyForm, formFromBlock } from './schedule-form';

const format = clinicFormat('en-GB', 'Europe/London');
const stamp = { version: 0, createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z' };
const asBlock = (draft: Record<string, unknown>) => parseScheduleBlock({ id: 'b1', timeZone: 'Europe/London', exdates: [], ...draft, ...stamp });

describe('schedule form', () => {
  it('ends a shift the next day when the end is not after the start, and repeats it with the dialog’s builder', () => {
    const form = { ...emptyForm('working', '2027-01-04'), start: '22:00', end: '06:00', repeat: { ...emptyForm('working', '2027-01-04').repeat, kind: 'weekly' as const, every: 2, weekdays: ['mon' as const] } };
    const built = draftFromForm(form, 'nurse-ng');
    expect(built).toMatchObject({ ok: true, draft: { kind: 'working', wallStart: '2027-01-04T22:00', wallEnd: '2027-01-05T06:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' } });
    if (!built.ok) return;
    const block = asBlock(built.draft);
    expect(describeBlock(block, format, '2026-12-01')).toBe('Every 2 weeks on Mon, 22:00–6:00 (next day), from 4 Jan 2027');
    // Read back for editing, the form is the same.
    expect(formFromBlock(block)).toMatchObject({ kind: 'working', date: '2027-01-04', start: '22:00', end: '06:00', repeat: { kind: 'weekly', every: 2, weekdays: ['mon'] } });
  });

  it('makes whole-day leave midnight to the midnight after its last day, and a day off an override with no end', () => {
    const leave = draftFromForm({ ...emptyForm('leave', '2026-12-28'), lastDate: '2027-01-03', reason: 'Annual leave' }, 'dr-lee');
    expect(leave).toMatchObject({ ok: true, draft: { kind: 'leave', wallStart: '2026-12-28T00:00', wallEnd: '2027-01-04T00:00', reason: 'Annual leave' } });
    if (leave.ok) expect(describeBlock(asBlock(leave.draft), format, '2026-12-01')).toBe('28 Dec 2026 – 3 Jan 2027, all day — Annual leave');
    const off = draftFromForm({ ...emptyForm('override', '2026-12-24'), dayOff: true, label: 'Christmas Eve' }, 'dr-lee');
    expect(off).toMatchObject({ ok: true, draft: { kind: 'override', wallStart: '2026-12-24T00:00', wallEnd: null } });
    if (off.ok) expect(formFromBlock(asBlock(off.draft))).toMatchObject({ dayOff: true, label: 'Christmas Eve' });
  });

  it('sends only the chosen kind’s fields, and names a bad repeat by its field', () => {
    const form = { ...emptyForm('blockout', '2027-01-12'), start: '13:00', end: '14:00', blockoutType: 'Staff meeting', reason: 'left over from leave' };
    const built = draftFromForm(form, 'dr-lee');
    expect(built.ok && 'reason' in built.draft).toBe(false);
    expect(built).toMatchObject({ ok: true, draft: { blockoutType: 'Staff meeting', enforcement: 'hard' } });
    const bad = draftFromForm({ ...form, repeat: { ...form.repeat, kind: 'weekly', every: 0 } }, 'dr-lee');
    expect(bad).toMatchObject({ ok: false, problem: { code: 'invalid-interval', field: 'repeat.pattern.every' } });
  });
});

describe('schedule findings in words', () => {
  const nameOf = () => 'Dr Lee';
  it('names the block and its time', () => {
    const time = (ms: number) => format.time(ms);
    const block = { blockId: 'm', blockKind: 'blockout' as const, name: 'Staff meeting', start: '2027-01-12T13:00:00.000Z', end: '2027-01-12T14:00:00.000Z' };
    expect(conflictSentence({ kind: 'schedule-blocked', resourceId: 'dr-lee', block }, nameOf, { time })).toBe('Dr Lee — Staff meeting 13:00–14:00: nobody can book then');
    expect(conflictSentence({ kind: 'soft-blockout', resourceId: 'dr-lee', block: { ...block, name: 'Emergencies only' } }, nameOf, { time })).toBe('Dr Lee — Emergencies only 13:00–14:00: only a manager can book, with a reason');
    const leave = { ...block, blockKind: 'leave' as const, name: 'Annual leave', start: '2027-01-12T00:00:00.000Z', end: '2027-01-13T00:00:00.000Z' };
    expect(conflictSentence({ kind: 'schedule-blocked', resourceId: 'dr-lee', block: leave }, nameOf, { time })).toBe('Dr Lee — on leave (Annual leave) all day: nobody can book then');
    expect(conflictSentence({ kind: 'outside-working-hours', resourceId: 'dr-lee', hours: 'not-covered', dayHours: [{ start: '2027-12-24T09:00:00.000Z', end: '2027-12-24T12:00:00.000Z' }], override: { blockId: 'e', name: 'Christmas Eve' } }, nameOf, { time })).toBe(
      'Dr Lee is outside that day’s hours (9:00–12:00, Christmas Eve)',
    );
    expect(conflictSentence({ kind: 'outside-working-hours', resourceId: 'dr-lee', hours: 'not-covered', dayHours: [] }, nameOf, { time })).toBe('Dr Lee does not work that day');
  });
});
