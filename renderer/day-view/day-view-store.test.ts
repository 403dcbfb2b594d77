import { describe, expect, it } from 'vitest';
import { defaultPreferences, readPreferences } from './day-view-store';

describe('readPreferences', () => {
  it('keeps sensible saved choices', () => {
    expect(readPreferences(JSON.stringify({ layout: 'agenda', kind: 'room', slotMinutes: 30, dayStartMinute: 480, dayEndMinute: 1020, showCancelled: true }))).toEqual({
      layout: 'agenda',
      weekResourceId: null,
      kind: 'room',
      slotMinutes: 30,
      dayStartMinute: 480,
      dayEndMinute: 1020,
      showCancelled: true,
    });
    expect(readPreferences(JSON.stringify({ layout: 'month', weekResourceId: 'dr-lee' }))).toMatchObject({ layout: 'month', weekResourceId: 'dr-lee' });
  });

  it('falls back to defaults for nonsense, a broken store or nothing stored', () => {
    expect(readPreferences(JSON.stringify({ layout: 'year', kind: 'equipment', slotMinutes: 7, dayStartMinute: 900, dayEndMinute: 600 }))).toEqual(defaultPreferences);
    expect(readPreferences('{not json')).toEqual(defaultPreferences);
    expect(readPreferences(null)).toEqual(defaultPreferences);
  });
});
