import { useMemo } from 'react';
import { useAppointmentDialog } from '../appointment-dialog/appointment-dialog-store';
import { canEdit, editDraftFor } from '../appointment-dialog/edit-draft';
import { useNow } from '../app/useNow';
import { useClinic } from '../data/useClinic';
import type { DayItem } from '../data/day-sheet';
import { useDaySheet } from '../data/useDaySheet';
import { useResources } from '../data/useResources';
import { useWeekSheets } from '../data/useWeekSheets';
import { addDays, firstDayOfWeek, startOfWeek, todayIn, wallMinutesOn } from '../dates/calendar-dates';
import { clinicFormat, text } from '../i18n';
import { MonthView } from '../month/MonthView';
import { shiftMonth } from '../../core/month';
import { useNotices } from '../notices/notice-store';
import { PatientFinder } from '../patient-finder/PatientFinder';
import { usePatientFinder } from '../patient-finder/patient-finder-store';
import { useDeskShortcuts } from '../shortcuts/useDeskShortcuts';
import { ClinicClockNote } from '../zone-locale/ClinicClockNote';
import { AgendaList } from './AgendaList';
import { CancelDialog } from './CancelDialog';
import { buildDayGrid, buildWeekGrid } from './day-columns';
import type { DayColumn } from './day-columns';
import { useDayView } from './day-view-store';
import { DayGrid } from './DayGrid';
import { DayToolbar } from './DayToolbar';
import { useOccurrenceMove } from './occurrence-move-store';
import { OccurrenceMoveDialog } from './OccurrenceMoveDialog';
import { defaultDraftMinute } from './default-draft';
import { SelectionPanel } from './SelectionPanel';
import { useMoveAppointment } from './useMoveAppointment';
import { useStatusChange } from './useStatusChange';
import { CallDownPanel } from '../confirmations/CallDownPanel';
import { useCallDown } from '../confirmations/call-down-store';
import { useCallDownList } from '../confirmations/useCallDownList';
import { useConfirmation } from '../confirmations/useConfirmation';
import { OpeningsPanel } from '../openings/OpeningsPanel';
import { useOpeningsPanel } from '../openings/openings-store';
import { FreedSlotNotice } from '../waitlist/FreedSlotNotice';
import { WaitlistPanel } from '../waitlist/WaitlistPanel';
import { useWaitlistDesk } from '../waitlist/waitlist-store';

const defaultLengthMinutes = 30;

/**
 * The day sheet: toolbar, the grid of provider (or room) columns (or the
 * agenda list) for the chosen date on the clinic's clock, and the selected
 * booking's panel.
 * Bookings come from the live day query, so a saved change shows at once.
 *
 * @example <DayView />
 */
export function DayView() {
  const clinic = useClinic();
  const view = useDayView();
  const now = useNow();
  const today = todayIn(clinic.timeZone, now);
  const date = view.date ?? today;
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const sheet = useDaySheet(date, clinic.timeZone);
  const resources = useResources();
  const weekStart = startOfWeek(date, firstDayOfWeek(clinic.locale));
  const week = useWeekSheets(view.layout === 'week' ? weekStart : null, clinic.timeZone);
  const bookable = sheet.status === 'ready' ? sheet.value.resources.filter((resource) => resource.kind !== 'equipment').sort((left, right) => left.kind.localeCompare(right.kind) || left.name.localeCompare(right.name)) : [];
  const weekResourceId = bookable.some((resource) => resource.id === view.weekResourceId) ? view.weekResourceId : (bookable[0]?.id ?? null);
  const status = useStatusChange();
  const openDialog = useAppointmentDialog((state) => state.open);
  const finderOpen = usePatientFinder((state) => state.isOpen);
  const closeFinder = usePatientFinder((state) => state.close);
  const pendingMove = useOccurrenceMove((state) => state.pending);
  const clearPendingMove = useOccurrenceMove((state) => state.clear);

  const grid = useMemo(() => {
    const options = { showCancelled: view.showCancelled, dayStartMinute: view.dayStartMinute, dayEndMinute: view.dayEndMinute };
    if (view.layout === 'week') {
      return week.status === 'ready' && weekResourceId ? buildWeekGrid(week.value, weekResourceId, options, (day) => `${format.weekday(day)} ${format.shortDate(day)}`) : null;
    }
    return sheet.status === 'ready' ? buildDayGrid(sheet.value, { ...options, kind: view.kind }) : null;
  }, [sheet, week, weekResourceId, format, view.layout, view.kind, view.showCancelled, view.dayStartMinute, view.dayEndMinute]);
  const items = view.layout === 'week' ? (week.status === 'ready' ? week.value.flatMap((day) => day.items) : []) : sheet.status === 'ready' ? sheet.value.items : [];
  const callDown = useCallDown();
  const openings = useOpeningsPanel();
  const waitlist = useWaitlistDesk();
  const callDownList = useCallDownList(callDown.open ? today : null, clinic.timeZone);
  const confirmation = useConfirmation();
  // A line of the To confirm list selects its visit (tomorrow's or the day after's): the panel and the keys act on it.
  const selected = items.find((item) => item.id === view.selectedId) ?? (callDownList.status === 'ready' ? callDownList.value.lines.find((line) => line.item.id === view.selectedId)?.item : undefined);
  const cancelling = items.find((item) => item.id === view.cancellingId);
  const resourceNames = useMemo(() => new Map((sheet.status === 'ready' ? sheet.value.resources : []).map((resource) => [resource.id, resource.name])), [sheet]);
  const move = useMoveAppointment(format, clinic.timeZone, resourceNames);
  const visibleCount = items.filter((item) => view.showCancelled || item.status !== 'cancelled').length;

  function pick(column: DayColumn, startMinute: number, durationMinutes: number | null) {
    if (!column.resource) return;
    openDialog({ date: column.date, minute: startMinute, durationMinutes: durationMinutes ?? defaultLengthMinutes, resourceIds: [column.resource.id] });
  }

  function openNew() {
    const minute = defaultDraftMinute(date === today ? wallMinutesOn(date, now, clinic.timeZone) : null, view.dayStartMinute, view.dayEndMinute);
    openDialog({ date, minute, durationMinutes: defaultLengthMinutes, resourceIds: [] });
  }

  const onMonth = view.layout === 'month';
  const title = view.layout === 'week' ? text.dayView.weekTitle(format.shortDate(weekStart), format.shortDate(addDays(weekStart, 6))) : onMonth ? format.monthYear(date) : format.longDate(date);
  // ← / → step a day on the sheet, the agenda and the month, a week on the week view.
  const step = view.layout === 'week' ? 7 : 1;
  // From the resources, not the day's sheet: moving a day in the month must not empty the choice while the sheet reloads.
  const monthResources = resources.filter((resource) => resource.kind !== 'equipment');
  const monthResource = monthResources.find((resource) => resource.id === view.weekResourceId) ?? monthResources[0] ?? null;
  const openDay = (day: string) => {
    view.setPreferences({ layout: 'grid' });
    view.setDate(day);
  };
  // ↑ / ↓, Page Up / Page Down and Enter are the month view's; elsewhere they stay the browser's (false).
  const onMonthOnly = (act: () => void) => (onMonth ? (act(), true) : false);
  // E, the status keys and U act on the selection, whichever way it was selected; with none, the desk says so.
  const showNotice = useNotices((state) => state.show);
  const withSelected = (act: (item: DayItem) => void) => (selected ? act(selected) : showNotice(text.shortcuts.selectFirst, { tone: 'error' }));
  useDeskShortcuts({
    newAppointment: openNew,
    editSelected: () => withSelected((item) => (canEdit(item) ? openDialog(editDraftFor(item)) : undefined)),
    changeSelected: (to) => withSelected((item) => (to === 'cancelled' ? view.askCancel(item.id) : void status.change(item, to))),
    undoSelected: () => withSelected((item) => void status.undo(item)),
    confirmSelected: (to) => withSelected((item) => void confirmation.answer(item, to)),
    toggleCallDown: callDown.toggle,
    toggleOpenings: openings.toggle,
    toggleWaitlist: waitlist.toggle,
    today: () => view.setDate(null),
    shiftDay: (days) => view.setDate(addDays(date, days * step)),
    shiftWeek: (weeks) => onMonthOnly(() => view.setDate(addDays(date, weeks * 7))),
    shiftMonth: (months) => onMonthOnly(() => view.setDate(shiftMonth(date, months))),
    openDay: () => onMonthOnly(() => openDay(date)),
  });

  return (
    <section className="day-view" aria-label={text.dayView.title}>
      <DayToolbar
        date={date}
        today={today}
        format={format}
        count={sheet.status === 'ready' && !onMonth ? visibleCount : undefined}
        onNew={openNew}
        step={step}
        shiftMonth={onMonth ? (months) => view.setDate(shiftMonth(date, months)) : undefined}
        resources={onMonth ? monthResources : bookable}
        weekResourceId={onMonth ? (monthResource?.id ?? null) : weekResourceId}
        title={title}
      />
      <ClinicClockNote clinicZone={clinic.timeZone} now={now} />
      <FreedSlotNotice />
      <div className="day-body">
        {sheet.status === 'loading' ? <p className="app-message" role="status">{text.app.loading}</p> : null}
        {sheet.status === 'failed' ? (
          <p className="app-message" role="alert">
            {text.dayView.loadFailed}
          </p>
        ) : null}
        {grid && view.layout === 'agenda' ? (
          <AgendaList
            items={items.filter((item) => view.showCancelled || item.status !== 'cancelled')}
            format={format}
            resourceNames={resourceNames}
            selectedId={view.selectedId}
            status={status}
          />
        ) : null}
        {onMonth ? (
          <MonthView
            resource={monthResource}
            date={date}
            today={today}
            weekStart={firstDayOfWeek(clinic.locale)}
            locale={clinic.locale}
            timeZone={clinic.timeZone}
            onChooseDate={(day) => view.setDate(day)}
            onOpenDay={openDay}
          />
        ) : null}
        {grid && view.layout !== 'agenda' && !onMonth && grid.columns.length === 0 ? <p className="app-message">{text.dayView.noResources(text.resourceKinds[view.kind].many)}</p> : null}
        {grid && view.layout !== 'agenda' && !onMonth && grid.columns.length > 0 ? (
          <DayGrid
            grid={grid}
            slotMinutes={view.slotMinutes}
            format={format}
            nowMinute={date === today && view.layout === 'grid' ? wallMinutesOn(date, now, clinic.timeZone) : null}
            selectedId={view.selectedId}
            status={status}
            move={move}
            onPick={pick}
            scrollKey={view.layout === 'week' ? `week:${weekStart}` : date}
          />
        ) : null}
        {callDown.open ? (
          <CallDownPanel list={callDownList} format={format} selectedId={view.selectedId} onSelect={view.select} confirmation={confirmation} onClose={callDown.close} />
        ) : null}
        {openings.open ? <OpeningsPanel onClose={openings.close} /> : null}
        {waitlist.open ? <WaitlistPanel onClose={waitlist.close} /> : null}
        {selected ? <SelectionPanel item={selected} format={format} resourceNames={resourceNames} status={status} confirmation={confirmation} /> : null}
      </div>
      {finderOpen ? <PatientFinder onClose={closeFinder} /> : null}
      {cancelling ? <CancelDialog item={cancelling} format={format} status={status} onClose={() => view.askCancel(null)} /> : null}
      {pendingMove ? <OccurrenceMoveDialog pending={pendingMove} format={format} resourceNames={resourceNames} onClose={clearPendingMove} /> : null}
    </section>
  );
}
