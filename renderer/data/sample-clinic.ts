import type { CommandSession } from '../../core/commands';
import type { CalendarDate } from '../../core/model';
import { wallTimeToInstant } from '../../core/time';
import { addDays, isoWeekday, todayIn, wallTimeAt } from '../dates/calendar-dates';
import { weekdayHours } from '../schedule/starting-hours';
import type { AppData } from './app-database';

/**
 * "Load sample clinic": a realistic practice for someone seeing the app for
 * the first time — six providers, three rooms, 300 patients and four weeks
 * of bookings (with weekly series that cross a daylight-saving change when
 * the clinic's zone has one nearby). Everything is saved through the real
 * commands, so the sample is checked, audited and synced like any booking;
 * refused bookings (a patient already busy) are simply skipped.
 *
 * The data is drawn from a seeded generator, so the same clinic on the same
 * day always gets the same sample.
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
  /** Called after each saved step, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** What was loaded. */
export interface SampleClinicSummary {
  resources: number;
  patients: number;
  series: number;
  appointments: number;
  /** The date of the daylight-saving change the series cross, if the zone has one nearby. */
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

/**
 * Loads the sample clinic as `session` (an admin, right after first run).
 *
 * @example await loadSampleClinic(data, adminSession, { now: Date.now(), timeZone: 'America/New_York', onProgress: setProgress });
 */
export async function loadSampleClinic(data: AppData, session: CommandSession, options: SampleClinicOptions): Promise<SampleClinicSummary> {
  const { timeZone } = options;
  const weeks = options.weeks ?? 4;
  const patientCount = options.patients ?? 300;
  const density = options.density ?? 0.55;
  const random = seededRandom(options.seed ?? 20_261_125);
  const run = data.commands.run.bind(data.commands);

  const today = todayIn(timeZone, options.now);
  const monday = addDays(today, 1 - isoWeekday(today));
  const days = Array.from({ length: weeks * 7 }, (_, index) => addDays(monday, index)).filter((date) => isoWeekday(date) <= 5);
  const slotsPerDay = 14; // 08:00–12:00 and 13:00–17:00 in half hours, less the last one
  const total = providerNames.length + roomNames.length + patientCount + 3 + days.length * providerNames.length * slotsPerDay;
  let done = 0;
  const tick = () => options.onProgress?.((done += 1), total);

  // Resources with Mon–Fri 08:00–17:00 and a lunch break.
  const saveResource = async (kind: 'provider' | 'room', name: string): Promise<string> => {
    const saved = await run('resource/save', { kind, name, timeZone }, session);
    if (!saved.ok) throw new Error(`The sample resource ${name} was refused: ${saved.error.message}`);
    await run('schedule/save-block', { block: { ...weekdayHours(saved.value.id, timeZone, options.now, '08:00', '17:00'), id: data.auth.newId() } }, session);
    await run('schedule/save-block', { block: { ...weekdayHours(saved.value.id, timeZone, options.now, '12:00', '13:00', 'break'), id: data.auth.newId(), label: 'Lunch' } }, session);
    tick();
    return saved.value.id;
  };
  const providers: string[] = [];
  for (const name of providerNames) providers.push(await saveResource('provider', name));
  const rooms: string[] = [];
  for (const name of roomNames) rooms.push(await saveResource('room', name));

  const patients: string[] = [];
  for (let index = 0; index < patientCount; index += 1) {
    const year = 1940 + Math.floor(random() * 80);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const saved = await run(
      'patient/register',
      {
        givenName: pick(random, givenNames),
        familyName: pick(random, familyNames),
        dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        phone: `555 01${String(Math.floor(random() * 100)).padStart(2, '0')} ${String(Math.floor(random() * 10_000)).padStart(4, '0')}`,
        mrn: `S-${String(index + 1).padStart(5, '0')}`,
      },
      session,
    );
    if (saved.ok) patients.push(saved.value.id);
    tick();
  }
  if (patients.length === 0) throw new Error('The sample patients were refused.');

  // Weekly series first (single bookings then fit around them), crossing a DST change when one is near.
  const dstChange = nextOffsetChange(addDays(monday, -14), timeZone, weeks * 7 + 28);
  const seriesStart = dstChange ? addDays(dstChange, -14) : monday;
  const seriesPlan = [
    { provider: 0, weekday: 2, minute: 9 * 60, reason: 'Physiotherapy' },
    { provider: 1, weekday: 3, minute: 14 * 60, reason: 'Allergy shots' },
    { provider: 2, weekday: 4, minute: 10 * 60 + 30, reason: 'Dressing change' },
  ];
  let seriesCount = 0;
  for (const [index, plan] of seriesPlan.entries()) {
    const first = addDays(seriesStart, (plan.weekday - isoWeekday(seriesStart) + 7) % 7);
    const saved = await run(
      'series/create',
      {
        resourceIds: [providers[plan.provider] as string],
        patientId: patients[index % patients.length] as string,
        dtstart: wallTimeAt(first, plan.minute),
        timeZone,
        durationMinutes: 30,
        rrule: 'FREQ=WEEKLY;COUNT=8',
        visitReason: plan.reason,
      },
      session,
    );
    if (saved.ok) seriesCount += 1;
    tick();
  }

  // Single bookings: about half the half-hour slots, some with a room.
  let appointments = 0;
  for (const date of days) {
    for (const provider of providers) {
      for (let slot = 0; slot < slotsPerDay; slot += 1) {
        const minute = 8 * 60 + slot * 30 + (slot >= 8 ? 60 : 0);
        const book = random() < density;
        const length = pick(random, lengths);
        const patient = pick(random, patients);
        const reason = pick(random, reasons);
        const room = random() < 0.25 ? pick(random, rooms) : null;
        if (book) {
          const saved = await run(
            'appointment/book',
            { resourceIds: room ? [provider, room] : [provider], patientId: patient, wallStart: wallTimeAt(date, minute), timeZone, durationMinutes: length, visitReason: reason },
            session,
          );
          if (saved.ok) {
            appointments += 1;
            await playOutToday(data, session, saved.value.appointment, options.now, timeZone, random);
          }
        }
        tick();
      }
    }
  }
  return { resources: providers.length + rooms.length, patients: patients.length, series: seriesCount, appointments, dstChange };
}

/**
 * Today's visits that are already over are completed (or, now and then,
 * no-shows); one under way has arrived. Earlier days stay as booked, which
 * is what a clinic migrating to Timedesk would have.
 */
async function playOutToday(data: AppData, session: CommandSession, appointment: { id: string; start: string; end: string; wallStart: string }, now: number, timeZone: string, random: () => number) {
  const date = appointment.wallStart.slice(0, 10);
  if (date !== todayIn(timeZone, now)) return;
  const start = Date.parse(appointment.start);
  const end = Date.parse(appointment.end);
  if (start > now) return;
  const steps: ('arrived' | 'in_room' | 'completed' | 'no_show')[] = end <= now ? (random() < 0.1 ? ['no_show'] : ['arrived', 'in_room', 'completed']) : ['arrived'];
  for (const to of steps) await data.commands.run('appointment/change-status', { appointmentId: appointment.id, to }, session);
}
