import { describe, expect, it } from 'vitest';
import { blockFromWeeklyRule, endBlockAfter, leaveOverOverrides, parseScheduleBlock } from './index';
import { blockFromDraft } from './block-draft';
import { availability } from './availability';
import { block } from './schedule.fixture';
import { textLimits } from '../model';

const base = { id: 'b1', resourceId: 'dr-lee', timeZone: 'Europe/London', exdates: [], version: 0, createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z' };
const working = { ...base, kind: 'working', wallStart: '2027-01-04T09:00', wallEnd: '2027-01-04T13:00' };

describe('parseScheduleBlock: bad input names the field', () => {
  it.each([
    ['an end before the start', { ...working, wallEnd: '2027-01-04T08:00' }, 'end-not-after-start', 'wallEnd'],
    ['zero length', { ...working, wallEnd: '2027-01-04T09:00' }, 'zero-length', 'wallEnd'],
    ['a shift over 24 hours', { ...working, wallEnd: '2027-01-05T09:30' }, 'block-too-long', 'wallEnd'],
    ['an unknown zone', { ...working, timeZone: 'Mars/Olympus' }, 'unknown-zone', 'timeZone'],
    ['an impossible date', { ...working, wallStart: '2027-02-30T09:00' }, 'invalid-date', 'wallStart'],
    ['a rule the engine rejects', { ...working, rrule: 'FREQ=WEEKLY;BYDAY=XX' }, 'invalid-rrule', 'rrule'],
    ['a rule ending before it starts', { ...working, rrule: 'FREQ=WEEKLY;UNTIL=20260101' }, 'until-before-start', 'rrule'],
    ['COUNT and UNTIL together', { ...working, rrule: 'FREQ=DAILY;COUNT=2;UNTIL=20270201' }, 'conflicting-end', 'rrule'],
    ['skipped dates on a block that happens once', { ...working, exdates: ['2027-01-11T09:00'] }, 'invalid-format', 'exdates'],
    ['a repeat with no end on leave', { ...base, kind: 'leave', reason: 'Sabbatical', wallStart: '2027-01-08T00:00', wallEnd: '2027-01-09T00:00', rrule: 'FREQ=WEEKLY' }, 'end-required', 'rrule'],
    ['leave without a reason', { ...base, kind: 'leave', wallStart: '2027-01-08T00:00', wallEnd: '2027-01-09T00:00' }, 'required', 'reason'],
    ['a blockout without its type', { ...base, kind: 'blockout', enforcement: 'hard', wallStart: '2027-01-12T13:00', wallEnd: '2027-01-12T14:00' }, 'required', 'blockoutType'],
    ['a blockout neither hard nor soft', { ...base, kind: 'blockout', blockoutType: 'Staff meeting', enforcement: 'maybe', wallStart: '2027-01-12T13:00', wallEnd: '2027-01-12T14:00' }, 'invalid-format', 'enforcement'],
    ['a day off not starting at midnight', { ...base, kind: 'override', wallStart: '2027-12-24T09:00', wallEnd: null }, 'invalid-time', 'wallStart'],
    ['no end on a working block', { ...working, wallEnd: null }, 'required', 'wallEnd'],
    ['an unknown kind', { ...working, kind: 'holiday' }, 'invalid-format', 'kind'],
    // The form shows a count instead of cutting the text off at maxLength, so the engine is where a long text is refused.
    ['a label one past its limit', { ...working, label: 'x'.repeat(textLimits.blockLabel + 1) }, 'too-long', 'label'],
    ['a leave reason one past its limit', { ...base, kind: 'leave', reason: 'x'.repeat(textLimits.leaveReason + 1), wallStart: '2027-01-08T00:00', wallEnd: '2027-01-09T00:00' }, 'too-long', 'reason'],
    ['a blockout type one past its limit', { ...base, kind: 'blockout', blockoutType: 'x'.repeat(textLimits.blockoutType + 1), enforcement: 'hard', wallStart: '2027-01-12T13:00', wallEnd: '2027-01-12T14:00' }, 'too-long', 'blockoutType'],
  ])('refuses %s', (_what, input, code, field) => {
    expect(() => parseScheduleBlock(input)).toThrow(expect.objectContaining({ code, field }));
  });

  it('accepts a repeating leave with an end, an every-other-week shift and a day off', () => {
    expect(parseScheduleBlock({ ...base, kind: 'leave', reason: 'Physio', wallStart: '2027-01-08T14:00', wallEnd: '2027-01-08T16:00', rrule: 'FREQ=WEEKLY;COUNT=6' })).toMatchObject({ kind: 'leave', wallStart: '2027-01-08T14:00:00' });
    expect(parseScheduleBlock({ ...working, rrule: 'freq=weekly;interval=2;byday=mo' }).rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO');
    expect(parseScheduleBlock({ ...base, kind: 'override', wallStart: '2027-12-24T00:00', wallEnd: null }).wallEnd).toBeNull();
  });

  it('a draft refuses fields of another kind instead of dropping them', () => {
    const draft = { resourceId: 'dr-lee', kind: 'working' as const, wallStart: '2027-01-04T09:00', wallEnd: '2027-01-04T13:00', reason: 'Why?' };
    expect(() => blockFromDraft(draft, { timeZone: 'Europe/London', at: base.createdAt, newId: 'n1' })).toThrow(expect.objectContaining({ code: 'invalid-format', field: 'reason' }));
    const { reason: _reason, ...clean } = draft;
    expect(blockFromDraft(clean, { timeZone: 'Europe/London', at: base.createdAt, newId: 'n1' })).toMatchObject({ id: 'n1', timeZone: 'Europe/London', version: 0 });
  });
});

describe('the weekday-rule upgrade', () => {
  it('turns each v3 rule into a weekly block with the same id and the same hours on every date', () => {
    const rules = [
      { id: 'av-mon', resourceId: 'dr-lee', weekday: 1, start: '09:00', end: '17:00', kind: 'working' as const },
      { id: 'av-mon-lunch', resourceId: 'dr-lee', weekday: 1, start: '12:00', end: '13:00', kind: 'break' as const },
      { id: 'av-sun', resourceId: 'dr-lee', weekday: 7, start: '18:00', end: '24:00', kind: 'working' as const },
    ];
    const blocks = rules.map((rule) => parseScheduleBlock(blockFromWeeklyRule(rule, 'America/New_York', '2026-12-01T09:00:00.000Z')));
    expect(blocks.map((item) => [item.id, item.wallStart, item.wallEnd, item.rrule])).toEqual([
      ['av-mon', '2000-01-03T09:00:00', '2000-01-03T17:00:00', 'FREQ=WEEKLY;BYDAY=MO'],
      ['av-mon-lunch', '2000-01-03T12:00:00', '2000-01-03T13:00:00', 'FREQ=WEEKLY;BYDAY=MO'],
      ['av-sun', '2000-01-09T18:00:00', '2000-01-10T00:00:00', 'FREQ=WEEKLY;BYDAY=SU'],
    ]);
    // Monday 9 March 2026 (the day after New York springs forward) and a Sunday evening, decades on.
    const week = availability(blocks, [], { from: '2026-03-08T00:00:00-05:00', to: '2026-03-10T00:00:00-04:00', clinicTimeZone: 'America/New_York' });
    expect(week.map((span) => [span.start, span.end])).toEqual([
      ['2026-03-08T22:00:00.000Z', '2026-03-09T04:00:00.000Z'],
      ['2026-03-09T13:00:00.000Z', '2026-03-09T16:00:00.000Z'],
      ['2026-03-09T17:00:00.000Z', '2026-03-09T21:00:00.000Z'],
    ]);
  });
});

describe('ending a block and leave over an override', () => {
  it('ends a repeat after a day, removes it before its first, and refuses an end that would extend it', () => {
    const mondays = block({ id: 'm', kind: 'working', wallStart: '2027-01-04T09:00', wallEnd: '2027-01-04T13:00', rrule: 'FREQ=WEEKLY;COUNT=10' });
    expect(endBlockAfter(mondays, '2027-01-25', '2027-01-20T00:00:00.000Z')).toMatchObject({ kind: 'ended', block: { rrule: 'FREQ=WEEKLY;UNTIL=20270125', version: 1 } });
    expect(endBlockAfter(mondays, '2027-01-03', '2027-01-20T00:00:00.000Z')).toEqual({ kind: 'removed' });
    expect(() => endBlockAfter(mondays, '2027-06-01', '2027-01-20T00:00:00.000Z')).toThrow(expect.objectContaining({ code: 'nothing-to-cancel', field: 'lastDate' }));
    expect(() => endBlockAfter({ ...mondays, rrule: undefined } as never, '2027-01-25', '2027-01-20T00:00:00.000Z')).toThrow(expect.objectContaining({ field: 'id' }));
  });

  it('finds the days where leave wins over an override', () => {
    const eve = block({ id: 'eve', kind: 'override', wallStart: '2027-12-24T09:00', wallEnd: '2027-12-24T12:00' });
    const leave = block({ id: 'lv', kind: 'leave', reason: 'Annual leave', wallStart: '2027-12-23T00:00', wallEnd: '2027-12-28T00:00' });
    const other = { ...leave, id: 'lv2', resourceId: 'dr-patel' };
    expect(leaveOverOverrides([eve, leave, other], Date.parse('2027-12-01T00:00:00Z'), Date.parse('2028-01-01T00:00:00Z'))).toEqual([
      { resourceId: 'dr-lee', day: '2027-12-24', overrideId: 'eve', leaveId: 'lv' },
    ]);
  });
});
