import { z } from 'zod';
import { defineCommand, nobodySignedIn, runCommand } from '../commands';
import type { TimedeskDb } from '../db';
import { ValidationError } from '../validation';
import { applyPulledPage } from './apply-pull';
import type { PullResponse, SyncTransport } from './sync-transport';

/** How far a join has come: changes copied so far, of about `total` (null until the server says). */
export interface JoinProgress {
  changes: number;
  total: number | null;
}

/** What {@link joinClinic} needs. */
export interface JoinClinicOptions {
  db: TimedeskDb;
  /** A transport already holding this desk's fresh device token. */
  transport: SyncTransport;
  /** Changes per page (1–1000, default 500). */
  pageSize?: number;
  onProgress?: (progress: JoinProgress) => void;
  /**
   * Rows to put into `syncState` in the same transaction as the clinic —
   * the renderer's enrollment (server address and token) — so the desk is
   * either joined and enrolled, or neither.
   */
  alsoStore?: readonly { key: string }[];
  /** For the `CLINIC_JOINED` audit entry written with the clinic: "now" (epoch ms) and fresh ids. */
  clock: () => number;
  newId: () => string;
  /** Who the desk joined, for that entry: the server's address and the name this desk enrolled under. */
  joined: { server: string; deskName: string };
}

/** What a completed join copied: pulled changes, the records they left, and the staff accounts. */
export interface JoinOutcome {
  changes: number;
  records: number;
  staff: number;
}

const joinActor = { kind: 'system' as const, systemId: 'join-clinic', displayName: 'Join your clinic' };

/**
 * The join's own audit entry. `sync: false`: the copied records are the
 * server's already, so there is no mutation to queue — the entry goes to the
 * server with this desk's audit chain on the first push, like any other.
 */
const recordJoin = defineCommand({
  args: z.object({ server: z.string().min(1), deskName: z.string().trim().min(1), records: z.number().int().min(0), staff: z.number().int().min(0) }),
  sync: false,
  async run(scope, args) {
    scope.audit({
      action: 'CLINIC_JOINED',
      actor: joinActor,
      entityType: 'clinic',
      entityId: scope.device.deviceId,
      changes: {
        server: { before: null, after: args.server },
        deskName: { before: null, after: args.deskName },
        records: { before: null, after: args.records },
        staff: { before: null, after: args.staff },
      },
    });
    return { ok: true, value: null };
  },
});

/**
 * Copies a whole clinic from its sync server onto a fresh desk ("Join your
 * clinic"): pulls every page of the clinic's change log first — nothing is
 * written while the network is in use — then writes all of it (clinic
 * settings, resources, hours, closures, staff and their passphrase hashes,
 * patients, appointments, series, conflicts, desk names), the cursor,
 * `alsoStore` and a `CLINIC_JOINED` audit entry (system actor `join-clinic`:
 * the server, the desk name, the records and staff accounts copied) in ONE
 * transaction. A failure anywhere (connection lost,
 * storage error) leaves the desk exactly as it was, still fresh, so trying
 * again is safe; the same token may be used again.
 *
 * Refused with a `ValidationError`: a desk that already holds staff
 * (`not-permitted`, field `setup`: it has its own clinic; joining would mix
 * two), and a server clinic with no staff member holding a passphrase yet
 * (`unknown-entity`, field `clinic`: nobody could sign in; connect the
 * clinic's first desk and let it sync). Transport failures are thrown as they come
 * (`SyncTransportError`).
 *
 * @example
 * const joined = await joinClinic({ db, transport, onProgress: ({ changes, total }) => bar.set(changes, total), alsoStore: [enrollment], clock: Date.now, newId, joined: { server: 'https://sync.clinic.example', deskName: 'Front desk 2' } });
 * joined.staff // 4 — the sign-in screen comes next
 */
export async function joinClinic(options: JoinClinicOptions): Promise<JoinOutcome> {
  const { db, transport } = options;
  await refuseSetUpDesk(db);
  const pageSize = Math.min(1000, Math.max(1, options.pageSize ?? 500));
  const pages: PullResponse[] = [];
  let cursor = '0';
  let changes = 0;
  options.onProgress?.({ changes: 0, total: null });
  for (;;) {
    const page = await transport.pull(cursor, pageSize);
    pages.push(page);
    changes += page.changes.length;
    cursor = page.nextCursor;
    options.onProgress?.({ changes, total: page.lastChange ?? null });
    if (!page.hasMore) break;
  }
  // Someone must be able to sign in afterwards: a staff member with a passphrase.
  const live = { staff: new Set<string>(), staffCredential: new Set<string>() };
  // The records the log leaves standing (a record put, moved and put again is one), for the audit entry.
  const records = new Set<string>();
  for (const page of pages) {
    for (const change of page.changes) {
      const key = `${change.entity}\u0000${change.id}`;
      if (change.op === 'put') records.add(key);
      else records.delete(key);
      if (change.entity !== 'staff' && change.entity !== 'staffCredential') continue;
      if (change.op === 'put') live[change.entity].add(change.id);
      else live[change.entity].delete(change.id);
    }
  }
  if (![...live.staff].some((id) => live.staffCredential.has(id))) {
    throw new ValidationError(
      'unknown-entity',
      'clinic',
      'The clinic on this server has no staff accounts yet: connect its first desk to the server (Settings → Sync) and let it sync, then join.',
    );
  }
  // Every table: the audit entry's command runs nested in this transaction, and a command spans them all.
  const staff = await db.transaction('rw', db.tables, async () => {
    // Checked again inside: a first run finished in another window meanwhile must not be mixed with the pulled clinic.
    await refuseSetUpDesk(db);
    for (const page of pages) await applyPulledPage(db, page, { clockSkewMs: null });
    for (const row of options.alsoStore ?? []) await db.syncState.put(row as never);
    const staff = await db.staff.count();
    const recorded = await runCommand(
      { db, clock: options.clock, newId: options.newId },
      'sync/join-clinic',
      recordJoin as never,
      { ...options.joined, records: records.size, staff },
      nobodySignedIn,
    );
    // Refused only for an empty desk name or address (the form checks both first): throwing rolls the copied clinic back with it.
    if (!recorded.ok) throw new Error(`The join could not be recorded in the audit log: ${recorded.error.message}`);
    return staff;
  });
  return { changes, records: records.size, staff };
}

async function refuseSetUpDesk(db: TimedeskDb): Promise<void> {
  if ((await db.staff.count()) > 0) {
    throw new ValidationError('not-permitted', 'setup', 'This desk already holds a clinic. Join a clinic only from a desk that has not been set up.');
  }
}
