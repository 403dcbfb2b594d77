import { describe, expect, it } from 'vitest';
import { canEdit, editDraftFor } from './edit-draft';

describe('editDraftFor', () => {
  it('opens the dialog on the booking\'s own date, clock time, length and resources', () => {
    const booking = {
      id: 's1:20260112T093000',
      source: 'occurrence' as const,
      seriesId: 's1',
      originalStart: '2026-01-12T09:30:00',
      patientId: 'p1',
      wallStart: '2026-01-13T14:45:00',
      timeZone: 'America/New_York',
      durationMinutes: 45,
      resourceIds: ['dr-lee', 'room-1'],
      notes: 'Fasting',
    };
    const draft = editDraftFor(booking);
    expect(draft).toEqual({ date: '2026-01-13', minute: 14 * 60 + 45, durationMinutes: 45, resourceIds: ['dr-lee', 'room-1'], editing: booking });
    expect(draft.resourceIds).not.toBe(booking.resourceIds); // the dialog's ticks never change the day sheet's item
  });
});

describe('canEdit', () => {
  it('offers Edit for live bookings only', () => {
    expect(canEdit({ source: 'appointment', status: 'booked' })).toBe(true);
    expect(canEdit({ source: 'appointment', status: 'arrived' })).toBe(true); // its reason and notes
    expect(canEdit({ source: 'appointment', status: 'cancelled' })).toBe(false);
    expect(canEdit({ source: 'occurrence', status: 'booked' })).toBe(true);
    expect(canEdit({ source: 'occurrence', status: 'cancelled' })).toBe(false);
  });
});
