import { describe, expect, it } from 'vitest';
import { nextStep, statusForKey } from './status-keys';

describe('status keys', () => {
  it('maps A R C N X to the statuses, either case', () => {
    expect(['a', 'R', 'c', 'N', 'x'].map(statusForKey)).toEqual(['arrived', 'in_room', 'completed', 'no_show', 'cancelled']);
    expect(statusForKey('q')).toBeUndefined();
  });

  it('offers the usual next step of a visit, and none once it is over', () => {
    expect(nextStep('booked')).toBe('arrived');
    expect(nextStep('arrived')).toBe('in_room');
    expect(nextStep('in_room')).toBe('completed');
    expect(nextStep('completed')).toBeUndefined();
    expect(nextStep('no_show')).toBeUndefined();
  });
});
