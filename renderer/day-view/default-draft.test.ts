import { describe, expect, it } from 'vitest';
import { defaultDraftMinute } from './default-draft';

describe('defaultDraftMinute', () => {
  it('starts at the next quarter hour today and at 09:00 on other days', () => {
    expect(defaultDraftMinute(601, 420, 1140)).toBe(615);
    expect(defaultDraftMinute(600, 420, 1140)).toBe(600);
    expect(defaultDraftMinute(null, 420, 1140)).toBe(540);
  });

  it('stays inside the shown hours', () => {
    expect(defaultDraftMinute(1200, 420, 1140)).toBe(1125);
    expect(defaultDraftMinute(30, 420, 1140)).toBe(420);
    expect(defaultDraftMinute(null, 600, 1140)).toBe(600);
  });
});
