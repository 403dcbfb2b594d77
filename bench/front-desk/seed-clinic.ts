/**
 * Runs in the benchmark page (bundled by esbuild, see in-page.ts): writes a
 * {@link ClinicPlan} into the page's real IndexedDB through core's own
 * database class. The clinic, its first admin and the 40 providers with their
 * hours go through the engine's commands (a few hundred, audited like a real
 * set-up); the bulk — patients, appointments with their `bookings` index
 * rows, and the audit entries — is written with bulkPut/bulkAdd in chunks,
 * built by core's own row builders, because 200,000 commands would take an
 * hour and measure nothing we care about here.
 */
import { appendEntry } from '../../core/audit';
import type { AuditEntry, ChainLink } from '../../core/audit';
import { setUpFirstRun } from '../../core/auth';
import { createCommandRunner } from '../../core/commands';
import type { CommandSession } from '../../core/commands';
import { appointmentDay, bookingRows, openTimedeskDb, readDevice } from '../../core/db';
import type { TimedeskDb } from '../../core/db';
import { buildAppointment, newId, parsePatient } from '../../core/model';
import type { ClinicPlan } from './clinic-plan';
import { patientId, plannedAppointments, providerId } from './clinic-plan';

/** Who signs in to the seeded desk (through the UI). */
export interface BenchAdmin {
  displayName: string;
  username: string;
  passphrase: string;
}

/** What was written, counted back from the database afterwards. */
export interface SeedReport {
  appointments: number;
  bookings: number;
  patients: number;
  resources: number;
  auditEntries: number;
  seconds: { setup: number; patients: number; appointments: number; audit: number };
}

const chunkSize = 10_000;
const dayMs = 86_400_000;
const givenNames = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Radia', 'Ken'];
const familyNames = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Perlman', 'Thompson'];
const auditedActions = ['APPOINTMENT_BOOKED', 'STATUS_CHANGED', 'PATIENT_VIEWED', 'APPOINTMENT_MOVED', 'STAFF_SIGNED_IN'] as const;

const randomBytes = (count: number) => crypto.getRandomValues(new Uint8Array(count));

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += chunkSize) await write(rows.slice(offset, offset + chunkSize));
}

/** The set-up a clinic makes on its first day: clinic + admin, then every provider with hours all week, all audited. */
async function setUpClinic(db: TimedeskDb, plan: ClinicPlan, admin: BenchAdmin, clock: () => number): Promise<CommandSession> {
  const environment = { db, clock, newId: () => newId(randomBytes), randomBytes };
  const firstRun = await setUpFirstRun(environment, {
    clinic: { name: `Bench clinic (${plan.label})`, timeZone: plan.timeZone, locale: 'en-US' },
    admin: { displayName: admin.displayName, username: admin.username },
    passphrase: admin.passphrase,
  });
  if (!firstRun.ok) throw new Error(`first run refused: ${JSON.stringify(firstRun.error)}`);
  const session = firstRun.value.session;
  const commands = createCommandRunner(environment);
  const must = async (result: Promise<{ ok: boolean }>) => {
    const settled = await result;
    if (!settled.ok) throw new Error(JSON.stringify(settled));
  };
  for (let index = 0; index < plan.providers; index += 1) {
    const id = providerId(index);
    await must(commands.run('resource/save', { id, kind: 'provider', name: `Dr ${familyNames[index % familyNames.length]} ${String(index).padStart(2, '0')}`, timeZone: plan.timeZone }, session));
    // Every weekday, so each measured date has working hours whatever day of the week it is.
    await must(commands.run('schedule/save-block', { block: { id: `${id}-hours`, resourceId: id, kind: 'working', wallStart: '2025-01-06T08:00', wallEnd: '2025-01-06T18:00', rrule: 'FREQ=DAILY' } }, session));
  }
  return session;
}

/** `plan.auditEntries` entries chained on from the device's head, their `at` rising from `from` to `to`, then the head moved. */
async function seedAudit(db: TimedeskDb, plan: ClinicPlan, session: CommandSession, from: number, to: number): Promise<void> {
  const device = await readDevice(db);
  let head: ChainLink | null = device.auditSeq > 0 ? { deviceId: device.deviceId, seq: device.auditSeq, hash: device.auditHead } : null;
  const appointments = plannedAppointments(plan);
  const step = (to - from) / Math.max(1, plan.auditEntries);
  for (let offset = 0; offset < plan.auditEntries; offset += chunkSize) {
    const chunk: AuditEntry[] = [];
    for (let index = offset; index < Math.min(plan.auditEntries, offset + chunkSize); index += 1) {
      const action = auditedActions[index % auditedActions.length] as (typeof auditedActions)[number];
      const next = appointments.next();
      const booking = next.done ? undefined : next.value;
      const aboutBooking = action !== 'STAFF_SIGNED_IN' && action !== 'PATIENT_VIEWED' && booking !== undefined;
      const entry: AuditEntry = appendEntry(head, {
        id: `bench-audit-${index}`,
        deviceId: device.deviceId,
        appVersion: device.appVersion,
        at: new Date(Math.round(from + index * step)).toISOString(),
        actor: { kind: 'staff', staffId: session.staffId, displayName: session.displayName, role: session.role },
        action,
        entityType: action === 'STAFF_SIGNED_IN' ? 'staff' : aboutBooking ? 'appointment' : 'patient',
        entityId: action === 'STAFF_SIGNED_IN' ? session.staffId : aboutBooking ? booking.id : patientId(index % plan.patients),
        patientId: action === 'STAFF_SIGNED_IN' ? null : aboutBooking ? booking.patientId : patientId(index % plan.patients),
        changes: aboutBooking ? { wallStart: { before: action === 'APPOINTMENT_MOVED' ? `${booking.date}T07:00` : null, after: booking.wallStart }, ...(action === 'STATUS_CHANGED' ? { status: { before: 'booked', after: 'arrived' } } : {}) } : {},
        reason: null,
        outcome: 'success',
        mutationId: null,
      });
      chunk.push(entry);
      head = entry;
    }
    const last = head;
    await db.transaction('rw', db.audit, db.meta, async () => {
      await db.audit.bulkAdd(chunk);
      const current = await readDevice(db);
      if (last) await db.meta.put({ ...current, auditSeq: last.seq, auditHead: last.hash });
    });
  }
}

/**
 * Seeds the plan into the app's database (name `timedesk`, the app's own):
 * set-up commands as of `setupAt`, then patients, appointments + bookings
 * rows and audit entries (dated between `setupAt` and `auditUntil`) in
 * chunks. Call on a fresh profile; reload the app afterwards so it opens the
 * seeded database.
 *
 * @example await seedClinic(plan, { displayName: 'Bench Admin', username: 'bench.admin', passphrase: 'correct horse battery' }, Date.now() - 400 * 86_400_000, Date.now() - 60_000);
 */
export async function seedClinic(plan: ClinicPlan, admin: BenchAdmin, setupAt: number, auditUntil: number): Promise<SeedReport> {
  const seconds = { setup: 0, patients: 0, appointments: 0, audit: 0 };
  let started = performance.now();
  const lap = () => {
    const now = performance.now();
    const taken = (now - started) / 1000;
    started = now;
    return taken;
  };
  const { db } = await openTimedeskDb({ appVersion: '0.1.0', now: setupAt });
  try {
    let clock = setupAt;
    // One second per command keeps the set-up entries in order without reading the real clock.
    const session = await setUpClinic(db, plan, admin, () => (clock += 1_000));
    seconds.setup = lap();

    const patients = Array.from({ length: plan.patients }, (_, index) =>
      parsePatient({
        id: patientId(index),
        givenName: givenNames[index % givenNames.length],
        familyName: `${familyNames[Math.floor(index / givenNames.length) % familyNames.length]}-${index}`,
        dateOfBirth: new Date(Date.UTC(1940, 0, 1) + ((index * 7919) % 25_000) * dayMs).toISOString().slice(0, 10),
        mrn: `MRN${String(index).padStart(6, '0')}`,
      }),
    );
    await inChunks(patients, (chunk) => db.patients.bulkPut(chunk));
    seconds.patients = lap();

    const rows = [];
    const at = new Date(clock + 60_000).toISOString();
    for (const planned of plannedAppointments(plan)) {
      const appointment = buildAppointment(
        { resourceIds: [planned.providerId], patientId: planned.patientId, wallStart: planned.wallStart, timeZone: plan.timeZone, durationMinutes: planned.durationMinutes },
        { id: planned.id, at, by: session.staffId },
      );
      rows.push({ ...appointment, day: appointmentDay(appointment) });
    }
    await inChunks(rows, (chunk) =>
      db.transaction('rw', db.appointments, db.bookings, async () => {
        await db.appointments.bulkPut(chunk);
        await db.bookings.bulkPut(chunk.flatMap(bookingRows));
      }),
    );
    seconds.appointments = lap();

    await seedAudit(db, plan, session, clock + 120_000, auditUntil);
    seconds.audit = lap();

    return {
      appointments: await db.appointments.count(),
      bookings: await db.bookings.count(),
      patients: await db.patients.count(),
      resources: await db.resources.count(),
      auditEntries: await db.audit.count(),
      seconds,
    };
  } finally {
    db.close();
  }
}
