import { z } from 'zod';
import type { TimedeskDb } from '../../core/db';
import { readSyncState, shareClinicRecords } from '../../core/sync';
import type { FetchLike } from '../../core/sync';
import { randomId } from '../data/app-database';

/**
 * This desk's enrollment with a clinic's sync server, kept in the local
 * database's `syncState` table under the key `enrollment` (beside core/sync's
 * own `sync` row, which core/sync reads by key only). The token is what the
 * server asked for once; it never leaves this computer except to that server.
 */
export const enrollmentSchema = z.object({
  key: z.literal('enrollment'),
  serverUrl: z.string().url(),
  token: z.string().min(1),
  clinicId: z.string().min(1),
  clinicName: z.string(),
  deviceId: z.string().min(1),
  /** Epoch ms. */
  enrolledAt: z.number(),
});

/** A stored enrollment; see {@link enrollmentSchema}. */
export type Enrollment = z.infer<typeof enrollmentSchema>;

/** Why enrolling failed: the server's kebab-case code (or `network-unreachable`, `unexpected-response`) and the field it names. */
export class EnrollError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: 'serverUrl' | 'code' | null,
  ) {
    super(message);
    this.name = 'EnrollError';
  }
}

const enrollAnswerSchema = z.object({ token: z.string().min(1), clinicId: z.string().min(1), clinicName: z.string().optional(), deviceId: z.string().min(1) });

// The enrollment row shares `syncState` with core/sync's row; Dexie's typed table only knows that one.
function enrollmentTable(db: TimedeskDb) {
  return db.table<unknown, string>('syncState');
}

/**
 * The stored enrollment, or null when this desk is not enrolled (or the row
 * does not parse, which is treated as not enrolled).
 *
 * @example (await readEnrollment(db))?.serverUrl // 'http://127.0.0.1:8787'
 */
export async function readEnrollment(db: TimedeskDb): Promise<Enrollment | null> {
  const parsed = enrollmentSchema.safeParse(await enrollmentTable(db).get('enrollment'));
  return parsed.success ? parsed.data : null;
}

/**
 * Forgets the enrollment (the "Disconnect" action). Queued changes stay in
 * the outbox, so enrolling again with the same server sends them.
 *
 * @example await forgetEnrollment(db);
 */
export async function forgetEnrollment(db: TimedeskDb): Promise<void> {
  await enrollmentTable(db).delete('enrollment');
}

/**
 * Normalises what the person typed as the server's address: a bare
 * `host:port` gets `http://`, trailing slashes go; anything that is not an
 * http(s) URL is refused naming the `serverUrl` field.
 *
 * @example serverBaseUrl('127.0.0.1:8787/') // 'http://127.0.0.1:8787'
 */
export function serverBaseUrl(typed: string): string {
  const trimmed = typed.trim();
  const withScheme = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new EnrollError('invalid-server-url', 'Type the sync server address, like https://sync.example.org.', 'serverUrl');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || trimmed === '') {
    throw new EnrollError('invalid-server-url', 'Type the sync server address, like https://sync.example.org.', 'serverUrl');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** What {@link enrollDesk} needs. */
export interface EnrollInput {
  db: TimedeskDb;
  serverUrl: string;
  code: string;
  deviceId: string;
  deviceName: string;
  fetch: FetchLike;
  now: number;
}

/**
 * Enrolls this desk (`POST /v1/enroll`, server/PROTOCOL.md) and stores the
 * token, replacing any earlier enrollment. The device id is the local
 * database's own, because every push names it and the server checks it
 * against the token. This is the set-up desk's way in (Settings → Sync), so
 * it tells the server the desk holds its own clinic: a clinic another desk
 * already set up refuses it (`clinic-already-set-up`, beside the code). Once
 * accepted, a desk that has never pulled (its sync cursor is still the
 * initial one) queues the clinic settings, staff and passphrase credentials
 * once more (core/sync `shareClinicRecords`), so a desk set up before they
 * synced still lets its staff sign in on the desks that join later. A desk
 * that has synced before (re-enrolling after losing its token) shares
 * nothing: its copies may be older than the clinic's (a passphrase reset or
 * a deactivation on another desk), and push runs before pull.
 *
 * @example await enrollDesk({ db, serverUrl: '127.0.0.1:8787', code: '7K3QD-M2XWP-0RTVA', deviceId, deviceName: 'Front desk 1', fetch, now: Date.now() });
 */
export async function enrollDesk(input: EnrollInput): Promise<Enrollment> {
  const enrollment = await requestEnrollment({ ...input, deskSetUp: true });
  if ((await readSyncState(input.db)).cursor === null) await shareClinicRecords({ db: input.db, clock: () => input.now, newId: randomId });
  await enrollmentTable(input.db).put(enrollment);
  return enrollment;
}

/**
 * Asks the server for a device token (`POST /v1/enroll`) WITHOUT storing
 * it: "Join your clinic" stores it only together with the pulled clinic
 * (core/sync `joinClinic`), so a failed join leaves nothing behind.
 * `deskSetUp` says whether this desk already holds a clinic of its own.
 * Refusals are {@link EnrollError}s naming the field to fix.
 *
 * @example const enrollment = await requestEnrollment({ serverUrl, code, deviceId, deviceName: 'Front desk 2', deskSetUp: false, fetch, now: Date.now() });
 */
export async function requestEnrollment(input: Omit<EnrollInput, 'db'> & { deskSetUp: boolean }): Promise<Enrollment> {
  const serverUrl = serverBaseUrl(input.serverUrl);
  const code = input.code.trim();
  if (code === '') throw new EnrollError('required', 'Type the enrollment code your administrator gave you.', 'code');
  let status: number;
  let text: string;
  try {
    const response = await input.fetch(`${serverUrl}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ code, deviceId: input.deviceId, deviceName: input.deviceName.trim() || 'Front desk', deskSetUp: input.deskSetUp }),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw new EnrollError('network-unreachable', `No answer from ${serverUrl}: ${error instanceof Error ? error.message : String(error)}`, 'serverUrl');
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // An answer that is not JSON (a web page, another service): the address is wrong.
    throw new EnrollError('unexpected-response', 'That address answered, but not as a Timedesk sync server.', 'serverUrl');
  }
  if (status < 200 || status >= 300) {
    const envelope = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const code = typeof envelope?.code === 'string' ? envelope.code : `http-${status}`;
    const message = typeof envelope?.message === 'string' ? envelope.message : `The sync server answered ${status}.`;
    if (code === `http-${status}` && envelope === undefined) {
      // No Timedesk envelope at all (a 404 page, another service): the address is the thing to fix.
      throw new EnrollError('unexpected-response', 'That address answered, but not as a Timedesk sync server.', 'serverUrl');
    }
    throw new EnrollError(code, message, code === 'invalid-enrollment-code' || code === 'clinic-already-set-up' ? 'code' : null);
  }
  const answer = enrollAnswerSchema.safeParse(body);
  if (!answer.success) throw new EnrollError('unexpected-response', 'That address answered, but not as a Timedesk sync server.', 'serverUrl');
  return {
    key: 'enrollment',
    serverUrl,
    token: answer.data.token,
    clinicId: answer.data.clinicId,
    clinicName: answer.data.clinicName ?? '',
    deviceId: answer.data.deviceId,
    enrolledAt: input.now,
  };
}
