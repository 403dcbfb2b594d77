import { describe, expect, it } from 'vitest';
import { needsBackupWarning } from './backup-warning';

const hour = 3_600_000;
const now = Date.parse('2026-12-07T09:00:00Z');

describe('needsBackupWarning', () => {
  it('warns a desk 24 h past its last verified backup (or its first run) that does not sync', () => {
    expect(needsBackupWarning({ now, firstRunAt: '2026-12-06T10:00:00.000Z', lastVerifiedAt: null, lastSyncAt: null })).toEqual({ warn: false });
    expect(needsBackupWarning({ now, firstRunAt: '2026-12-06T08:00:00.000Z', lastVerifiedAt: null, lastSyncAt: null })).toEqual({ warn: true, sinceMs: null });
    expect(needsBackupWarning({ now, firstRunAt: '2026-11-01T08:00:00.000Z', lastVerifiedAt: '2026-12-06T10:00:00.000Z', lastSyncAt: null })).toEqual({ warn: false });
    expect(needsBackupWarning({ now, firstRunAt: '2026-11-01T08:00:00.000Z', lastVerifiedAt: '2026-12-05T09:00:00.000Z', lastSyncAt: null })).toEqual({ warn: true, sinceMs: 48 * hour });
  });

  it('does not warn a desk that synced within the 24 h, and does once its sync is as old', () => {
    const old = { now, firstRunAt: '2026-11-01T08:00:00.000Z', lastVerifiedAt: null };
    expect(needsBackupWarning({ ...old, lastSyncAt: now - hour })).toEqual({ warn: false });
    expect(needsBackupWarning({ ...old, lastSyncAt: now - 25 * hour })).toMatchObject({ warn: true });
  });
});
