import type { TimedeskDb } from '../db';
import { applyPulledPage } from './apply-pull';
import { backoffDelay, defaultBackoff } from './backoff';
import type { BackoffPolicy } from './backoff';
import { maxClockDriftMs } from './hlc';
import { pushOutbox } from './push-outbox';
import { readSyncState } from './sync-state';
import { renumberRestoredOutbox } from './restored-desk';
import { SyncTransportError } from './sync-transport';
import type { SyncTransport } from './sync-transport';

/** A timer source; injected so tests step time by hand. */
export interface SyncTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** What the status bar shows. `lastError.code` is kebab-case; the renderer turns it into words. */
export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  /** Mutations in the outbox, not yet acknowledged by the server. */
  pending: number;
  /** Mutations the server refused (listed in `syncRejections`). */
  rejected: number;
  /** Open double bookings (the "Needs attention" inbox). */
  openConflicts: number;
  /** Epoch ms of the last sync that pushed and pulled everything. */
  lastSyncAt: number | null;
  lastError: { code: string; message: string } | null;
  /** This desk's clock minus the server's (ms); positive when the desk is ahead. */
  clockSkewMs: number | null;
  /** True when the skew exceeds {@link SyncClientOptions.clockWarningMs}: show a banner, keep working. */
  clockWarning: boolean;
  /** Consecutive failed attempts (0 after a success). */
  failures: number;
  /** When the next automatic attempt is due (epoch ms), or null. */
  nextAttemptAt: number | null;
  /**
   * Set when the server refused this desk's audit entries (409
   * `audit-chain-broken`: the local log no longer continues what the server
   * holds — edited, removed or restored from an old copy). Data keeps
   * syncing; the audit entries stay here for an administrator to look at.
   */
  auditRefused: { seq: number | null; message: string } | null;
  /**
   * Conflicts the server reported for this desk's own mutations in the
   * latest run (push answers `conflict`): the receptionist who just booked
   * is told at once; the records themselves arrive with the pull.
   */
  newConflictIds: string[];
}

/** Everything the client needs, injected (core/ reads no clock, timer or network of its own). */
export interface SyncClientOptions {
  db: TimedeskDb;
  transport: SyncTransport;
  /** "Now" as epoch ms. */
  clock: () => number;
  /** [0, 1), for backoff jitter. */
  random: () => number;
  onStatus?: (status: SyncStatus) => void;
  /** The platform's setTimeout/clearTimeout unless given. */
  timers?: SyncTimers;
  /** Whether the network is up at start (default true); then {@link SyncClient.setOnline}. */
  online?: boolean;
  /** Mutations per push (≤ 100, protocol v1). */
  batchSize?: number;
  /** Audit entries per push (≤ 1000). */
  auditBatchSize?: number;
  /** Changes per pull page (1–1000). */
  pullLimit?: number;
  backoff?: BackoffPolicy;
  /** How often to sync when nothing else triggers it (ms; 0: never). */
  pollIntervalMs?: number;
  /** Skew beyond which `clockWarning` is raised (default 5 minutes, the HLC's drift limit). */
  clockWarningMs?: number;
}

/** The running client. */
export interface SyncClient {
  /** The latest status (also sent to `onStatus` on every change). */
  status(): SyncStatus;
  /** The network came up or went down. Going online syncs at once; offline cancels pending attempts and makes no calls. */
  setOnline(online: boolean): void;
  /**
   * Pushes the whole outbox, then pulls every page; resolves true when both
   * finished. Concurrent calls share the running attempt (and it runs once
   * more if asked meanwhile). Never rejects: failures land in `lastError`
   * and schedule a retry with backoff. Offline it only refreshes the counts
   * in the status (call it after each command either way).
   */
  syncNow(): Promise<boolean>;
  /** Stops timers; later calls do nothing. */
  stop(): void;
}

const platformTimers: SyncTimers = {
  set: (callback, ms) => (globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown }).setTimeout(callback, ms),
  clear: (handle) => (globalThis as unknown as { clearTimeout(handle: unknown): void }).clearTimeout(handle),
};

/**
 * The sync client loop (issue 6 part 4): drains the outbox in order in
 * batches, pulls and applies changes page by page, retries failures with
 * exponential backoff and jitter, tracks online/offline and the desk's clock
 * skew. See README.md for the guarantees and why they hold.
 *
 * @example
 * const sync = createSyncClient({ db, transport: createHttpTransport({ baseUrl, token, fetch }), clock: Date.now, random: Math.random,
 *   onStatus: (status) => statusBar.set(status), online: navigator.onLine });
 * window.addEventListener('online', () => sync.setOnline(true));
 * // after each command: void sync.syncNow();
 */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { db, transport, clock, random } = options;
  const timers = options.timers ?? platformTimers;
  const batchSize = Math.min(100, options.batchSize ?? 100);
  const auditBatchSize = Math.min(1000, options.auditBatchSize ?? 500);
  const pullLimit = Math.min(1000, options.pullLimit ?? 500);
  const policy = options.backoff ?? defaultBackoff;
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  const clockWarningMs = options.clockWarningMs ?? maxClockDriftMs;

  let status: SyncStatus = {
    online: options.online ?? true,
    syncing: false,
    pending: 0,
    rejected: 0,
    openConflicts: 0,
    lastSyncAt: null,
    lastError: null,
    clockSkewMs: null,
    clockWarning: false,
    failures: 0,
    nextAttemptAt: null,
    auditRefused: null,
    newConflictIds: [],
  };
  let running: Promise<boolean> | null = null;
  let again = false;
  let timer: unknown = null;
  let stopped = false;
  // A push that shrank after a 413 stays small from then on (mutations; audit entries shrink per run).
  let currentBatch = batchSize;

  function publish(patch: Partial<SyncStatus>): void {
    status = { ...status, ...patch };
    options.onStatus?.(status);
  }

  async function refreshCounts(): Promise<void> {
    const [pending, rejected, openConflicts, state] = await db.transaction('r', db.outbox, db.syncRejections, db.conflicts, db.syncState, () =>
      Promise.all([db.outbox.count(), db.syncRejections.count(), db.conflicts.where('status').equals('open').count(), readSyncState(db)]),
    );
    publish({ pending, rejected, openConflicts, lastSyncAt: state.lastSyncAt, ...skewPatch(state.clockSkewMs) });
  }

  function skewPatch(clockSkewMs: number | null): Pick<SyncStatus, 'clockSkewMs' | 'clockWarning'> {
    return { clockSkewMs, clockWarning: clockSkewMs !== null && Math.abs(clockSkewMs) > clockWarningMs };
  }

  function schedule(ms: number): void {
    cancelTimer();
    if (stopped || !status.online) return;
    publish({ nextAttemptAt: clock() + ms });
    timer = timers.set(() => {
      timer = null;
      void syncNow();
    }, ms);
  }

  function cancelTimer(): void {
    if (timer !== null) timers.clear(timer);
    timer = null;
    if (status.nextAttemptAt !== null) publish({ nextAttemptAt: null });
  }

  async function pushAll(): Promise<void> {
    // Each run offers the audit entries again (an administrator may have repaired the server's copy).
    let auditLimit = auditBatchSize;
    let auditRefused: SyncStatus['auditRefused'] = null;
    const newConflictIds: string[] = [];
    for (;;) {
      let outcome;
      try {
        outcome = await pushOutbox(db, transport, { mutations: currentBatch, audit: auditLimit }, clock());
      } catch (error) {
        if (error instanceof SyncTransportError && error.status === 413 && (currentBatch > 1 || auditLimit > 1)) {
          currentBatch = Math.max(1, Math.floor(currentBatch / 2));
          auditLimit = Math.max(Math.min(auditLimit, 1), Math.floor(auditLimit / 2));
          continue;
        }
        if (error instanceof SyncTransportError && error.code === 'sequence-gap') {
          // A desk restored from a backup may reuse numbers the server already holds (core/sync restored-desk.ts).
          const results = error.details?.['results'];
          if (await renumberRestoredOutbox(db, error.details?.['expected'], Array.isArray(results) ? results.length : 0)) continue;
        }
        if (error instanceof SyncTransportError && error.code === 'audit-chain-broken' && auditLimit > 0) {
          // The schedule must not be held hostage by the log: push the data without audit entries, and say so.
          const seq = error.details?.['seq'];
          auditRefused = { seq: typeof seq === 'number' ? seq : null, message: error.message };
          auditLimit = 0;
          continue;
        }
        throw error;
      }
      if (!outcome) {
        publish({ auditRefused, newConflictIds });
        return;
      }
      for (const result of outcome.results) if (result.status === 'conflict' && result.conflictId !== undefined) newConflictIds.push(result.conflictId);
      await refreshCounts();
      if (outcome.acknowledged === 0 && outcome.auditAcknowledged === 0) {
        // The server answered but took nothing: stop rather than resend in a loop.
        throw new SyncTransportError(200, 'push-not-acknowledged', 'The sync server acknowledged none of the changes sent.');
      }
    }
  }

  async function pullAll(): Promise<void> {
    for (;;) {
      const { cursor } = await readSyncState(db);
      const sentAt = clock();
      const page = await transport.pull(cursor ?? '0', pullLimit);
      const receivedAt = clock();
      // NTP-style: the server read its clock about halfway through the round trip.
      const clockSkewMs = Math.round((sentAt + receivedAt) / 2 - Date.parse(page.serverTime));
      await applyPulledPage(db, page, { clockSkewMs });
      publish(skewPatch(clockSkewMs));
      if (!page.hasMore || page.changes.length === 0) return;
    }
  }

  async function attempt(): Promise<boolean> {
    publish({ syncing: true });
    try {
      await pushAll();
      await pullAll();
      const lastSyncAt = clock();
      await db.transaction('rw', db.syncState, async () => {
        await db.syncState.put({ ...(await readSyncState(db)), lastSyncAt });
      });
      await refreshCounts();
      publish({ syncing: false, lastError: null, failures: 0 });
      if (pollIntervalMs > 0) schedule(pollIntervalMs);
      return true;
    } catch (error) {
      const failures = status.failures + 1;
      const described = describe(error);
      await refreshCounts().catch(() => undefined);
      publish({ syncing: false, lastError: described, failures });
      // A token the server does not accept will not start working by itself: wait for the user (re-enroll) or the next setOnline/syncNow.
      const needsPerson = error instanceof SyncTransportError && (error.status === 401 || error.status === 403);
      if (!needsPerson) schedule(backoffDelay(failures, random, policy, error instanceof SyncTransportError ? error.retryAfterMs : undefined));
      return false;
    }
  }

  function syncNow(): Promise<boolean> {
    if (stopped) return Promise.resolve(false);
    // Offline: no network call, but the counts still follow local changes (the status bar's "3 pending").
    if (!status.online) return refreshCounts().then(() => false, () => false);
    if (running) {
      again = true;
      return running;
    }
    cancelTimer();
    running = (async () => {
      let ok = await attempt();
      while (ok && again && status.online && !stopped) {
        again = false;
        ok = await attempt();
      }
      again = false;
      running = null;
      return ok;
    })();
    return running;
  }

  void refreshCounts().catch(() => undefined);

  return {
    status: () => status,
    setOnline(online) {
      if (online === status.online) return;
      publish({ online });
      if (online) void syncNow();
      else cancelTimer();
    },
    syncNow,
    stop() {
      stopped = true;
      cancelTimer();
    },
  };
}

/** A failure as the status bar shows it: a kebab-case code and words. */
function describe(error: unknown): { code: string; message: string } {
  if (error instanceof SyncTransportError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'sync-failed', message: error.message };
  return { code: 'sync-failed', message: String(error) };
}
