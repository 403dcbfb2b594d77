import { describe, expect, it } from 'vitest';
import { pendingEnrollmentKey, savePendingEnrollment, takePendingEnrollment } from './pending-enrollment';

/** sessionStorage's three methods over a Map. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('pending enrollment across the desktop reload', () => {
  it('is taken exactly once', () => {
    const storage = memoryStorage();
    const form = { serverUrl: 'https://sync.clinic.example', code: '7K3QD-M2XWP-0RTVA', deskName: 'Front desk 1' };
    savePendingEnrollment(storage, form);
    expect(takePendingEnrollment(storage)).toEqual(form);
    expect(takePendingEnrollment(storage)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it.each([
    ['not JSON', '{'],
    ['the wrong shape', JSON.stringify({ serverUrl: 'https://sync.clinic.example' })],
    ['an extra key', JSON.stringify({ serverUrl: 'https://sync.clinic.example', code: 'x', deskName: 'd', token: 't' })],
  ])('drops %s instead of enrolling with it', (_name, text) => {
    const storage = memoryStorage();
    storage.setItem(pendingEnrollmentKey, text);
    expect(takePendingEnrollment(storage)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('refuses to keep a form without a code', () => {
    expect(() => savePendingEnrollment(memoryStorage(), { serverUrl: 'https://sync.clinic.example', code: '', deskName: 'd' })).toThrow();
  });
});
