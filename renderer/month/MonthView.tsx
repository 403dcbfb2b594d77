import { useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { CalendarDate } from '../../core/model';
import { clinicFormat, text } from '../i18n';
import { dayFacts, hoursFormat } from './day-facts';
import { deskShortcut } from '../shortcuts/desk-shortcut';
import type { DeskShortcut } from '../shortcuts/desk-shortcut';
import { useMonthDays } from './useMonthDays';
import './month.css';

/** Props of {@link MonthView}. */
export interface MonthViewProps {
  resource: { id: string; name: string } | null;
  /** The chosen day; its month is shown. */
  date: CalendarDate;
  today: CalendarDate;
  /** The clinic locale's first day of the week, ISO 1–7. */
  weekStart: number;
  locale: string;
  timeZone: string;
  /** A click on a day chooses it. */
  onChooseDate(date: CalendarDate): void;
  /** A double click: the day sheet of that day (Enter goes through the desk's key table). */
  onOpenDay(date: CalendarDate): void;
}

/** The desk keys that move the chosen day; after one, focus follows the day (into the next month once it has loaded). */
const movingKinds: ReadonlySet<DeskShortcut['kind']> = new Set(['previous-day', 'next-day', 'previous-week', 'next-week', 'previous-month', 'next-month', 'today']);

function weeksOf<T>(days: readonly T[]): T[][] {
  const rows: T[][] = [];
  for (let index = 0; index < days.length; index += 7) rows.push(days.slice(index, index + 7));
  return rows;
}

/**
 * One provider's or room's month as a date grid, weeks starting on the
 * clinic locale's first day: each day's visits booked and free time (from
 * the availability the desk books against, the utilisation report's
 * figures), closures and leave named, today marked. The keys are the
 * desk's (renderer/shortcuts/desk-shortcut.ts): ← / → a day, ↑ / ↓ a week,
 * Page Up / Page Down a month, Enter opens the day; the grid only moves
 * focus to the day they chose.
 *
 * @example <MonthView resource={{ id: 'dr-lee', name: 'Dr Lee' }} date="2027-03-14" today="2027-03-14" weekStart={1} locale="en-GB" timeZone="Europe/London" onChooseDate={setDate} onOpenDay={openDay} />
 */
export function MonthView({ resource, date, today, weekStart, locale, timeZone, onChooseDate, onOpenDay }: MonthViewProps) {
  const words = text.month;
  const month = date.slice(0, 7);
  const days = useMonthDays(resource?.id ?? null, month, weekStart, timeZone);
  const format = clinicFormat(locale, timeZone);
  const hours = useMemo(() => hoursFormat(locale), [locale]);
  const grid = useRef<HTMLTableElement>(null);
  const followFocus = useRef(false);
  const ready = days.status === 'ready' ? days.value : null;

  useEffect(() => {
    if (!followFocus.current) return;
    const cell = grid.current?.querySelector<HTMLElement>(`[data-date="${date}"]`);
    if (cell) {
      cell.focus();
      followFocus.current = false;
    }
  }, [date, ready]);

  if (!resource) return <p className="app-message">{words.noResource}</p>;
  if (days.status === 'loading') return <p className="app-message" role="status">{words.loading}</p>;
  if (days.status === 'failed' || !ready) return <p className="app-message" role="alert">{words.failed}</p>;

  // Runs before the desk's window listener acts on the same key press: it only notes that focus should follow.
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const shortcut = deskShortcut(event);
    if (shortcut && movingKinds.has(shortcut.kind)) followFocus.current = true;
  };
  return (
    <div className="month-view">
      <table ref={grid} role="grid" className="month-grid" aria-label={words.gridLabel(resource.name, format.monthYear(date))} aria-describedby="month-keys" onKeyDown={onKeyDown} data-testid="month-grid">
        <thead>
          <tr>
            {ready.slice(0, 7).map((day) => (
              <th key={day.date} scope="col" abbr={format.longWeekday(day.date)}>
                {format.weekday(day.date)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(ready).map((week) => (
            <tr key={week[0]?.date}>
              {week.map((day) => {
                const facts = dayFacts(day, today, locale, hours);
                const classes = ['month-day', day.inMonth ? '' : 'month-day-outside', day.date === today ? 'month-day-today' : '', day.closed !== undefined ? 'month-day-closed' : '', day.leave.length > 0 ? 'month-day-leave' : '', day.availableMinutes === 0 ? 'month-day-no-hours' : ''].filter(Boolean).join(' ');
                return (
                  <td
                    key={day.date}
                    role="gridcell"
                    className={classes}
                    data-date={day.date}
                    tabIndex={day.date === date ? 0 : -1}
                    aria-selected={day.date === date}
                    aria-current={day.date === today ? 'date' : undefined}
                    aria-label={words.dayLabel(format.longDate(day.date), facts.join(', '))}
                    onClick={() => onChooseDate(day.date)}
                    onDoubleClick={() => onOpenDay(day.date)}
                  >
                    <span className="month-day-number" aria-hidden="true">
                      {format.dayOfMonth(day.date)}
                    </span>
                    <span className="month-day-facts" aria-hidden="true">
                      {facts.map((fact) => (
                        <span key={fact}>{fact}</span>
                      ))}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p id="month-keys" className="month-keys">
        {words.keys}
      </p>
    </div>
  );
}
