import { createCommandRunner } from '../commands';
import type { CommandArgs, CommandName, CommandRunner, CommandSession, CommandValue } from '../commands';
import { openTimedeskDb } from '../db';
import type { TimedeskDb, TimedeskDbOptions } from '../db';
import { countingBytes, freshStorage } from '../db/fake-database.fixture';

/**
 * Test support only: one front desk — its own fake-indexeddb database (kept
 * by `storage`, so a test can "restart the app" on the same data with
 * {@link reopenDesk}), a command runner with a settable clock and
 * predictable ids (prefixed by the desk's name, so desks never collide).
 */
export interface Desk {
  name: string;
  db: TimedeskDb;
  storage: Required<TimedeskDbOptions>;
  commands: CommandRunner;
  clock: { now: number };
  /** The id counter, shared across reopens so ids never repeat. */
  ids: { counter: number };
  must<Name extends CommandName>(name: Name, args: CommandArgs<Name>, session?: CommandSession): Promise<CommandValue<Name>>;
}

export const deskAdmin: CommandSession = { staffId: 'staff-admin', displayName: 'Alex Admin', role: 'admin' };
export const deskFrontDesk: CommandSession = { staffId: 'staff-desk', displayName: 'Dana Desk', role: 'front_desk' };

/**
 * What `joinClinic` needs besides the database and the transport, for its
 * CLINIC_JOINED entry: the desk's clock and ids, a server address and the desk's name.
 */
export function joinedAs(desk: Pick<Desk, 'name' | 'clock' | 'ids'>, server = 'https://sync.test') {
  return { clock: () => desk.clock.now, newId: () => `${desk.name}-join-${++desk.ids.counter}`, joined: { server, deskName: desk.name } };
}

/** Opens a new desk with an empty database (device id seeded from `seed`). */
export async function openDesk(name: string, seed: number, now = Date.UTC(2026, 0, 2, 12)): Promise<Desk> {
  return reopenDesk({ name, storage: freshStorage(`timedesk-${name}`), clock: { now }, ids: { counter: 0 } }, seed);
}

/** Opens (again) the database in `storage`, as an app restart would; ids keep counting from where the data is. */
export async function reopenDesk(previous: Pick<Desk, 'name' | 'storage' | 'clock' | 'ids'>, seed = 1): Promise<Desk> {
  const { db } = await openTimedeskDb({ ...previous.storage, appVersion: '0.1.0-test', now: previous.clock.now, randomBytes: countingBytes(seed) });
  const { ids } = previous;
  const commands = createCommandRunner({ db, clock: () => previous.clock.now, newId: () => `${previous.name}-${String(++ids.counter).padStart(6, '0')}` });
  return {
    name: previous.name,
    db,
    storage: previous.storage,
    commands,
    clock: previous.clock,
    ids,
    async must(name, args, session = deskAdmin) {
      const result = await commands.run(name, args, session);
      if (!result.ok) throw new Error(`${previous.name}: ${name} was refused: ${JSON.stringify(result.error)}`);
      return result.value;
    },
  };
}

/** Sets up the small New York clinic on one desk: Dr Lee and Room 1, weekday hours 08:00–18:00, patients p1 and p2. */
export async function setUpClinic(desk: Desk): Promise<void> {
  const { must } = desk;
  await desk.db.meta.put({ key: 'clinic', name: 'Test Clinic', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 5 });
  await must('resource/save', { id: 'dr-lee', kind: 'provider', name: 'Dr Lee', timeZone: 'America/New_York' });
  await must('resource/save', { id: 'room-1', kind: 'room', name: 'Room 1', timeZone: 'America/New_York' });
  for (const resourceId of ['dr-lee', 'room-1']) {
    // Monday to Friday 08:00–18:00, every week since Monday 6 January 2025.
    const block = { id: `hours-${resourceId}`, resourceId, kind: 'working', wallStart: '2025-01-06T08:00', wallEnd: '2025-01-06T18:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' } as const;
    await must('schedule/save-block', { block });
  }
  await must('patient/register', { id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' }, deskFrontDesk);
  await must('patient/register', { id: 'p2', givenName: 'Alan', familyName: 'Turing', dateOfBirth: '1912-06-23' }, deskFrontDesk);
}
