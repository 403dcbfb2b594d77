import { describe, expect, it } from 'vitest';
import { weekdayNames } from './week-hours';

describe('weekdayNames', () => {
  it('names ISO weekdays Monday first in the locale', () => {
    expect(weekdayNames('en-US')).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(weekdayNames('de-DE')[0]).toBe('Montag');
  });
});
