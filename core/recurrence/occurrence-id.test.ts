import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrenceId } from '../model';
import { ValidationError } from '../validation';
import { occurrenceIdFor, parseOccurrenceId } from './occurrence-id';

describe('occurrence ids', () => {
  it('is the series id and the compact original start, whatever way the start was written', () => {
    expect(occurrenceIdFor('s1', '2025-03-10T09:00')).toBe('s1:20250310T090000');
    expect(occurrenceIdFor('s1', '2025-03-10T09:00:00')).toBe('s1:20250310T090000');
    // The same id core/model checks occurrences against.
    expect(occurrenceIdFor('series_7', '2025-11-02T01:30:00')).toBe(occurrenceId('series_7', '2025-11-02T01:30:00'));
  });

  it('parses back, even when the series id itself contains ":"', () => {
    expect(parseOccurrenceId('clinic:s1:20250310T090000')).toEqual({ seriesId: 'clinic:s1', originalStart: '2025-03-10T09:00:00' });
  });

  it('round-trips every series id and wall time', () => {
    const seriesIds = fc.stringMatching(/^[A-Za-z0-9_:-]{1,64}$/);
    const wallTimes = fc
      .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 19));
    fc.assert(
      fc.property(seriesIds, wallTimes, (seriesId, originalStart) => {
        const id = occurrenceIdFor(seriesId, originalStart);
        expect(parseOccurrenceId(id)).toEqual({ seriesId, originalStart });
        expect(occurrenceIdFor(seriesId, originalStart)).toBe(id);
      }),
    );
  });

  it('refuses what is not an occurrence id', () => {
    for (const text of ['s1', 's1:2025-03-10T09:00', ':20250310T090000', 's 1:20250310T090000', 's1:20250230T090000', 's1:20250310T250000']) {
      expect(() => parseOccurrenceId(text), text).toThrow(ValidationError);
    }
    expect(() => occurrenceIdFor('s1', '2025-02-30T09:00')).toThrow(ValidationError);
    expect(() => occurrenceIdFor('bad id', '2025-03-10T09:00')).toThrow(ValidationError);
  });
});
