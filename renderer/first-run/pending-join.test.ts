import { describe, expect, it } from 'vitest';
import { hasPendingJoin, savePendingJoin, takePendingJoin } from './pending-join';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('pending join', () => {
  it('keeps the form across one reload and hands it back once', () => {
    const storage = memoryStorage();
    expect(hasPendingJoin(storage)).toBe(false);
    savePendingJoin(storage, { serverUrl: 'https://sync.clinic.example', code: 'ABCD', deskName: 'Front desk 2' });
    expect(hasPendingJoin(storage)).toBe(true);
    expect(takePendingJoin(storage)).toEqual({ serverUrl: 'https://sync.clinic.example', code: 'ABCD', deskName: 'Front desk 2' });
    expect(takePendingJoin(storage)).toBeNull();
  });

  it('drops what does not parse', () => {
    const storage = memoryStorage();
    storage.setItem('timedesk.pending-join', '{"serverUrl":1}');
    expect(takePendingJoin(storage)).toBeNull();
    expect(hasPendingJoin(storage)).toBe(false);
  });
});
