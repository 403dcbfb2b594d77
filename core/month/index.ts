/**
 * The month view's engine: which dates a month grid shows (whole weeks from
 * the clinic locale's first day), moving by months, and each day's figures
 * for one provider or room from core/reports' utilisation. Pure; core/queries'
 * `readMonth` reads the records once for the whole grid. This file is the
 * folder's only public entry (README.md).
 */
export { monthGridDates, nextMonth, shiftMonth, lastDateOf, weekStartOf, parseCalendarMonth } from './month-grid';
export type { CalendarMonth } from './month-grid';
export { monthDays, monthGridRange } from './month-days';
export type { MonthDay, MonthRecords } from './month-days';
