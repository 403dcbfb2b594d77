import { useDeferredValue, useMemo } from 'react';
import { useNow } from '../app/useNow';
import { useClinic } from '../data/useClinic';
import { useDaySheet } from '../data/useDaySheet';
import { todayIn } from '../dates/calendar-dates';
import { buildDayGrid } from '../day-view/day-columns';
import { useDayView } from '../day-view/day-view-store';
import { clinicFormat, text } from '../i18n';
import { useSession } from '../session/session-store';
import { printPages } from './print-pages';
import { usePrintAudit } from './usePrintAudit';
import './print.css';

/**
 * The printed day sheet: hidden on screen, and on paper one page per column
 * of the day view (per provider, or per room in room view) with the clinic,
 * the resource, the date, its hours or closure, and every booking in time
 * order (time, length, patient, date of birth, reason, status, notes). It
 * follows the day view's date, columns and "show cancelled". Each print is
 * audited (usePrintAudit).
 *
 * @example <PrintDaySheet />
 */
export function PrintDaySheet() {
  const words = text.print;
  const clinic = useClinic();
  const view = useDayView();
  const now = useNow();
  const staff = useSession((state) => state.staff);
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  // Hidden on screen, so built in a deferred render after the day view has painted: with 40 columns
  // a day's sheet is ~480 table rows, which made every day switch wait for them (bench/front-desk).
  const sheet = useDeferredValue(useDaySheet(view.date ?? todayIn(clinic.timeZone, now), clinic.timeZone));
  // The date of the pages shown, so header, rows and the print audit never disagree while the sheet catches up.
  const date = sheet.status === 'ready' ? sheet.value.date : (view.date ?? todayIn(clinic.timeZone, now));
  const pages = useMemo(
    () =>
      sheet.status === 'ready'
        ? printPages(buildDayGrid(sheet.value, { kind: view.kind, showCancelled: view.showCancelled, dayStartMinute: view.dayStartMinute, dayEndMinute: view.dayEndMinute }))
        : [],
    [sheet, view.kind, view.showCancelled, view.dayStartMinute, view.dayEndMinute],
  );
  usePrintAudit(
    date,
    pages.flatMap((page) => (page.resourceId ? [page.resourceId] : [])),
  );
  const range = (start: number, end: number) => `${format.wallTime(start)}–${end === 1440 ? '24:00' : format.wallTime(end)}`;

  return (
    <div className="print-sheet" data-testid="print-sheet">
      {pages.map((page) => {
        // Bookable time is core/schedule's answer; breaks, blockouts and leave are named beside it.
        const working = page.hours;
        const marks = page.marks.map((mark) => text.schedule.markName(mark.kind, mark.name, range(mark.start, mark.end)));
        return (
          <section className="print-page" key={page.key} data-testid="print-page">
            <header className="print-header">
              <p className="print-clinic">{clinic.name}</p>
              <h2>{page.name ?? text.dayView.otherColumn}</h2>
              <p className="print-date">{format.longDate(date)}</p>
            </header>
            <p className="print-hours">
              {page.closedReason
                ? text.dayView.closed(page.closedReason)
                : working.length > 0
                  ? words.hours(working.map((block) => range(block.start, block.end)).join(', '), marks.join(', '))
                  : page.name
                    ? words.noHours
                    : ''}
            </p>
            {page.rows.length === 0 ? (
              <p>{words.nothingBooked}</p>
            ) : (
              <table className="print-table">
                <thead>
                  <tr>
                    <th scope="col">{words.time}</th>
                    <th scope="col">{words.length}</th>
                    <th scope="col">{text.fields.patient}</th>
                    <th scope="col">{text.fields.dateOfBirth}</th>
                    <th scope="col">{text.fields.visitReason}</th>
                    <th scope="col">{words.status}</th>
                    <th scope="col">{text.fields.notes}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((row) => (
                    <tr key={row.item.id} className={`print-status-${row.item.status}`}>
                      <td className="print-time">{range(row.start, row.end)}</td>
                      <td>{text.dialog.durationMinutes(row.item.durationMinutes)}</td>
                      <td className="print-patient">{row.item.patient ? text.patientName(row.item.patient) : text.dayView.unknownPatient}</td>
                      <td>{row.item.patient ? format.mediumDate(row.item.patient.dateOfBirth) : ''}</td>
                      <td>{row.item.visitReason ?? ''}</td>
                      <td>{text.statuses[row.item.status]}</td>
                      <td className="print-notes">{row.item.notes ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <footer className="print-footer">{words.printedBy(format.shortDate(todayIn(clinic.timeZone, now)), format.time(now), staff?.displayName ?? '')}</footer>
          </section>
        );
      })}
    </div>
  );
}
