import { describe, expect, it } from 'vitest';
import { transition } from '../../core';
import type { Appointment } from '../../core';
import { editValues, mergeConcurrentEdit, sameValue, slotValues } from './concurrent-edit';
import { bookedAppointment } from './push-fixtures';

const base: Appointment = { ...bookedAppointment({ id: 'a1', resourceId: 'dr-lee', patientId: 'p1', wallStart: '2026-03-02T09:00' }), version: 7 };

/** The appointment moved to another wall time on the same day (London, winter: UTC). */
function movedTo(appointment: Appointment, time: string, at: string): Appointment {
  return { ...appointment, wallStart: `2026-03-02T${time}:00`, start: `2026-03-02T${time}:00.000Z`, end: `2026-03-02T${time.slice(0, 3)}30:00.000Z`, updatedAt: at, version: appointment.version + 1 };
}

function withStatus(appointment: Appointment, to: Appointment['status'], at: string, by: string): Appointment {
  const statusHistory = transition(appointment.statusHistory, to, { at, by, reason: to === 'cancelled' ? 'Patient called' : undefined });
  return { ...appointment, statusHistory, status: to, updatedAt: at, version: appointment.version + 1 };
}

const record = (value: Appointment) => value as unknown as Record<string, unknown>;

describe('mergeConcurrentEdit', () => {
  it('two desks moving the same appointment is a conflict: the stored time stays, the fields that differ are named', () => {
    const stored = movedTo(base, '10:00', '2026-03-01T09:00:00.000Z');
    const incoming = movedTo(base, '11:00', '2026-03-01T09:05:00.000Z');
    const merge = mergeConcurrentEdit('appointment', record(base), record(stored), record(incoming));
    expect(merge.conflictFields).toEqual(['end', 'start', 'wallStart']);
    expect(merge.data).toMatchObject({ wallStart: '2026-03-02T10:00:00', start: '2026-03-02T10:00:00.000Z', end: '2026-03-02T10:30:00.000Z' });
    expect(merge.changed).toBe(false);
  });

  it('cancel on one desk and check-in on the other is a conflict on status; the first-applied status and its history stay', () => {
    const stored = withStatus(base, 'cancelled', '2026-03-02T08:50:00.000Z', 'staff-a');
    const incoming = withStatus(base, 'arrived', '2026-03-02T08:55:00.000Z', 'staff-b');
    const merge = mergeConcurrentEdit('appointment', record(base), record(stored), record(incoming));
    expect(merge.conflictFields).toEqual(['status']);
    expect(merge.data['status']).toBe('cancelled');
    expect(merge.data['statusHistory']).toEqual(stored.statusHistory);
  });

  it('a move on one desk and a check-in on the other is a conflict too (arrived for which time?)', () => {
    const stored = movedTo(base, '10:00', '2026-03-01T09:00:00.000Z');
    const incoming = withStatus(base, 'arrived', '2026-03-02T08:55:00.000Z', 'staff-b');
    expect(mergeConcurrentEdit('appointment', record(base), record(stored), record(incoming)).conflictFields).toEqual(['end', 'start', 'status', 'wallStart']);
  });

  it('a slot changed on one side only merges in whole, with the other side’s note', () => {
    const stored = { ...base, notes: 'Bring X-rays', updatedAt: '2026-03-01T09:00:00.000Z', version: 8 };
    const incoming = movedTo(base, '11:00', '2026-03-01T09:05:00.000Z');
    const merge = mergeConcurrentEdit('appointment', record(base), record(stored), record(incoming));
    expect(merge.conflictFields).toEqual([]);
    expect(merge.changed).toBe(true);
    expect(merge.data).toMatchObject({ wallStart: '2026-03-02T11:00:00', start: '2026-03-02T11:00:00.000Z', end: '2026-03-02T11:30:00.000Z', notes: 'Bring X-rays', updatedAt: '2026-03-01T09:05:00.000Z' });
    // And the other way round: the stored move stays, the incoming note joins it.
    const noted = { ...base, notes: 'Wheelchair', updatedAt: '2026-03-01T09:10:00.000Z', version: 8 };
    const back = mergeConcurrentEdit('appointment', record(base), record(incoming), record(noted));
    expect(back.data).toMatchObject({ wallStart: '2026-03-02T11:00:00', notes: 'Wheelchair' });
    expect(back.conflictFields).toEqual([]);
  });

  it('words changed on both sides: the later push wins (a note, not a slot); a cleared note stays cleared', () => {
    const noted = { ...base, notes: 'Old note', visitReason: 'Check-up' };
    const stored = { ...noted, notes: 'Desk 1 note' };
    const { visitReason: _cleared, ...incoming } = { ...noted, notes: 'Desk 2 note' };
    const merge = mergeConcurrentEdit('appointment', record(noted), record(stored), incoming);
    expect(merge.conflictFields).toEqual([]);
    expect(merge.data['notes']).toBe('Desk 2 note');
    expect('visitReason' in merge.data).toBe(false);
  });

  it('both desks making the same change (both cancelled) is no conflict, though their histories differ', () => {
    const stored = withStatus(base, 'cancelled', '2026-03-02T08:50:00.000Z', 'staff-a');
    const incoming = withStatus(base, 'cancelled', '2026-03-02T08:51:00.000Z', 'staff-b');
    const merge = mergeConcurrentEdit('appointment', record(base), record(stored), record(incoming));
    expect(merge.conflictFields).toEqual([]);
    expect(merge.data['statusHistory']).toEqual(stored.statusHistory);
  });

  it('never carries the server’s syncConflict marker over (the booking check sets it again)', () => {
    const stored = { ...record(base), syncConflict: 'cf_1' };
    expect(mergeConcurrentEdit('appointment', record(base), stored, { ...record(base), notes: 'x' }).data).not.toHaveProperty('syncConflict');
  });

  it('series: a changed rule on both sides is a conflict; an exception’s reason is a word', () => {
    const series = { id: 's1', resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-03-02T09:00:00', timeZone: 'Europe/London', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10', exdates: [], rdates: [], version: 3, createdAt: 'x', updatedAt: 'x' };
    const merge = mergeConcurrentEdit('series', series, { ...series, rrule: 'FREQ=WEEKLY;COUNT=5' }, { ...series, durationMinutes: 45 });
    expect(merge.conflictFields).toEqual(['durationMinutes', 'rrule']);
    const exception = { id: 'e1', seriesId: 's1', originalStart: '2026-03-09T09:00:00', kind: 'cancelled', reason: 'Ill', version: 1, createdAt: 'x', updatedAt: 'x' };
    expect(mergeConcurrentEdit('seriesException', exception, { ...exception, reason: 'Away' }, { ...exception, reason: 'Holiday' })).toMatchObject({ conflictFields: [], data: { reason: 'Holiday' } });
  });

  it('slotValues keeps the slot and status for the conflict record, without the history', () => {
    expect(Object.keys(slotValues('appointment', record(base)))).toEqual(['durationMinutes', 'end', 'patientId', 'resourceIds', 'start', 'status', 'timeZone', 'wallStart']);
  });

  it('editValues keeps the words too, so the side that was not applied loses none of them', () => {
    expect(editValues('appointment', record({ ...base, notes: 'Wheelchair', visitReason: 'Check-up' }))).toMatchObject({ wallStart: base.wallStart, notes: 'Wheelchair', visitReason: 'Check-up' });
    expect(editValues('appointment', record(base))).not.toHaveProperty('statusHistory');
  });

  it('sameValue ignores key order (PostgreSQL jsonb reorders objects) but not array order or values', () => {
    expect(sameValue({ freq: 'WEEKLY', byday: ['MO', 'WE'] }, { byday: ['MO', 'WE'], freq: 'WEEKLY' })).toBe(true);
    expect(sameValue({ byday: ['MO', 'WE'] }, { byday: ['WE', 'MO'] })).toBe(false);
    expect(sameValue({ count: 5 }, { count: 5, until: '2026-07-01' })).toBe(false);
  });
});

describe('mergeConcurrentEdit for a contact consent', () => {
  const at = '2026-03-01T09:00:00.000Z';
  const asked = { id: 'p1', patientId: 'p1', emailAllowed: true, smsAllowed: false, preferredChannel: 'email', optedOut: false, recordedBy: 's1', recordedAt: at, version: 3, createdAt: at, updatedAt: at };

  it('who asked and when go with the answer, never compared: the same answer from two staff members is no conflict and keeps the stored one’s name', () => {
    const stored = { ...asked, smsAllowed: true, recordedBy: 's2', recordedAt: '2026-03-01T10:00:00.000Z' };
    const incoming = { ...asked, smsAllowed: true, recordedBy: 's3', recordedAt: '2026-03-01T10:05:00.000Z' };
    const merge = mergeConcurrentEdit('contactConsent', asked, stored, incoming);
    expect(merge.conflictFields).toEqual([]);
    expect(merge.data).toMatchObject({ smsAllowed: true, recordedBy: 's2', recordedAt: '2026-03-01T10:00:00.000Z' });
  });

  it('an answer changed on one side only comes in whole, with who recorded it', () => {
    const incoming = { ...asked, optedOut: true, optOutReason: 'No messages', recordedBy: 's3', recordedAt: '2026-03-01T10:05:00.000Z' };
    const merge = mergeConcurrentEdit('contactConsent', asked, asked, incoming);
    expect(merge.conflictFields).toEqual([]);
    expect(merge.data).toMatchObject({ optedOut: true, optOutReason: 'No messages', recordedBy: 's3' });
  });

  it('an opt-out on one side and texts allowed on the other is a conflict on the fields that differ', () => {
    const stored = { ...asked, smsAllowed: true, recordedBy: 's2' };
    const incoming = { ...asked, optedOut: true, optOutReason: 'No messages', recordedBy: 's3' };
    expect(mergeConcurrentEdit('contactConsent', asked, stored, incoming).conflictFields).toEqual(['optedOut', 'smsAllowed']);
  });
});
