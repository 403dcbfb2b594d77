import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, isoDateTime, isoInstant } from './iso-text';

// Every millisecond Date can hold, with the years 0000–9999 (the fast range) and their edges most of the time.
const anyMs = fc.oneof(
  fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
  fc.constantFrom(-62_167_219_200_001, -62_167_219_200_000, -1, 0, 1, 253_402_300_799_999, 253_402_300_800_000),
  fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }),
);

describe('ISO text', () => {
  it('is exactly what Date#toISOString writes, for any instant', () => {
    fc.assert(
      fc.property(anyMs, (ms) => {
        const text = new Date(ms).toISOString();
        expect(isoInstant(ms)).toBe(text);
        expect(isoDateTime(ms)).toBe(text.slice(0, 19));
        expect(isoDate(ms)).toBe(text.slice(0, 10));
      }),
      { numRuns: 20_000 },
    );
  });

  it('fails as toISOString does on a value that is no instant', () => {
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
    expect(() => isoDate(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
