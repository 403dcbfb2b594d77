import { randomBytes } from '@noble/hashes/utils.js';
import { testRecipient } from '../backup/backup-file.fixture';
import type { BackupRecipient } from '../backup';
import { admin, clinicFixture, frontDesk, type CommandFixture } from '../commands/commands.fixture';
import type { TimedeskDb } from '../db';
import type { MemoryTarget } from './memory-target';
import { runBackup, type BackupRunResult } from './run-backup';

/** The passphrase every fixture backup is encrypted to. */
export const passphrase = 'correct horse battery staple';

/** The clinic fixture with staff rows (so the desk counts as set up), bookings and a series. */
export async function bookedClinic(): Promise<CommandFixture & { recipient: BackupRecipient }> {
  const fixture = await clinicFixture();
  for (const member of [admin, frontDesk]) {
    await fixture.db.staff.put({ id: member.staffId, displayName: member.displayName, username: member.staffId, role: member.role, active: true });
  }
  for (let day = 5; day <= 9; day += 1) {
    await fixture.must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: `2026-01-0${day}T09:00`, timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
  }
  await fixture.must('series/create', { resourceIds: ['room-1'], patientId: 'p2', dtstart: '2026-03-02T10:00', timeZone: 'America/New_York', durationMinutes: 45, rrule: 'FREQ=WEEKLY;COUNT=8' }, frontDesk);
  return { ...fixture, recipient: await testRecipient(passphrase) };
}

/** Backs the database up into `target` (small segments, so every table spans several chunks). */
export function backUp(db: TimedeskDb, recipient: BackupRecipient, target: MemoryTarget, now = Date.UTC(2026, 0, 10, 8, 2)): Promise<BackupRunResult> {
  return runBackup({ db, recipient, kind: 'manual', now, clock: () => now + 1000, appVersion: '0.1.0-test', targets: [target], randomBytes, rowsPerSegment: 3 });
}

/** Every table's rows, for before/after comparisons. */
export async function dumpTables(db: TimedeskDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}
