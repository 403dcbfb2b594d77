import { describe, expect, it } from 'vitest';
import { occurrenceId, parseSeriesOccurrence } from './occurrence';
import { validationResult } from './validation-result';

const valid = {
  id: 's1:20250310T090000',
  seriesId: 's1',
  originalStart: '2025-03-10T09:00',
  wallStart: '2025-03-10T09:00',
  timeZone: 'America/New_York',
  start: '2025-03-10T13:00:00.000Z',
  end: '2025-03-10T13:30:00.000Z',
  durationMinutes: 30,
  resourceIds: ['dr-lee'],
  patientId: 'p1',
  status: 'booked',
};

describe('occurrenceId', () => {
  it('is the series id and the original start in basic form', () => {
    expect(occurrenceId('s1', '2025-03-10T09:00:00')).toBe('s1:20250310T090000');
  });
});

describe('parseSeriesOccurrence', () => {
  it('accepts an occurrence and normalises its wall times', () => {
    expect(parseSeriesOccurrence(valid)).toMatchObject({ originalStart: '2025-03-10T09:00:00', isException: false });
  });

  it('refuses an id that does not match series and original start', () => {
    expect(validationResult(() => parseSeriesOccurrence({ ...valid, id: 's1:20250311T090000' }))).toMatchObject({
      ok: false,
      problem: { code: 'invalid-format', field: 'id' },
    });
  });

  it('refuses an end that is not after the start', () => {
    expect(validationResult(() => parseSeriesOccurrence({ ...valid, end: valid.start }))).toMatchObject({
      ok: false,
      problem: { code: 'end-not-after-start', field: 'end' },
    });
  });
});
