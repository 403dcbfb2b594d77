import { callDownList, visitKey } from '../../core/confirmations';
import type { CallDownRow } from '../../core/confirmations';
import type { CalendarDate, Resource } from '../../core/model';
import { addDays } from '../dates/calendar-dates';
import { readDaySheet } from '../data/day-sheet';
import type { DayItem } from '../data/day-sheet';
import { useAppData } from '../data/useAppData';
import { optedOutPatients } from '../consent/patient-consent';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';

/** One line of the list with the day-sheet item it is about (for the panel, the keys and the answers). */
export type CallDownLine = CallDownRow & { item: DayItem };

/** The *To confirm* list of two clinic days. */
export interface CallDownSheet {
  days: CalendarDate[];
  lines: CallDownLine[];
  resources: Resource[];
  /** The listed patients who opted out of all messages (renderer/consent): marked, still called. */
  optedOut: ReadonlySet<string>;
}

/**
 * The call-down list, live: the two clinic days after `today` read as the
 * day sheet reads them (stored visits and series visits, patients, answers),
 * ordered by core/confirmations' `callDownList`, with who opted out of
 * messages. `null` reads nothing, so the
 * hook can stay mounted while the list is closed.
 *
 * @example const list = useCallDownList(open ? today : null, clinic.timeZone);
 */
export function useCallDownList(today: CalendarDate | null, timeZone: string): LiveResult<CallDownSheet> {
  const { db } = useAppData();
  return useLiveQuery(`call-down:${today ?? 'none'}:${timeZone}`, async () => {
    if (today === null) return { days: [], lines: [], resources: [], optedOut: new Set<string>() };
    const days = [addDays(today, 1), addDays(today, 2)];
    const sheets = await Promise.all(days.map((day) => readDaySheet(db, day, timeZone)));
    // A visit that crosses midnight is listed on the day it starts.
    const items = sheets.flatMap((sheet) => sheet.items.filter((item) => item.start >= sheet.span.start).map((item) => ({ item, day: sheet.date })));
    const [records, optedOut] = await Promise.all([db.visitConfirmations.bulkGet(items.map(({ item }) => visitKey(item))), optedOutPatients(db, items.map(({ item }) => item.patientId))]);
    const confirmations = new Map(records.filter((record) => record !== undefined).map((record) => [record.id, record]));
    const byId = new Map(items.map(({ item }) => [item.id, item]));
    const rows = callDownList(
      items.map(({ item, day }) => ({ ...item, day })),
      confirmations,
      days,
    );
    return { days, lines: rows.map((row) => ({ ...row, item: byId.get(row.visit.id) as DayItem })), resources: sheets[0]?.resources ?? [], optedOut };
  });
}
