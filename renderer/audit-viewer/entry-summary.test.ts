import { describe, expect, it } from 'vitest';
import { changedFields, entryRecord, entrySubject } from './entry-summary';

describe('entrySubject', () => {
  it('names the record from its saved name, else its reason', () => {
    expect(entrySubject({ changes: { kind: { before: null, after: 'room' }, name: { before: null, after: 'Room 9' } } })).toBe('Room 9');
    expect(entrySubject({ changes: { displayName: { before: 'Jo', after: 'Jo Smith' } } })).toBe('Jo Smith');
    expect(entrySubject({ changes: { reason: { before: null, after: 'Thanksgiving' } } })).toBe('Thanksgiving');
  });

  it('has nothing to say for entries without a name', () => {
    expect(entrySubject({ changes: {} })).toBeUndefined();
    expect(entrySubject({ changes: { capacity: { before: 1, after: 2 } } })).toBeUndefined();
  });
});

describe('changedFields', () => {
  it('lists the changed fields sorted', () => {
    expect(changedFields({ changes: { name: { before: 'a', after: 'b' }, capacity: { before: 1, after: 2 } } })).toEqual(['capacity', 'name']);
  });
});

describe('entryRecord', () => {
  const names = new Map([
    ['r1', 'Dr Carter'],
    ['s1', 'Fran Desk'],
  ]);

  it('names hours by their resource and times, removed ones too', () => {
    const saved = { entityType: 'availability', entityId: 'a1', changes: { resourceId: { before: null, after: 'r1' }, start: { before: null, after: '09:00' }, end: { before: null, after: '13:00' } } };
    expect(entryRecord(saved, names)).toBe('Dr Carter 09:00–13:00');
    const removed = { entityType: 'availability', entityId: 'a1', changes: { resourceId: { before: 'r1', after: null }, start: { before: '09:00', after: null }, end: { before: '13:00', after: null } } };
    expect(entryRecord(removed, names)).toBe('Dr Carter 09:00–13:00');
    const tuesday = { ...saved, changes: { ...saved.changes, weekday: { before: null, after: 2 } } };
    expect(entryRecord(tuesday, names, ['Monday', 'Tuesday'])).toBe('Dr Carter Tuesday 09:00–13:00');
  });

  it('names a staff member by id when the entry has no name (a passphrase change), else falls back to the kind', () => {
    expect(entryRecord({ entityType: 'staff', entityId: 's1', changes: { passphrase: { before: null, after: 'changed' } } }, names)).toBe('Fran Desk');
    expect(entryRecord({ entityType: 'day-sheet', entityId: '2026-11-25', changes: {} }, names)).toBe('Day sheet');
    expect(entryRecord({ entityType: 'occurrence', entityId: 's1:2026-11-05T16:30', changes: {} }, names)).toBe('Series visit');
    expect(entryRecord({ entityType: 'a-kind-from-a-newer-desk', entityId: 'x', changes: {} }, names)).toBe('a-kind-from-a-newer-desk');
    expect(entryRecord({ entityType: 'resource', entityId: 'x', changes: { name: { before: null, after: 'Room 9' } } }, names)).toBe('Room 9');
  });
});
