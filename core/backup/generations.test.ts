import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from './backup-file-name';
import type { NamedBackup } from './backup-file-name';
import { planRetention } from './generations';

function daily(fromIso: string, days: number, hourUtc = 8): NamedBackup[] {
  const start = Date.parse(fromIso);
  return Array.from({ length: days }, (_, index) => {
    const createdAt = new Date(start + index * 86_400_000 + hourUtc * 3_600_000).toISOString();
    return parseBackupFileName(backupFileName('North Street', createdAt, 'scheduled'))!;
  });
}

describe('backup file names', () => {
  it('round-trip and ignore other files', () => {
    const name = backupFileName('Clínica São José / Norte', '2026-12-05T08:02:00.000Z', 'on-quit');
    expect(name).toBe('timedesk-clinica-sao-jose-norte-20261205T080200000Z-on-quit.tdbackup');
    expect(parseBackupFileName(name)).toEqual({ name, createdAt: '2026-12-05T08:02:00.000Z', kind: 'on-quit' });
    expect(parseBackupFileName(`${name}.partial`)).toBeNull();
    expect(parseBackupFileName('holiday-photos.jpg')).toBeNull();
    expect(parseBackupFileName('timedesk-x-20261205T080200000Z-sideways.tdbackup')).toBeNull();
  });
});

describe('planRetention', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly generations of a year of daily backups', () => {
    const backups = daily('2026-01-01T00:00:00.000Z', 400);
    const plan = planRetention(backups, 'Europe/London');
    const kept = plan.keep.map((name) => parseBackupFileName(name)!.createdAt.slice(0, 10));
    // Newest first: the last 7 days, then the newest of older weeks, then of older months.
    expect(kept.slice(0, 7)).toEqual(['2027-02-04', '2027-02-03', '2027-02-02', '2027-02-01', '2027-01-31', '2027-01-30', '2027-01-29']);
    expect(kept).toContain('2027-01-24'); // Sunday ending the week before (ISO weeks start on Monday)
    expect(kept).toContain('2026-12-31'); // newest of December
    expect(kept).toContain('2026-03-31'); // the 12th month back
    expect(kept).not.toContain('2026-02-28');
    expect(plan.keep.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(plan.keep.length + plan.remove.length).toBe(400);
  });

  it('counts days in the clinic\'s zone, not UTC', () => {
    // 23:30 UTC on 1 March is already 2 March in Sydney: two backups that day there, one per UTC day.
    const backups = ['2026-03-01T23:30:00.000Z', '2026-03-02T10:00:00.000Z'].map((at) => parseBackupFileName(backupFileName('X', at, 'scheduled'))!);
    expect(planRetention(backups, 'Australia/Sydney', { daily: 1, weekly: 0, monthly: 0, beforeRestore: 0 }).keep).toHaveLength(1);
    expect(planRetention(backups, 'UTC', { daily: 2, weekly: 0, monthly: 0, beforeRestore: 0 }).keep).toHaveLength(2);
  });

  it('keeps the newest pre-restore copies apart and always the newest backup', () => {
    const safety = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04'].map((day) => parseBackupFileName(backupFileName('X', `${day}T09:00:00.000Z`, 'before-restore'))!);
    const plan = planRetention(safety, 'UTC', { daily: 0, weekly: 0, monthly: 0, beforeRestore: 3 });
    expect(plan.remove).toEqual([safety[0]!.name]);
    expect(planRetention(safety.slice(0, 1), 'UTC', { daily: 0, weekly: 0, monthly: 0, beforeRestore: 0 }).keep).toEqual([safety[0]!.name]);
  });
});
