import type { CalendarDate } from '../../core/model';
import { addDays } from '../dates/calendar-dates';
import { printCurrentView } from '../desktop/desktop-bridge';
import { usePatientFinder } from '../patient-finder/patient-finder-store';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { slotSizes, useDayView } from './day-view-store';
import type { SlotMinutes } from './day-view-store';
import { useCallDown } from '../confirmations/call-down-store';
import { useOpeningsPanel } from '../openings/openings-store';
import { keyFor } from '../shortcuts/desk-shortcut';
import { useWaitingCount } from '../waitlist/useWaitlist';
import { useWaitlistDesk } from '../waitlist/waitlist-store';

/** Props of {@link DayToolbar}. */
export interface DayToolbarProps {
  date: CalendarDate;
  today: CalendarDate;
  format: ClinicFormat;
  count: number | undefined;
  onNew(): void;
  /** Days the previous/next buttons move: 1, or 7 on the week view. */
  step: number;
  /** Previous/next on the month view: a month each (replaces `step`). */
  shiftMonth?: (months: number) => void;
  /** Resources the week view can show, and the one it shows. */
  resources: readonly { id: string; name: string }[];
  weekResourceId: string | null;
  /** The heading: the date, or the week's range. */
  title: string;
}

const hourOptions = Array.from({ length: 25 }, (_, hour) => hour * 60);

/**
 * Date navigation (previous, today, next, a date picker) and the sheet's
 * settings: sheet, agenda or one resource's week; provider or room columns,
 * slot size, shown hours, cancelled bookings on or off. Also "Print" and
 * "New appointment" (N).
 *
 * @example <DayToolbar date="2026-11-25" today="2026-11-25" format={format} count={12} onNew={openDialog} step={1} resources={[]} weekResourceId={null} title="Wednesday, November 25, 2026" />
 */
export function DayToolbar({ date, today, format, count, onNew, step, shiftMonth, resources, weekResourceId, title }: DayToolbarProps) {
  const view = useDayView();
  const previousLabel = shiftMonth ? text.month.previousMonth : step === 7 ? text.dayView.previousWeek : text.dayView.previousDay;
  const nextLabel = shiftMonth ? text.month.nextMonth : step === 7 ? text.dayView.nextWeek : text.dayView.nextDay;
  const shift = (direction: -1 | 1) => (shiftMonth ? shiftMonth(direction) : view.setDate(addDays(date, direction * step)));
  const openFinder = usePatientFinder((state) => state.open);
  return (
    <div className="toolbar" role="toolbar" aria-label={text.dayView.title}>
      <div className="toolbar-group">
        <button type="button" onClick={() => shift(-1)} aria-label={previousLabel} title={`${previousLabel} (${shiftMonth ? text.month.keyNames.PageUp : '←'})`}>
          ‹
        </button>
        <button type="button" onClick={() => view.setDate(null)} aria-pressed={date === today} title={`${text.dayView.today} (T)`}>
          {text.dayView.today}
        </button>
        <button type="button" onClick={() => shift(1)} aria-label={nextLabel} title={`${nextLabel} (${shiftMonth ? text.month.keyNames.PageDown : '→'})`}>
          ›
        </button>
        <label className="sr-only" htmlFor="day-date">
          {text.dayView.date}
        </label>
        <input id="day-date" type="date" value={date} onChange={(event) => event.target.value && view.setDate(event.target.value)} />
        <h1 className="day-title" data-testid="day-title">
          {title}
        </h1>
        {count !== undefined ? <span className="day-count">{text.dayView.count(count)}</span> : null}
      </div>
      <div className="toolbar-group">
        <label>
          {text.dayView.layout}{' '}
          <select value={view.layout} onChange={(event) => view.setPreferences({ layout: event.target.value as 'grid' | 'agenda' | 'week' | 'month' })}>
            <option value="grid">{text.dayView.grid}</option>
            <option value="agenda">{text.dayView.agenda}</option>
            <option value="week">{text.dayView.week}</option>
            <option value="month">{text.month.layout}</option>
          </select>
        </label>
        {view.layout === 'week' || view.layout === 'month' ? (
          <label>
            {view.layout === 'month' ? text.month.of : text.dayView.weekOf}{' '}
            <select value={weekResourceId ?? ''} onChange={(event) => view.setPreferences({ weekResourceId: event.target.value })}>
              {resources.map((resource) => (
                <option key={resource.id} value={resource.id}>
                  {resource.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {view.layout !== 'agenda' && view.layout !== 'month' ? (
          <>
            {view.layout === 'grid' ? (
            <label>
              {text.dayView.columns}{' '}
              <select value={view.kind} onChange={(event) => view.setPreferences({ kind: event.target.value as 'provider' | 'room' })}>
                <option value="provider">{text.resourceKinds.provider.many}</option>
                <option value="room">{text.resourceKinds.room.many}</option>
              </select>
            </label>
            ) : null}
            <label>
              {text.dayView.slotSize}{' '}
              <select value={view.slotMinutes} onChange={(event) => view.setPreferences({ slotMinutes: Number(event.target.value) as SlotMinutes })}>
                {slotSizes.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {text.dayView.slotMinutes(minutes)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {text.dayView.dayStart}{' '}
              <select value={view.dayStartMinute} onChange={(event) => view.setPreferences({ dayStartMinute: Math.min(Number(event.target.value), view.dayEndMinute - 60) })}>
                {hourOptions.slice(0, -1).map((minute) => (
                  <option key={minute} value={minute}>
                    {format.wallTime(minute)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {text.dayView.dayEnd}{' '}
              <select value={view.dayEndMinute} onChange={(event) => view.setPreferences({ dayEndMinute: Math.max(Number(event.target.value), view.dayStartMinute + 60) })}>
                {hourOptions.slice(1).map((minute) => (
                  <option key={minute} value={minute}>
                    {minute === 1440 ? '24:00' : format.wallTime(minute)}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
        {/* The month counts what holds time; a cancelled visit never does, so there is nothing to show. */}
        {view.layout !== 'month' ? (
          <label className="checkbox">
            <input type="checkbox" checked={view.showCancelled} onChange={(event) => view.setPreferences({ showCancelled: event.target.checked })} /> {text.dayView.showCancelled}
          </label>
        ) : null}
        <CallDownButton />
        <FindOpeningButton />
        <WaitlistButton />
        <button type="button" onClick={openFinder} title={`${text.finder.title} (/)`}>
          {text.finder.title}
        </button>
        <button type="button" onClick={() => void printCurrentView()}>
          {text.dayView.print}
        </button>
        <button type="button" className="primary" onClick={onNew} title={`${text.dayView.newAppointment} (N)`}>
          {text.dayView.newAppointment}
        </button>
      </div>
    </div>
  );
}

/** A toolbar button that shows or hides a panel beside the sheet, with its key in the title. */
function PanelToggle({ open, toggle, label, keyName }: { open: boolean; toggle(): void; label: string; keyName: string | undefined }) {
  return (
    <button type="button" onClick={toggle} aria-pressed={open} title={keyName ? `${label} (${keyName})` : label}>
      {label}
    </button>
  );
}

/** Shows or hides the *To confirm* list (L). */
function CallDownButton() {
  const { open, toggle } = useCallDown();
  return <PanelToggle open={open} toggle={toggle} label={text.confirmation.listButton} keyName={keyFor('call-down')} />;
}

/** Shows or hides *Find an opening* (S). */
function FindOpeningButton() {
  const { open, toggle } = useOpeningsPanel();
  return <PanelToggle open={open} toggle={toggle} label={text.openings.button} keyName={keyFor('find-opening')} />;
}

/** Shows or hides the waitlist (W), with the count of waiting patients. */
function WaitlistButton() {
  const { open, toggle } = useWaitlistDesk();
  const waiting = useWaitingCount();
  return <PanelToggle open={open} toggle={toggle} label={text.waitlist.button(waiting)} keyName={keyFor('waitlist')} />;
}
