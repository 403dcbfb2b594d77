import { describe, expect, it } from 'vitest';
import { instantSchema, instantToMs, msToInstant } from './instant';
import { parseWith } from './zod-to-validation';
import { validationResult } from './validation-result';

describe('instants', () => {
  it('normalises to milliseconds and Z', () => {
    expect(parseWith(instantSchema, '2025-03-09T07:30:00Z')).toBe('2025-03-09T07:30:00.000Z');
    expect(msToInstant(instantToMs('2025-03-09T07:30:00.5Z') ?? NaN)).toBe('2025-03-09T07:30:00.500Z');
  });

  it.each(['2025-03-09T07:30:00+01:00', '2025-03-09T07:30:00', '2025-02-30T07:30:00Z', '2025-03-09 07:30:00Z', ''])('refuses %j', (text) => {
    expect(instantToMs(text)).toBeUndefined();
    expect(validationResult(() => parseWith(instantSchema, text, 'createdAt'))).toMatchObject({
      ok: false,
      problem: { field: 'createdAt' },
    });
  });
});
