import { badRequestFromZod } from '../http/api-error';
import type { ChangeRecord, Storage } from '../storage/storage';
import type { Clock, SyncAuth } from './sync-auth';
import { pullQuerySchema } from './wire-schemas';

/** The body of GET /v1/sync/pull. */
export interface PullResponse {
  changes: ChangeRecord[];
  /** The change number of the last change returned (or the cursor sent, when none), as text. */
  nextCursor: string;
  hasMore: boolean;
  serverTime: string;
  /** (added) The clinic's newest change number as this page was read: a joining desk's progress bar. */
  lastChange: number;
  /** (added) The clinic's desks and the names they enrolled under (never their token hashes), so conflicts name desks. */
  devices: { id: string; name: string }[];
}

/**
 * GET /v1/sync/pull as a plain function: the clinic's changes after the
 * cursor, in change order, one page at a time. `query` holds the raw query
 * strings (`after`, `limit`, `schema`); bad ones are a 400 naming the field.
 * (The HTTP route refuses desks older than schedule blocks first: desk-version.ts.)
 *
 * @example
 * const page = await readChanges(storage, auth, { after: '0', limit: '500' }, Date.now);
 * page.nextCursor // '500' when hasMore
 */
export async function readChanges(storage: Storage, auth: SyncAuth, query: unknown, clock: Clock): Promise<PullResponse> {
  const parsed = pullQuerySchema.safeParse(query ?? {}, { reportInput: true });
  if (!parsed.success) throw badRequestFromZod(parsed.error);
  const { after, limit } = parsed.data;
  // One row more than asked tells whether another page follows.
  const rows = await storage.readChanges(auth.clinicId, after, limit + 1);
  const changes = rows.slice(0, limit);
  const [clinic, devices] = await Promise.all([storage.getClinic(auth.clinicId), storage.listDevices(auth.clinicId)]);
  return {
    changes,
    nextCursor: String(changes.at(-1)?.change ?? after),
    hasMore: rows.length > limit,
    serverTime: new Date(clock()).toISOString(),
    // Read after the changes: never below the last change returned.
    lastChange: Math.max(clinic?.lastChange ?? 0, changes.at(-1)?.change ?? 0),
    devices: devices.map((device) => ({ id: device.id, name: device.name })),
  };
}
