import type { ClinicPlan, PlannedStatus, PlannedVisit } from '../../core/clinic-plan';
import { weekdayHours } from '../../core/clinic-plan';
import type { CalendarDate } from '../../core/model';
import { wallTimeToInstant } from '../../core/time';
import { addDays, isoWeekday, todayIn, wallTimeAt } from '../dates/calendar-dates';

/**
 * "Load sample clinic": a realistic practice for someone seeing the app for
 * the first time — six providers, three rooms, 300 patients and four weeks
 * of bookings (last week, this week and the next two), with weekly series
 * that cross a daylight-saving change when the clinic's zone has one
 * nearby. The past looks lived in: visits before now were completed, a few
 * were no-shows or cancelled, one under way has arrived; later ones are
 * booked.
 *
 * It is a plan (core/clinic-plan), not a script: the generator keeps every
 * provider, room and patient free of double bookings itself, so loading it
 * through the ordinary commands (checked, audited, synced) is refused
 * nowhere, and first run stores it in one transaction — all or nothing.
 * Drawn from a seeded generator, so the same clinic on the same day always
 * gets the same sample.
 */

/** How big a sample to load; the defaults are the figures. */
export interface SampleClinicOptions {
  /** "Now" (epoch ms): the sample covers the four weeks from this week's Monday. */
  now: number;
  timeZone: string;
  weeks?: number;
  patients?: number;
  /** Share of half-hour slots that get a booking, 0–1. */
  density?: number;
  seed?: number;
  /** Fresh ids for the sample's records. */
  newId: () => string;
}

/** The sample as a plan, and the date of the daylight-saving change its series cross (if the zone has one nearby). */
export interface SampleClinic {
  plan: ClinicPlan;
  dstChange: CalendarDate | null;
}

const providerNames = ['Dr Amara Okafor', 'Dr Ben Carter', 'Dr Chen Li', 'Dr Dana Fischer', 'Dr Elias Haddad', 'Dr Farah Khan'];
const roomNames = ['Room 1', 'Room 2', 'Procedure room'];
const givenNames = ['Ada', 'Grace', 'Alan', 'Mary', 'Katherine', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Radia', 'Tim', 'Hedy', 'Claude', 'Margaret', 'Dennis', 'Sophie', 'Ken', 'Lynn', 'Niklaus', 'Annie', 'Carl', 'Evelyn', 'Guido'];
const familyNames = ['Lovelace', 'Hopper', 'Turing', 'Somerville', 'Johnson', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Perlman', 'Berners-Lee', 'Lamarr', 'Shannon', 'Hamilton', 'Ritchie', 'Wilson', 'Thompson', 'Conway', 'Wirth', 'Easley', 'Sagan', 'Boyd', 'van Rossum', 'García', 'Nguyen', 'Okoye', 'Sato'];
const reasons = ['Check-up', 'Follow-up', 'Vaccination', 'Blood test results', 'Back pain', 'Prescription review', 'Skin check', 'New patient visit', 'Sore throat', 'Blood pressure'];
const lengths = [15, 30, 30, 30, 45];

/** A small seeded generator (mulberry32): same seed, same sample. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** UTC offset of the zone at noon on a date, in minutes. */
function noonOffset(date: CalendarDate, timeZone: string): number {
  return (Date.parse(`${date}T12:00:00Z`) - wallTimeToInstant(`${date}T12:00`, timeZone)) / 60_000;
}

/**
 * The first date within `days` days after `from` whose UTC offset differs
 * from the day before (a daylight-saving change), or `null`.
 *
 * @example nextOffsetChange('2026-10-20', 'America/New_York', 30) // '2026-11-02'
 */
export function nextOffsetChange(from: CalendarDate, timeZone: string, days: number): CalendarDate | null {
  let previous = noonOffset(from, timeZone);
  for (let step = 1; step <= days; step += 1) {
    const date = addDays(from, step);
    const offset = noonOffset(date, timeZone);
    if (offset !== previous) return date;
    previous = offset;
  }
  return null;
}

/** Busy intervals (wall minutes) per resource or patient and date: the sample never double-books. */
class Occupancy {
  private readonly busy = new Map<string, [number, number][]>();

  isFree(who: string, date: CalendarDate, start: number, end: number): boolean {
    return !(this.busy.get(`${who} ${date}`) ?? []).some(([from, to]) => start < to && from < end);
  }

  take(who: string, date: CalendarDate, start: number, end: number): void {
    const key = `${who} ${date}`;
    this.busy.set(key, [...(this.busy.get(key) ?? []), [start, end]]);
  }
}

/** The morning (08:00–12:00) and afternoon (13:00–16:30) sessions single visits are booked in; 16:30–17:00 stays free. */
const sessions = [
  { from: 8 * 60, to: 12 * 60 },
  { from: 13 * 60, to: 16 * 60 + 30 },
];

/**
 * The sample clinic for `options.now` in `options.timeZone`, as a plan.
 *
 * @example const { plan } = sampleClinic({ now: Date.now(), timeZone: 'America/New_York', newId: randomId });
 */
export function sampleClinic(options: SampleClinicOptions): SampleClinic {
  const { timeZone, now, newId } = options;
  const weeks = options.weeks ?? 4;
  const patientCount = options.patients ?? 300;
  const density = options.density ?? 0.55;
  const random = seededRandom(options.seed ?? 20_261_125);

  const today = todayIn(timeZone, now);
  const monday = addDays(today, 1 - isoWeekday(today));
  const firstDay = addDays(monday, weeks > 1 ? -7 : 0);
  const days = Array.from({ length: weeks * 7 }, (_, index) => addDays(firstDay, index)).filter((date) => isoWeekday(date) <= 5);

  // Resources with Mon–Fri 08:00–17:00 and a lunch break.
  const resources = [
    ...providerNames.map((name) => ({ id: newId(), kind: 'provider' as const, name, timeZone })),
    ...roomNames.map((name) => ({ id: newId(), kind: 'room' as const, name, timeZone })),
  ];
  const providers = resources.filter((resource) => resource.kind === 'provider').map((resource) => resource.id);
  const rooms = resources.filter((resource) => resource.kind === 'room').map((resource) => resource.id);
  const ids = resources.map((resource) => resource.id);
  const hours = [...weekdayHours(ids, firstDay, '08:00', '17:00', newId), ...weekdayHours(ids, firstDay, '12:00', '13:00', newId, 'break', 'Lunch')];

  const patients = Array.from({ length: Math.max(1, patientCount) }, (_, index) => {
    const year = 1940 + Math.floor(random() * 80);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    return {
      id: newId(),
      givenName: pick(random, givenNames),
      familyName: pick(random, familyNames),
      dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      phone: `555 01${String(Math.floor(random() * 100)).padStart(2, '0')} ${String(Math.floor(random() * 10_000)).padStart(4, '0')}`,
      mrn: `S-${String(index + 1).padStart(5, '0')}`,
    };
  });
  const occupancy = new Occupancy();
  const startsAt = (date: CalendarDate, minute: number) => wallTimeToInstant(wallTimeAt(date, minute), timeZone);
  /** What happened to a visit by `now`, in the order it happened. */
  const playedOut = (date: CalendarDate, minute: number, length: number): PlannedStatus[] => {
    const start = startsAt(date, minute);
    if (start > now) return [];
    if (start + length * 60_000 > now) return [{ to: 'arrived' }];
    const roll = random();
    if (roll < 0.08) return [{ to: 'no_show' }];
    if (roll < 0.11) return [{ to: 'cancelled', reason: 'Patient called to cancel' }];
    return [{ to: 'arrived' }, { to: 'in_room' }, { to: 'completed' }];
  };

  // Weekly series first (single visits then fit around them), crossing a DST change when one is near.
  const dstChange = nextOffsetChange(addDays(monday, -14), timeZone, weeks * 7 + 28);
  const seriesStart = dstChange ? addDays(dstChange, -14) : monday;
  const seriesPlan = [
    { provider: 0, weekday: 2, minute: 9 * 60, reason: 'Physiotherapy' },
    { provider: 1, weekday: 3, minute: 14 * 60, reason: 'Allergy shots' },
    { provider: 2, weekday: 4, minute: 10 * 60 + 30, reason: 'Dressing change' },
  ];
  const seriesVisits = 8;
  const series = seriesPlan.map((plan, index) => {
    const first = addDays(seriesStart, (plan.weekday - isoWeekday(seriesStart) + 7) % 7);
    const provider = providers[plan.provider] as string;
    const patient = (patients[index % patients.length] as { id: string }).id;
    const dates = Array.from({ length: seriesVisits }, (_, week) => addDays(first, week * 7));
    for (const date of dates) {
      occupancy.take(provider, date, plan.minute, plan.minute + 30);
      occupancy.take(patient, date, plan.minute, plan.minute + 30);
    }
    return {
      create: { resourceIds: [provider], patientId: patient, dtstart: wallTimeAt(first, plan.minute), timeZone, durationMinutes: 30, rrule: `FREQ=WEEKLY;COUNT=${seriesVisits}`, visitReason: plan.reason },
      occurrences: dates
        .map((date) => ({ originalStart: `${wallTimeAt(date, plan.minute)}:00`, statuses: playedOut(date, plan.minute, 30) }))
        .filter((occurrence) => occurrence.statuses.length > 0),
    };
  });

  // Single visits: about half the half-hour slots, some with a room; never two at once for anyone.
  const visits: PlannedVisit[] = [];
  for (const date of days) {
    for (const provider of providers) {
      for (const session of sessions) {
        for (let minute = session.from; minute < session.to; minute += 30) {
          const book = random() < density;
          const wanted = pick(random, lengths);
          const length = minute + wanted <= session.to ? wanted : 30;
          const firstPatient = Math.floor(random() * patients.length);
          const reason = pick(random, reasons);
          const room = random() < 0.25 ? pick(random, rooms) : null;
          if (!book || !occupancy.isFree(provider, date, minute, minute + length)) continue;
          const patient = patients.map((_, step) => patients[(firstPatient + step) % patients.length] as { id: string }).find((candidate) => occupancy.isFree(candidate.id, date, minute, minute + length));
          if (!patient) continue;
          const withRoom = room !== null && occupancy.isFree(room, date, minute, minute + length);
          for (const who of [provider, patient.id, ...(withRoom ? [room] : [])]) occupancy.take(who, date, minute, minute + length);
          visits.push({
            book: { resourceIds: withRoom ? [provider, room] : [provider], patientId: patient.id, wallStart: wallTimeAt(date, minute), timeZone, durationMinutes: length, visitReason: reason },
            statuses: playedOut(date, minute, length),
          });
        }
      }
    }
  }
  return { plan: { resources, hours, patients, series, visits }, dstChange };
}
