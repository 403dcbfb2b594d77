/**
 * The IndexedDB harness page: the same core/db + core/commands code the app
 * runs, on Chromium's real IndexedDB. The spec drives it through
 * `window.timedeskHarness` with page.evaluate and gets plain data back.
 */
import type { DBCore, Middleware } from 'dexie';
import { liveQuery } from 'dexie';
import { verifyAuditChain, verifyAuditCsv } from '../../core/audit';
import { setPassphrase, signIn } from '../../core/auth';
import { createCommandRunner, exportAuditLog } from '../../core/commands';
import type { CommandSession } from '../../core/commands';
import { openTimedeskDb, readDevice } from '../../core/db';
import type { TimedeskDb } from '../../core/db';
import { newId } from '../../core/model';
import { calendarRange, dayRange } from '../../core/queries';

const manager: CommandSession = { staffId: 'staff-manager', displayName: 'Morgan Manager', role: 'manager' };
const frontDesk: CommandSession = { staffId: 'staff-desk', displayName: 'Dana Desk', role: 'front_desk' };
const randomBytes = (count: number) => crypto.getRandomValues(new Uint8Array(count));

/** Throws on writes to `outbox` while armed: a transaction failing half-way, after the change and its audit entry. */
const outboxFailure = {
  armed: false,
  middleware: {
    stack: 'dbcore',
    name: 'harness-fail-outbox',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'outbox') return table;
          return { ...table, mutate: (request) => (outboxFailure.armed ? Promise.reject(new Error('Injected outbox failure')) : table.mutate(request)) };
        },
      };
    },
  } satisfies Middleware<DBCore>,
};

let db: TimedeskDb | undefined;

function environment() {
  if (!db) throw new Error('call setup() first');
  return { db, clock: () => Date.now(), newId: () => newId(randomBytes), randomBytes };
}

function runner() {
  return createCommandRunner(environment());
}

const admin: CommandSession = { staffId: 'staff-admin', displayName: 'Alex Admin', role: 'admin' };

async function snapshot() {
  if (!db) throw new Error('call setup() first');
  const audit = await db.audit.orderBy('[deviceId+seq]').toArray();
  return {
    appointments: await db.appointments.toArray(),
    bookings: await db.bookings.toArray(),
    audit,
    outbox: await db.outbox.orderBy('deviceSeq').toArray(),
    device: await readDevice(db),
    chain: verifyAuditChain(audit),
  };
}

const harness = {
  /** Opens a fresh database (unique name) with a provider, weekday hours and a patient. */
  async setup() {
    const opened = await openTimedeskDb({ name: `harness-${newId(randomBytes)}`, appVersion: '0.1.0-e2e', now: Date.now() });
    db = opened.db;
    db.close();
    db.use(outboxFailure.middleware);
    await db.open();
    const commands = runner();
    const must = async (result: Promise<{ ok: boolean }>) => {
      const settled = await result;
      if (!settled.ok) throw new Error(JSON.stringify(settled));
    };
    await must(commands.run('resource/save', { id: 'dr-lee', kind: 'provider', name: 'Dr Lee', timeZone: 'America/New_York' }, manager));
    await must(commands.run('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'working', wallStart: '2025-01-06T08:00', wallEnd: '2025-01-06T18:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' } }, manager));
    await must(commands.run('patient/register', { id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' }, frontDesk));
    await must(commands.run('patient/register', { id: 'p2', givenName: 'Alan', familyName: 'Turing', dateOfBirth: '1912-06-23' }, frontDesk));
    return opened.device.deviceId;
  },

  /** Books through the command wrapper and returns the command's result. */
  book(patientId: string, wallStart: string) {
    return runner().run('appointment/book', { resourceIds: ['dr-lee'], patientId, wallStart, timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
  },

  snapshot,

  /** Tries to delete and to edit the first audit entry; returns the error names (both must fail). */
  async tamper() {
    if (!db) throw new Error('call setup() first');
    const first = await db.audit.orderBy('[deviceId+seq]').first();
    if (!first) throw new Error('no audit entries');
    const errors: string[] = [];
    await db.audit.delete([first.deviceId, first.seq]).catch((error: Error) => errors.push(error.name));
    await db.audit.update([first.deviceId, first.seq], { reason: 'rewritten' }).catch((error: Error) => errors.push(error.name));
    return errors;
  },

  /**
   * Staff sign-in on the real platform: the passphrase is hashed with
   * WebCrypto's PBKDF2 (600,000 iterations) outside the transaction, then
   * the verdict and its audit entry are written in one. Returns the
   * outcomes and the actions the log gained.
   */
  async signInRoundTrip() {
    const env = environment();
    const saved = await runner().run('staff/save', { id: 'staff-jo', displayName: 'Jo Smith', username: 'jo.smith', role: 'front_desk' }, admin);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const set = await setPassphrase(env, admin, 'staff-jo', 'correct horse battery');
    if (!set.ok) throw new Error(JSON.stringify(set.error));
    const seqBefore = (await readDevice(env.db)).auditSeq;
    const wrong = await signIn(env, 'jo.smith', 'wrong horse battery');
    const right = await signIn(env, 'jo.smith', 'correct horse battery');
    const added = await env.db.audit.where('[deviceId+seq]').above([(await readDevice(env.db)).deviceId, seqBefore]).toArray();
    return { wrong, right, actions: added.map((entry) => entry.action), credential: await env.db.staffCredentials.get('staff-jo') };
  },

  /** A liveQuery over the day sheet, then a booking: returns the item counts the subscriber saw. */
  async liveDay(wallStart: string) {
    const env = environment();
    const seen: number[] = [];
    const day = dayRange(wallStart.slice(0, 10), 'America/New_York');
    const subscription = liveQuery(() => calendarRange(env.db, { resourceIds: ['dr-lee'], ...day })).subscribe((items) => seen.push(items.length));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await harness.book('p1', wallStart);
    await new Promise((resolve) => setTimeout(resolve, 200));
    subscription.unsubscribe();
    return seen;
  },

  /** Exports the stored log as a manager; returns the manifest, the file's own verification and the last action. */
  async exportAudit() {
    const env = environment();
    const chunks: string[] = [];
    const result = await exportAuditLog(env, { staffId: 'staff-manager', displayName: 'Morgan Manager', role: 'manager' }, { fileName: 'audit.csv', write: (chunk) => void chunks.push(chunk) });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const verified = await verifyAuditCsv(chunks, { manifest: result.value.manifest });
    const last = await env.db.audit.orderBy('[deviceId+seq]').last();
    return { manifest: result.value.manifest, chain: result.value.chain, verified, lastAction: last?.action, bom: chunks[0]?.startsWith('\uFEFF') };
  },

  /** Books with the outbox write failing half-way; returns the error message. */
  async bookWithFailingOutbox(patientId: string, wallStart: string) {
    outboxFailure.armed = true;
    try {
      await harness.book(patientId, wallStart);
      return 'no error';
    } catch (error) {
      return (error as Error).message;
    } finally {
      outboxFailure.armed = false;
    }
  },
};

declare global {
  interface Window {
    timedeskHarness: typeof harness;
  }
}

window.timedeskHarness = harness;
document.querySelector('#status')!.textContent = 'ready';
