import { describe, expect, it } from 'vitest';
import { errorsFor, fieldFor } from './field-errors';

describe('field errors', () => {
  it('puts a problem next to the field it names, or on the form when the form has no such field', () => {
    expect(fieldFor({ field: 'resourceIds.0' }, ['resourceIds'])).toBe('resourceIds');
    expect(fieldFor({ field: 'changes.phone' }, ['phone'])).toBe('phone');
    expect(fieldFor({ field: 'session' }, ['phone'])).toBe('form');
  });

  it('turns a refusal into the sentence for its field', () => {
    expect(errorsFor({ code: 'required', field: 'familyName', message: 'x' }, ['familyName'])).toEqual({ familyName: 'Family name is required.' });
    expect(errorsFor({ code: 'booking-conflict', message: 'x', hard: [], warnings: [] }, ['familyName'])).toEqual({});
  });
});
