import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/audit';
import { text } from '../i18n';
import { auditRow } from './audit-row';
import { entryRecord } from './entry-summary';

const entry: AuditEntry = {
  id: 'e7',
  seq: 7,
  deviceId: 'desk-1',
  appVersion: '0.1.0',
  at: '2026-11-25T14:30:00.000Z',
  actor: { kind: 'staff', staffId: 's1', displayName: 'Ana Front', role: 'front_desk' },
  action: 'RESOURCE_SAVED',
  entityType: 'availability',
  entityId: 'h1',
  patientId: null,
  changes: {
    resourceId: { before: null, after: 'r1' },
    weekday: { before: null, after: 2 },
    start: { before: null, after: '09:00' },
    end: { before: null, after: '13:00' },
    capacity: { before: 1, after: 2 },
  },
  reason: null,
  outcome: 'success',
  mutationId: null,
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
} as AuditEntry;

describe('auditRow', () => {
  it('keeps what the columns show: key, actor, changed field names, and the same record text as the entry', () => {
    const row = auditRow(entry);
    expect(row).toMatchObject({ key: 'desk-1:7', at: entry.at, actorName: 'Ana Front', action: 'RESOURCE_SAVED', patientId: null, outcome: 'success', reason: null });
    expect(row.changedFields).toBe('capacity, end, resourceId, start, weekday');
    const names = new Map([['r1', 'Dr Carter']]);
    const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    expect(entryRecord(row, names, weekdays)).toBe(entryRecord(entry, names, weekdays));
    expect(entryRecord(row, names, weekdays)).toBe('Dr Carter Tuesday 09:00–13:00');
  });

  it('drops the hashes and the changes the list never shows', () => {
    const row = auditRow(entry);
    expect(Object.keys(row.changes).sort()).toEqual(['end', 'resourceId', 'start', 'weekday']);
    expect(JSON.stringify(row)).not.toContain('1'.repeat(64));
    expect(row).not.toHaveProperty('capacity');
  });

  it('names a system actor as the system and a staff member by role', () => {
    expect(auditRow({ ...entry, actor: { kind: 'system', systemId: 'sync', displayName: 'Sync' } } as AuditEntry).actorTitle).toBe(text.auditViewer.system);
    expect(auditRow(entry).actorTitle).toBe(text.roles.front_desk);
  });
});
