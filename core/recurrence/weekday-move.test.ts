import { describe, expect, it } from 'vitest';
import { localMsToWallTime, parseWallTime, wallPartsToLocalMs } from '../time';
import { expandRule } from './expand';
import { moveWeeklyRule, weekdayMoveBlocker, weekdaysFollowTheStart } from './weekday-move';

const wallMs = (wall: string) => wallPartsToLocalMs(parseWallTime(wall, 'wall'));
const weekday = (wall: string) => new Date(wallMs(wall)).getUTCDay();
const sunday = 0;
const monday = 1;
const wednesday = 3;
const thursday = 4;

/** The rule's wall times from `from`, and the moved rule's from `to`, with the originals moved by the same wall-clock amount. */
function bothWays(rrule: string, from: string, to: string, tzid: string) {
  const moved = moveWeeklyRule(rrule, { from, to, tzid });
  const shift = wallMs(to) - wallMs(from);
  const original = expandRule({ dtstart: from, tzid, rrule }, { limit: 60, to: '2030-01-01T00:00:00Z' }).map((occurrence) => localMsToWallTime(wallMs(occurrence.local) + shift));
  const after = expandRule({ dtstart: to, tzid, rrule: moved }, { limit: 60, to: '2030-01-01T00:00:00Z' }).map((occurrence) => occurrence.local);
  return { moved, original, after };
}

describe('moveWeeklyRule', () => {
  it('moves every weekday by the same days: Mon and Thu two days later are Wed and Sat (New York, across the 8 March 2026 spring-forward)', () => {
    const { moved, original, after } = bothWays('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10', '2026-03-02T09:00', '2026-03-04T09:00', 'America/New_York');
    expect(moved).toBe('FREQ=WEEKLY;BYDAY=WE,SA;COUNT=10');
    expect(after).toEqual(original);
    expect(after).toHaveLength(10);
    // The clock time stays 09:00 on both sides of the change (the instants are an hour apart in UTC).
    expect(after.every((wall) => wall.endsWith('T09:00:00'))).toBe(true);
    expect(after.slice(0, 4)).toEqual(['2026-03-04T09:00:00', '2026-03-07T09:00:00', '2026-03-11T09:00:00', '2026-03-14T09:00:00']);
  });

  it('moves a Mon/Wed/Fri rule one day later to Tue/Thu/Sat, and one day earlier to Tue/Thu/Sun (listed Monday first)', () => {
    const later = bothWays('FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=9', '2026-10-26T08:30', '2026-10-27T08:30', 'America/New_York');
    expect(later.moved).toBe('FREQ=WEEKLY;BYDAY=TU,TH,SA;COUNT=9');
    expect(later.after).toEqual(later.original);
    const earlier = bothWays('FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=9', '2026-10-26T08:30', '2026-10-25T08:30', 'America/New_York');
    expect(earlier.moved).toBe('FREQ=WEEKLY;BYDAY=TU,TH,SU;COUNT=9');
    expect(earlier.after).toEqual(earlier.original);
  });

  it('keeps an every-other-week rule on the same weeks when some days cross the week’s end (WKST moves with them)', () => {
    // Mon and Fri, three days later: Thu, and the Monday of the NEXT week. With weeks still starting on Monday the
    // fortnight would put that Monday a week late; starting them on Thursday keeps each pair together.
    const crossing = bothWays('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=8', '2026-11-02T10:00', '2026-11-05T10:00', 'America/New_York');
    expect(crossing.moved).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=8;WKST=TH');
    expect(crossing.after).toEqual(crossing.original);
    // Mon and Wed one day later stay inside their week: the rule keeps its (default) week start and reads back in the dialog.
    const inside = bothWays('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;WKST=MO;COUNT=8', '2026-11-02T10:00', '2026-11-03T10:00', 'America/New_York');
    expect(inside.moved).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=MO;COUNT=8');
    expect(inside.after).toEqual(inside.original);
  });

  it('moves a date UNTIL by the same days, so the last visit still ends the series', () => {
    const { moved, original, after } = bothWays('FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330', '2026-03-02T09:00', '2026-03-04T09:00', 'America/New_York');
    expect(moved).toBe('FREQ=WEEKLY;BYDAY=WE;UNTIL=20260401');
    expect(after).toEqual(original);
    expect(after.at(-1)).toBe('2026-04-01T09:00:00');
  });

  it('moves a local date-time UNTIL by the whole wall-clock amount (a day and an hour later still ends after the last visit)', () => {
    const { moved, original, after } = bothWays('FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316T093000', '2026-03-02T09:00', '2026-03-03T10:00', 'America/New_York');
    expect(moved).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260317T103000');
    expect(after).toEqual(original);
    expect(after).toHaveLength(3);
  });

  it('moves a UTC UNTIL (what "this and following" writes) on the series’ clock across a clock change, not by elapsed hours', () => {
    // Fridays from 27 Feb; UNTIL = 6 Mar 09:59:59 EST. Three days later is Monday 9 Mar, after the spring-forward:
    // 09:59:59 EDT is 13:59:59Z (72 elapsed hours would say 14:59:59Z, 10:59:59 on the clock).
    const { moved, original, after } = bothWays('FREQ=WEEKLY;UNTIL=20260306T145959Z', '2026-02-27T09:00', '2026-03-02T09:00', 'America/New_York');
    expect(moved).toBe('FREQ=WEEKLY;UNTIL=20260309T135959Z');
    expect(after).toEqual(original);
    expect(after).toEqual(['2026-03-02T09:00:00', '2026-03-09T09:00:00']);
  });

  it('Sydney, DST starts 4 October 2026: Sundays at 02:30 moved to Mondays are 02:30 every week (the Sunday of the gap was 03:30)', () => {
    const rule = 'FREQ=WEEKLY;BYDAY=SU;COUNT=3';
    const before = expandRule({ dtstart: '2026-09-27T02:30', tzid: 'Australia/Sydney', rrule: rule }).map((occurrence) => occurrence.local);
    expect(before).toEqual(['2026-09-27T02:30:00', '2026-10-04T03:30:00', '2026-10-11T02:30:00']);
    const moved = moveWeeklyRule(rule, { from: '2026-09-27T02:30', to: '2026-09-28T02:30', tzid: 'Australia/Sydney' });
    expect(moved).toBe('FREQ=WEEKLY;BYDAY=MO;COUNT=3');
    const after = expandRule({ dtstart: '2026-09-28T02:30', tzid: 'Australia/Sydney', rrule: moved }).map((occurrence) => occurrence.local);
    expect(after).toEqual(['2026-09-28T02:30:00', '2026-10-05T02:30:00', '2026-10-12T02:30:00']);
    expect(after.every((wall) => weekday(wall) === monday)).toBe(true);
  });

  it('Sydney, DST ends 5 April 2026: Tue/Thu at 09:00 moved a day earlier are Mon/Wed at 09:00, UNTIL in UTC kept on the clock', () => {
    // UNTIL = Thu 9 Apr 09:00 AEST (23:00Z on the 8th); a day earlier on the clock is Wed 8 Apr 09:00 AEST = 23:00Z on the 7th.
    const { moved, original, after } = bothWays('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260408T230000Z', '2026-03-31T09:00', '2026-03-30T09:00', 'Australia/Sydney');
    expect(moved).toBe('FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260407T230000Z');
    expect(after).toEqual(original);
    expect(after).toEqual(['2026-03-30T09:00:00', '2026-04-01T09:00:00', '2026-04-06T09:00:00', '2026-04-08T09:00:00']);
    expect(after.map(weekday)).toEqual([monday, wednesday, monday, wednesday]);
  });

  it('a rule without BYDAY follows its start alone; a move to the same weekday a week later keeps the days', () => {
    expect(moveWeeklyRule('freq=weekly;count=4', { from: '2026-03-02T09:00', to: '2026-03-05T09:00', tzid: 'America/New_York' })).toBe('FREQ=WEEKLY;COUNT=4');
    expect(moveWeeklyRule('RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=4', { from: '2026-03-05T09:00', to: '2026-03-12T09:00', tzid: 'America/New_York' })).toBe('FREQ=WEEKLY;BYDAY=TH;COUNT=4');
    expect(weekday('2026-03-12T09:00')).toBe(thursday);
  });

  it('refuses a rule it cannot move (a bug in the caller) and a rule that is not valid', () => {
    expect(() => moveWeeklyRule('FREQ=MONTHLY;BYMONTHDAY=3', { from: '2026-03-03T09:00', to: '2026-03-04T09:00', tzid: 'America/New_York' })).toThrow(/cannot move/);
    expect(() => moveWeeklyRule('FREQ=WEEKLY;BYDAY=XX', { from: '2026-03-03T09:00', to: '2026-03-04T09:00', tzid: 'America/New_York' })).toThrow(/BYDAY/);
  });
});

describe('weekdayMoveBlocker', () => {
  it('lets a plain weekly rule move and says why the others cannot', () => {
    expect(weekdayMoveBlocker('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20261231')).toBeNull();
    expect(weekdayMoveBlocker('FREQ=WEEKLY;WKST=SU;COUNT=3')).toBeNull();
    expect(weekdayMoveBlocker('FREQ=MONTHLY;BYDAY=-1FR')).toBe('month-or-year-dates');
    expect(weekdayMoveBlocker('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3')).toBe('month-or-year-dates');
    expect(weekdayMoveBlocker('FREQ=DAILY')).toBe('rule-parts');
    expect(weekdayMoveBlocker('FREQ=WEEKLY;BYMONTH=1,2;BYDAY=MO')).toBe('rule-parts');
    expect(weekdayMoveBlocker('FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,15')).toBe('rule-parts');
  });
});

describe('weekdaysFollowTheStart', () => {
  const series = { dtstart: '2026-03-02T09:00:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=8' };

  it('moves the weekly rule with a start on another date', () => {
    expect(weekdaysFollowTheStart(series, { dtstart: '2026-03-04T10:00', notes: 'Fasting' })).toEqual({ dtstart: '2026-03-04T10:00', notes: 'Fasting', rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=8' });
    expect(weekday('2026-03-04T10:00')).toBe(wednesday);
    expect(weekdaysFollowTheStart({ ...series, rrule: 'FREQ=WEEKLY;BYDAY=MO,SU;COUNT=8' }, { dtstart: '2026-03-01T09:00' }).rrule).toBe('FREQ=WEEKLY;BYDAY=SA,SU;COUNT=8');
    expect(weekday('2026-03-01T09:00')).toBe(sunday);
  });

  it('leaves the change as it is for the same date, a rule of its own, or a rule that keeps its dates', () => {
    expect(weekdaysFollowTheStart(series, { dtstart: '2026-03-02T10:00' })).toEqual({ dtstart: '2026-03-02T10:00' });
    expect(weekdaysFollowTheStart(series, { dtstart: '2026-03-04T09:00', rrule: 'FREQ=WEEKLY;BYDAY=FR' })).toEqual({ dtstart: '2026-03-04T09:00', rrule: 'FREQ=WEEKLY;BYDAY=FR' });
    expect(weekdaysFollowTheStart(series, { durationMinutes: 45 })).toEqual({ durationMinutes: 45 });
    expect(weekdaysFollowTheStart({ ...series, rrule: 'FREQ=MONTHLY;BYMONTHDAY=2' }, { dtstart: '2026-03-04T09:00' })).toEqual({ dtstart: '2026-03-04T09:00' });
  });
});
