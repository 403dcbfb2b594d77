import { describe, expect, it } from 'vitest';
import { draftCheckInput } from './draft-check-input';
import type { DraftFields } from './draft-check-input';
import { planRepeat } from './repeat-plan';

const fields: DraftFields = { resourceIds: ['dr-a'], patientId: null, date: '2026-11-25', time: '10:00', duration: '30', timeZone: 'America/New_York', repeat: null };
const weekly = planRepeat({ kind: 'weekly', every: 1, weekdays: [], end: 'after', count: 3, until: '' }, '2026-11-25T10:00', 'America/New_York');

describe('draftCheckInput', () => {
  it('checks a single appointment with or without a patient', () => {
    expect(draftCheckInput(fields)).toEqual({ resourceIds: ['dr-a'], patientId: null, wallStart: '2026-11-25T10:00', timeZone: 'America/New_York', durationMinutes: 30 });
    expect(draftCheckInput({ ...fields, patientId: 'p1' })).toMatchObject({ patientId: 'p1' });
  });

  it('checks a series with the plan’s rule, and passes on what is being edited', () => {
    expect(draftCheckInput({ ...fields, repeat: weekly, excluding: { seriesId: 's1' } })).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3', excluding: { seriesId: 's1' } });
  });

  it('checks nothing while the form is incomplete or the repeat is refused', () => {
    expect(draftCheckInput({ ...fields, resourceIds: [] })).toBeNull();
    expect(draftCheckInput({ ...fields, time: '' })).toBeNull();
    expect(draftCheckInput({ ...fields, date: '' })).toBeNull();
    expect(draftCheckInput({ ...fields, duration: '' })).toBeNull();
    expect(draftCheckInput({ ...fields, duration: '7.5' })).toBeNull();
    const refused = planRepeat({ kind: 'weekly', every: 0, weekdays: [], end: 'after', count: 3, until: '' }, '2026-11-25T10:00', 'America/New_York');
    expect(refused.ok).toBe(false);
    expect(draftCheckInput({ ...fields, repeat: refused })).toBeNull();
  });
});
