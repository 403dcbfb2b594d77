import { describe, expect, it } from 'vitest';
import { idSchema, isId, newId } from './ids';
import { parseWith } from './zod-to-validation';
import { validationResult } from './validation-result';

describe('ids', () => {
  it('accepts letters, digits, _ : - up to 64 characters', () => {
    expect(isId('apt_01:a-b')).toBe(true);
    expect(isId('x'.repeat(64))).toBe(true);
    expect(isId('x'.repeat(65))).toBe(false);
    expect(isId('room 1')).toBe(false);
    expect(isId('')).toBe(false);
    expect(isId(42)).toBe(false);
  });

  it('names the problem', () => {
    expect(validationResult(() => parseWith(idSchema, 'a/b', 'patientId'))).toMatchObject({ ok: false, problem: { code: 'invalid-format', field: 'patientId' } });
    expect(validationResult(() => parseWith(idSchema, '', 'patientId'))).toMatchObject({ ok: false, problem: { code: 'required', field: 'patientId' } });
  });

  it('makes a 32-character hex id from the bytes it is given', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, index) => index * 17);
    const id = newId(() => bytes);
    expect(id).toBe('00112233445566778899aabbccddeeff');
    expect(isId(id)).toBe(true);
  });

  it('refuses too few random bytes rather than making a weak id', () => {
    expect(() => newId(() => new Uint8Array(8))).toThrow(/16 random bytes/);
  });
});
