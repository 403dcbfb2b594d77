import type { DBCore, Middleware } from 'dexie';
import { openFakeDatabase } from '../db/fake-database.fixture';
import type { TimedeskDb } from '../db';
import type { AuditEntry } from '../audit';
import { createCommandRunner } from './handlers';
import type { CommandArgs, CommandName, CommandRunner, CommandValue } from './handlers';
import type { CommandSession } from './session';

/**
 * Test support only: a fresh fake-indexeddb database with a command runner,
 * a settable clock, predictable ids, three signed-in staff members and a
 * small clinic (Dr Lee and Room 1 in New York, weekday hours 08:00–18:00,
 * patients p1 and p2).
 */
export const frontDesk: CommandSession = { staffId: 'staff-desk', displayName: 'Dana Desk', role: 'front_desk' };
export const manager: CommandSession = { staffId: 'staff-manager', displayName: 'Morgan Manager', role: 'manager' };
export const admin: CommandSession = { staffId: 'staff-admin', displayName: 'Alex Admin', role: 'admin' };

export interface CommandFixture {
  db: TimedeskDb;
  commands: CommandRunner;
  clock: { now: number };
  /** Runs a command and fails the test if it was refused. */
  must<Name extends CommandName>(name: Name, args: CommandArgs<Name>, session?: CommandSession): Promise<CommandValue<Name>>;
}

/**
 * Opens an empty database with a runner; `now` is 2026-01-02 12:00 UTC unless given.
 *
 * @example const { commands, must, clock } = await commandFixture();
 */
export async function commandFixture(now = Date.UTC(2026, 0, 2, 12)): Promise<CommandFixture> {
  const { db } = await openFakeDatabase('0.1.0-test', now);
  const clock = { now };
  let counter = 0;
  const commands = createCommandRunner({ db, clock: () => clock.now, newId: () => `id-${String(++counter).padStart(4, '0')}` });
  return {
    db,
    commands,
    clock,
    async must(name, args, session = admin) {
      const result = await commands.run(name, args, session);
      if (!result.ok) throw new Error(`${name} was refused: ${JSON.stringify(result.error)}`);
      return result.value;
    },
  };
}

/**
 * A fixture with the small New York clinic set up.
 *
 * @example const { must } = await clinicFixture(); await must('appointment/book', { … }, frontDesk);
 */
export async function clinicFixture(now?: number): Promise<CommandFixture> {
  const fixture = await commandFixture(now);
  const { must } = fixture;
  await fixture.db.meta.put({ key: 'clinic', name: 'Test Clinic', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 5 });
  await must('resource/save', { id: 'dr-lee', kind: 'provider', name: 'Dr Lee', timeZone: 'America/New_York' });
  await must('resource/save', { id: 'room-1', kind: 'room', name: 'Room 1', timeZone: 'America/New_York' });
  for (const resourceId of ['dr-lee', 'room-1']) {
    // Monday to Friday 08:00–18:00, every week since Monday 6 January 2025.
    const block = { id: `hours-${resourceId}`, resourceId, kind: 'working', wallStart: '2025-01-06T08:00', wallEnd: '2025-01-06T18:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' } as const;
    await must('schedule/save-block', { block });
  }
  await must('patient/register', { id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' }, frontDesk);
  await must('patient/register', { id: 'p2', givenName: 'Alan', familyName: 'Turing', dateOfBirth: '1912-06-23', phone: '555 0101' }, frontDesk);
  return fixture;
}

/** A failure injector: a DBCore middleware plus the switch that arms it. */
export type WriteFailure = Middleware<DBCore> & {
  armed: boolean;
  /** Re-aims the injector at the `nth` write to `tableName` from now on (and arms it). */
  aim(tableName: string, nth?: number): void;
};

/**
 * A DBCore middleware that throws on the Nth write to one table, to make a
 * command's transaction fail half-way. Register it, reopen, then arm it
 * (or use {@link injectWriteFailures}, which does all three).
 *
 * @example const failure = failOnWrite('outbox'); db.close(); db.use(failure); await db.open(); failure.armed = true;
 */
export function failOnWrite(tableName: string, nth = 1): WriteFailure {
  let seen = 0;
  let target = { tableName, nth };
  const middleware: WriteFailure = {
    armed: false,
    stack: 'dbcore' as const,
    name: 'fail-on-write',
    aim(tableName, nth = 1) {
      target = { tableName, nth };
      seen = 0;
      middleware.armed = true;
    },
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(request) {
              if (middleware.armed && name === target.tableName && ++seen === target.nth) return Promise.reject(new Error(`Injected failure writing ${name}`));
              return table.mutate(request);
            },
          };
        },
      };
    },
  };
  return middleware;
}

/**
 * Installs a disarmed {@link failOnWrite} on an open database (Dexie takes
 * middleware only while closed, so it closes and reopens it).
 *
 * @example const failure = await injectWriteFailures(db); failure.aim('audit'); await expect(run()).rejects.toThrow(/Injected/);
 */
export async function injectWriteFailures(db: TimedeskDb): Promise<WriteFailure> {
  const failure = failOnWrite('', 1);
  db.close();
  db.use(failure);
  await db.open();
  return failure;
}

/**
 * Every row of every table, for "nothing changed" comparisons.
 *
 * @example expect(await dumpDatabase(db)).toEqual(before);
 */
export async function dumpDatabase(db: TimedeskDb): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

/**
 * {@link dumpDatabase} without what a refused command leaves on purpose: its
 * `refused` audit entries (core/commands refusal-audit.ts) and the chain
 * counters they advance in the device row. A refusal must leave the rest as
 * it was.
 *
 * @example const before = await dumpStoredState(db); await commands.run(…refused…); expect(await dumpStoredState(db)).toEqual(before);
 */
export async function dumpStoredState(db: TimedeskDb): Promise<Record<string, unknown[]>> {
  const dump = await dumpDatabase(db);
  dump['audit'] = (dump['audit'] as AuditEntry[]).filter((entry) => entry.outcome !== 'refused');
  dump['meta'] = (dump['meta'] as Record<string, unknown>[]).map((row) => {
    if (row['key'] !== 'device') return row;
    const { auditSeq: _seq, auditHead: _head, ...rest } = row;
    return rest;
  });
  return dump;
}

/** The audit entries of refused attempts, oldest first. */
export async function refusedEntries(db: TimedeskDb): Promise<AuditEntry[]> {
  return (await db.audit.orderBy('[deviceId+seq]').toArray()).filter((entry) => entry.outcome === 'refused');
}

/**
 * Writes straight to the IndexedDB `audit` store, below Dexie's middleware
 * (so past the append-only guard): what someone with the disk could do.
 *
 * @example await rawAudit(db, (store) => store.put({ ...entry, reason: 'rewritten' }));
 */
export function rawAudit(db: TimedeskDb, change: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.backendDB().transaction('audit', 'readwrite');
    change(transaction.objectStore('audit'));
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
}
