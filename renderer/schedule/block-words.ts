import type { CalendarDate, ScheduleBlock } from '../../core/model';
import { describeRule } from '../../core/recurrence';
import { blockName } from '../../core/schedule';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { addDays } from '../dates/calendar-dates';

const minutesOf = (wall: string) => Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16));

/**
 * A block in words, as Administration → Schedules lists it: when it repeats
 * (core/recurrence's summary, the appointment dialog's words), the times on
 * the resource's clock, from when (a repeat that starts after `today`), and
 * what it is called — "Every 2 weeks on Mon, 09:00–13:00, from Jan 4, 2027",
 * "Dec 24, 2026, 09:00–12:00 — Christmas Eve", "Dec 28, 2026 – Jan 3, 2027,
 * all day — Annual leave".
 *
 * @example describeBlock(block, format, '2026-12-01') // 'Every weekday (Mon–Fri), 9:00 AM–5:00 PM'
 */
export function describeBlock(block: ScheduleBlock, format: ClinicFormat, today: CalendarDate): string {
  const words = text.schedule;
  const date = block.wallStart.slice(0, 10);
  const endDate = block.wallEnd?.slice(0, 10) ?? date;
  const wholeDays = block.wallEnd !== null && block.wallStart.endsWith('T00:00:00') && block.wallEnd.endsWith('T00:00:00') && endDate > date;
  const when = block.rrule === undefined ? (wholeDays && addDays(endDate, -1) !== date ? `${format.mediumDate(date)} – ${format.mediumDate(addDays(endDate, -1))}` : format.mediumDate(date)) : describeRule(block.rrule, { dtstart: block.wallStart, tzid: block.timeZone }, text.recurrence);
  const time =
    block.wallEnd === null
      ? words.dayOff
      : wholeDays
        ? block.rrule === undefined
          ? words.allDay
          : words.days(Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000))
        : `${format.wallTime(minutesOf(block.wallStart))}–${format.wallTime(minutesOf(block.wallEnd))}${endDate > date ? ` ${words.nextDay}` : ''}`;
  const from = block.rrule !== undefined && date > today ? words.from(format.mediumDate(date)) : '';
  const name = blockName(block);
  const force = block.kind === 'blockout' ? (block.enforcement === 'hard' ? words.hardNote : words.softNote) : '';
  return `${[when, time, from].filter(Boolean).join(', ')}${name ? ` — ${name}` : ''}${force ? ` (${force})` : ''}`;
}
