import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openTimedeskDb } from './open-database';
import type { TimedeskDbOptions } from './timedesk-db';

/**
 * Test support only: storage options for a brand-new in-memory IndexedDB
 * (fake-indexeddb), so every test starts from an empty database and no test
 * sees another's rows. Never imported by production code.
 *
 * @example const { db } = await openTimedeskDb({ ...freshStorage(), appVersion: '0.1.0', now: 0 });
 */
export function freshStorage(name = 'timedesk-test'): Required<TimedeskDbOptions> {
  return { name, indexedDB: new IDBFactory(), IDBKeyRange };
}

/**
 * Seeded bytes, so device ids are reproducible in tests.
 *
 * @example newId(countingBytes(1)) // '0102030405060708090a0b0c0d0e0f10'
 */
export function countingBytes(seed = 1): (count: number) => Uint8Array {
  let next = seed;
  return (count) => Uint8Array.from({ length: count }, () => next++ & 0xff);
}

/**
 * A freshly opened test database with a reproducible device id.
 *
 * @example const { db, device } = await openFakeDatabase();
 */
export function openFakeDatabase(appVersion = '0.1.0-test', now = Date.UTC(2026, 10, 25, 9)) {
  return openTimedeskDb({ ...freshStorage(), appVersion, now, randomBytes: countingBytes() });
}
