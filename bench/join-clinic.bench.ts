/**
 * `npm run bench -- join-clinic`: a second desk joining a clinic, on
 * fake-indexeddb under Node (absolute figures are not Chromium's; the ratios
 * are what to watch).
 *
 * 1. Join: a clinic of 10,000 appointments, 500 patients, 10 providers with
 *    weekday hours, 40 staff with their passphrase credentials and the clinic
 *    settings, copied onto a fresh desk with core/sync's `joinClinic` (every
 *    page fetched first, then ONE transaction) in pages of 500, against the
 *    ordinary sync client's way — each page applied in its own transaction
 *    as it arrives (`applyPulledPage`), which leaves a half-copied desk if
 *    the network drops.
 * 2. Staff writes: 2,000 pulled staff records through the username-clash
 *    guard (`putStaffKeepingUsernamesUnique`: one index lookup per record),
 *    against a bare `bulkPut` of the same rows.
 */
import { joinedAs, openDesk } from '../core/sync/sync-desk.fixture';
import { appointmentChange } from './sync-records.fixture';
import { applyPulledPage, joinClinic, putStaffKeepingUsernamesUnique } from '../core/sync';
import type { PulledChange, PullResponse, SyncTransport } from '../core/sync';
import type { StaffMember } from '../core/model';

const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const at = '2026-01-01T12:00:00.000Z';

/** The clinic's change log as the server would serve it. */
function clinicLog(appointments: number): PulledChange[] {
  const records: Omit<PulledChange, 'change' | 'version' | 'op'>[] = [];
  records.push({ entity: 'clinic', id: 'clinic', data: { id: 'clinic', name: 'Bench Clinic', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 5 } });
  for (let index = 0; index < 40; index += 1) {
    const id = `staff-${index}`;
    records.push({ entity: 'staff', id, data: { id, displayName: `Staff ${index}`, username: `staff.${index}`, role: 'front_desk', active: true } });
    records.push({ entity: 'staffCredential', id, data: { id, algorithm: 'PBKDF2-SHA256', iterations: 600_000, salt: '0f'.repeat(16), hash: 'ab'.repeat(32) } });
  }
  for (let index = 0; index < 10; index += 1) {
    const id = `dr-${index}`;
    records.push({ entity: 'resource', id, data: { id, kind: 'provider', name: `Dr ${index}`, timeZone: 'America/New_York', capacity: 1, active: true } });
    for (let weekday = 1; weekday <= 5; weekday += 1) {
      records.push({ entity: 'availability', id: `h-${id}-${weekday}`, data: { id: `h-${id}-${weekday}`, resourceId: id, weekday, start: '08:00', end: '18:00', kind: 'working' } });
    }
  }
  for (let index = 0; index < 500; index += 1) {
    records.push({ entity: 'patient', id: `p${index}`, data: { id: `p${index}`, givenName: 'Pat', familyName: `N${index}`, dateOfBirth: '1990-01-01' } });
  }
  for (let index = 0; index < appointments; index += 1) {
    records.push({ entity: 'appointment', id: `a${index}`, data: appointmentChange(index) });
  }
  return records.map((record, index) => ({ ...record, change: index + 1, version: index + 1, op: 'put' }));
}

/** Serves `log` page by page, as GET /v1/sync/pull does (answers deep-copied, as over HTTP). */
function logTransport(log: readonly PulledChange[]): SyncTransport {
  return {
    push: () => Promise.reject(new Error('a joining desk pushes nothing')),
    async pull(after, limit) {
      const from = Number(after);
      const changes = log.slice(from, from + limit);
      const page: PullResponse = { changes, nextCursor: String(from + changes.length), hasMore: from + limit < log.length, serverTime: at, lastChange: log.length, devices: [{ id: 'desk-a', name: 'Front desk 1' }] };
      return JSON.parse(JSON.stringify(page)) as PullResponse;
    },
  };
}

async function joinBench(appointments: number, pageSize: number): Promise<{ join: number; pageByPage: number; changes: number }> {
  const log = clinicLog(appointments);
  const joining = await openDesk('bench-join', 7);
  const joinStart = performance.now();
  await joinClinic({ ...joinedAs(joining), db: joining.db, transport: logTransport(log), pageSize });
  const join = performance.now() - joinStart;
  if ((await joining.db.appointments.count()) !== appointments || (await joining.db.staffCredentials.count()) !== 40) throw new Error('join bench lost rows');

  const paged = await openDesk('bench-paged', 8);
  const transport = logTransport(log);
  const pagedStart = performance.now();
  let cursor = '0';
  for (;;) {
    const page = await transport.pull(cursor, pageSize);
    await applyPulledPage(paged.db, page, { clockSkewMs: 0 });
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  const pageByPage = performance.now() - pagedStart;
  if ((await paged.db.appointments.count()) !== appointments) throw new Error('paged bench lost rows');
  joining.db.close();
  paged.db.close();
  return { join, pageByPage, changes: log.length };
}

async function staffBench(count: number): Promise<{ guarded: number; bare: number }> {
  const members: StaffMember[] = Array.from({ length: count }, (_, index) => ({ id: `s${index}`, displayName: `Staff ${index}`, username: `staff.${index}`, role: 'front_desk', active: true }));
  const guardedDesk = await openDesk('bench-staff-guarded', 9);
  const guardedStart = performance.now();
  await guardedDesk.db.transaction('rw', guardedDesk.db.staff, () => putStaffKeepingUsernamesUnique(guardedDesk.db, members));
  const guarded = performance.now() - guardedStart;
  const bareDesk = await openDesk('bench-staff-bare', 10);
  const bareStart = performance.now();
  await bareDesk.db.transaction('rw', bareDesk.db.staff, () => bareDesk.db.staff.bulkPut(members));
  const bare = performance.now() - bareStart;
  guardedDesk.db.close();
  bareDesk.db.close();
  return { guarded, bare };
}

export async function run(): Promise<void> {
  await joinBench(2_000, 500); // warm-up: JIT and fake-indexeddb's first tables
  const { join, pageByPage, changes } = await joinBench(10_000, 500);
  console.log(`join a clinic of ${changes.toLocaleString('en-US')} changes (10,000 appointments), pages of 500:`);
  console.log(`  joinClinic, all pages then one transaction: ${seconds(join)} (${Math.round(changes / (join / 1000)).toLocaleString('en-US')} changes/s)`);
  console.log(`  baseline, one transaction per page as pulled: ${seconds(pageByPage)}`);
  console.log(`  ratio: ${(join / pageByPage).toFixed(2)}×`);
  const { guarded, bare } = await staffBench(2_000);
  console.log('2,000 pulled staff records:');
  console.log(`  with the username-clash guard: ${seconds(guarded)}`);
  console.log(`  baseline, bare bulkPut: ${seconds(bare)}`);
  console.log(`  ratio: ${(guarded / bare).toFixed(2)}×`);
}
