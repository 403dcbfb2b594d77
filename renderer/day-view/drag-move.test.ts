import { describe, expect, it } from 'vitest';
import { dragTarget } from './drag-move';

describe('dragTarget', () => {
  const booking = { start: 600, end: 630 }; // 10:00–10:30
  const scale = 24 / 15; // 15-minute slots, 24 px each

  it('moves by whole slots and keeps the length', () => {
    expect(dragTarget('move', booking, 48, scale, 15)).toEqual({ start: 630, durationMinutes: 30 });
    expect(dragTarget('move', booking, -30, scale, 15)).toEqual({ start: 585, durationMinutes: 30 });
    expect(dragTarget('move', booking, 5, scale, 15)).toBeNull(); // less than half a slot
  });

  it('changes the length at the end, never below one slot', () => {
    expect(dragTarget('resize', booking, 24, scale, 15)).toEqual({ start: 600, durationMinutes: 45 });
    expect(dragTarget('resize', booking, -200, scale, 15)).toEqual({ start: 600, durationMinutes: 15 });
    expect(dragTarget('resize', booking, -200, 24 / 5, 5)).toEqual({ start: 600, durationMinutes: 5 });
  });

  it('stays inside the day', () => {
    expect(dragTarget('move', booking, -10_000, scale, 15)).toEqual({ start: 0, durationMinutes: 30 });
    expect(dragTarget('move', booking, 10_000, scale, 15)).toEqual({ start: 1410, durationMinutes: 30 });
    expect(dragTarget('resize', booking, 10_000, scale, 15)).toEqual({ start: 600, durationMinutes: 840 });
  });
});
