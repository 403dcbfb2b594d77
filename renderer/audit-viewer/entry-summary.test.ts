import { describe, expect, it } from 'vitest';
import { changedFields, entrySubject } from './entry-summary';

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
