// liveQuery only runs where a global indexedDB exists (Dexie checks it before every query).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openTestAppData } from './test-app-data.fixture';
import { subscribeSharedLiveQuery } from './shared-live-query';
import type { LiveResult } from './useLiveQuery';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const values = (results: LiveResult<number>[]) => results.map((result) => (result.status === 'ready' ? result.value : result.status));

describe('subscribeSharedLiveQuery', () => {
  it('runs one query for every subscriber of a key and tells all of them about a change', async () => {
    const { db } = await openTestAppData();
    let runs = 0;
    const countPatients = () => {
      runs += 1;
      return db.patients.count();
    };
    const first: LiveResult<number>[] = [];
    const second: LiveResult<number>[] = [];
    const stopFirst = subscribeSharedLiveQuery(db, 'patients', countPatients, (result) => first.push(result));
    const stopSecond = subscribeSharedLiveQuery(db, 'patients', countPatients, (result) => second.push(result));
    await settle();
    expect(runs).toBe(1);
    await db.patients.put({ id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
    await settle();
    expect(runs).toBe(2);
    expect(values(first)).toEqual([0, 1]);
    expect(values(second)).toEqual([0, 1]);
    stopFirst();
    stopSecond();
  });

  it('hands a late subscriber the latest value at once', async () => {
    const { db } = await openTestAppData();
    const early: LiveResult<number>[] = [];
    const stopEarly = subscribeSharedLiveQuery(db, 'patients', () => db.patients.count(), (result) => early.push(result));
    await settle();
    const late: LiveResult<number>[] = [];
    const stopLate = subscribeSharedLiveQuery(db, 'patients', () => db.patients.count(), (result) => late.push(result));
    expect(values(late)).toEqual([0]);
    stopEarly();
    stopLate();
  });

  it('stops the query when the last subscriber leaves, and starts afresh for the next one', async () => {
    const { db } = await openTestAppData();
    let runs = 0;
    const query = () => {
      runs += 1;
      return db.patients.count();
    };
    const stop = subscribeSharedLiveQuery(db, 'patients', query, () => undefined);
    await settle();
    stop();
    await db.patients.put({ id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
    await settle();
    expect(runs).toBe(1);
    const again: LiveResult<number>[] = [];
    const stopAgain = subscribeSharedLiveQuery(db, 'patients', query, (result) => again.push(result));
    await settle();
    expect(values(again)).toEqual([1]);
    stopAgain();
  });

  it('never shares a key between two databases', async () => {
    const one = await openTestAppData();
    const other = await openTestAppData();
    await other.db.patients.put({ id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
    const seen: LiveResult<number>[] = [];
    const seenOther: LiveResult<number>[] = [];
    const stop = subscribeSharedLiveQuery(one.db, 'patients', () => one.db.patients.count(), (result) => seen.push(result));
    const stopOther = subscribeSharedLiveQuery(other.db, 'patients', () => other.db.patients.count(), (result) => seenOther.push(result));
    await settle();
    expect(values(seen)).toEqual([0]);
    expect(values(seenOther)).toEqual([1]);
    stop();
    stopOther();
  });
});
