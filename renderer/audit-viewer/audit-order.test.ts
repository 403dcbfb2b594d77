import { describe, expect, it } from 'vitest';
import { isNewer, withNewerOnTop } from './audit-order';

const entry = (at: string, seq: number, deviceId = 'desk-a') => ({ at: `2026-11-25T14:00:0${at}.000Z`, deviceId, seq });

describe('isNewer', () => {
  it('orders by time, then device, then seq', () => {
    expect(isNewer(entry('2', 1), entry('1', 9))).toBe(true);
    expect(isNewer(entry('1', 1, 'desk-b'), entry('1', 9, 'desk-a'))).toBe(true);
    expect(isNewer(entry('1', 3), entry('1', 2))).toBe(true);
    expect(isNewer(entry('1', 2), entry('1', 2))).toBe(false);
  });
});

describe('withNewerOnTop', () => {
  it('adds only entries newer than the top, newest first', () => {
    const shown = [entry('2', 2), entry('1', 1)];
    expect(withNewerOnTop(shown, [entry('4', 4), entry('3', 3), entry('2', 2)])).toEqual([entry('4', 4), entry('3', 3), entry('2', 2), entry('1', 1)]);
  });

  it('returns the same list when nothing is newer, and the fresh rows when nothing was shown', () => {
    const shown = [entry('2', 2)];
    expect(withNewerOnTop(shown, [entry('2', 2)])).toBe(shown);
    expect(withNewerOnTop([], [entry('1', 1)])).toEqual([entry('1', 1)]);
  });
});
