import { describe, expect, it } from 'vitest';
import { nextStep } from './status-keys';

describe('nextStep', () => {
  it('offers the usual next step of a visit, and none once it is over', () => {
    expect(nextStep('booked')).toBe('arrived');
    expect(nextStep('arrived')).toBe('in_room');
    expect(nextStep('in_room')).toBe('completed');
    expect(nextStep('completed')).toBeUndefined();
    expect(nextStep('no_show')).toBeUndefined();
  });
});
