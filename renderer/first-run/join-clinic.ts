import { ValidationError } from '../../core';
import type { TimedeskDb } from '../../core/db';
import { SyncTransportError, createHttpTransport, joinClinic } from '../../core/sync';
import type { FetchLike, JoinProgress } from '../../core/sync';
import { randomId } from '../data/app-database';
import { EnrollError, requestEnrollment } from '../sync/enrollment';
import type { Enrollment } from '../sync/enrollment';

/** The "Join your clinic" form. */
export interface JoinForm {
  serverUrl: string;
  code: string;
  deskName: string;
}

/** What {@link joinThisDesk} needs besides the form. */
export interface JoinEnvironment {
  db: TimedeskDb;
  deviceId: string;
  fetch: FetchLike;
  now: number;
  onProgress?: (progress: JoinProgress) => void;
  /**
   * A token this desk already received for the same server in an earlier
   * attempt whose copy failed: tried again without using up a new code.
   */
  held?: Enrollment | null;
}

/** The fields of the join form a problem can be shown beside (`form`: under the whole form). */
export type JoinField = 'serverUrl' | 'code' | 'deskName' | 'form';

/**
 * Why joining failed: a kebab-case code (the renderer's words are keyed by
 * it), the field to show it beside, and — when the server had already
 * enrolled this desk — the enrollment, so "Try again" needs no new code.
 */
export class JoinError extends Error {
  override readonly name = 'JoinError';
  constructor(
    readonly code: string,
    message: string,
    readonly field: JoinField,
    readonly held: Enrollment | null,
  ) {
    super(message);
  }
}

/**
 * Joins this fresh desk to a clinic that is already set up on another desk:
 * enrolls with the code as a desk WITHOUT a clinic of its own (the token is
 * not stored yet), then copies the whole clinic with core/sync's
 * `joinClinic`, which stores the clinic and the enrollment in one
 * transaction. Afterwards the live first-run check finds staff and the
 * sign-in screen appears; existing staff sign in with their own usernames
 * and passphrases. Any failure is a {@link JoinError} naming the field; the
 * desk is left as it was (still fresh).
 *
 * @example
 * const joined = await joinThisDesk({ serverUrl, code, deskName: 'Front desk 2' }, { db, deviceId, fetch: window.fetch.bind(window), now: Date.now(), onProgress });
 */
export async function joinThisDesk(form: JoinForm, env: JoinEnvironment): Promise<Enrollment> {
  if (form.deskName.trim() === '') throw new JoinError('desk-name-required', 'Name this desk, e.g. Front desk 2.', 'deskName', env.held ?? null);
  // Checked before a code is used up (joinClinic checks again as it writes).
  if ((await env.db.staff.count()) > 0) throw new JoinError('desk-already-set-up', 'This desk already holds a clinic.', 'form', null);
  let enrollment: Enrollment;
  if (env.held) {
    enrollment = env.held;
  } else {
    try {
      enrollment = await requestEnrollment({ serverUrl: form.serverUrl, code: form.code, deviceId: env.deviceId, deviceName: form.deskName, deskSetUp: false, fetch: env.fetch, now: env.now });
    } catch (error) {
      if (error instanceof EnrollError) throw new JoinError(error.code, error.message, error.field ?? 'form', null);
      throw error;
    }
  }
  try {
    await joinClinic({
      db: env.db,
      transport: createHttpTransport({ baseUrl: enrollment.serverUrl, token: enrollment.token, fetch: env.fetch }),
      onProgress: env.onProgress,
      alsoStore: [enrollment],
      clock: () => env.now,
      newId: randomId,
      joined: { server: enrollment.serverUrl, deskName: form.deskName.trim() },
    });
  } catch (error) {
    if (error instanceof ValidationError) throw new JoinError(error.field === 'clinic' ? 'clinic-not-set-up' : 'desk-already-set-up', error.message, 'form', null);
    if (error instanceof SyncTransportError) {
      // Refused tokens need a new code; anything else (the network, a busy server) can be tried again as it is.
      const keep = error.status === 0 || error.transient ? enrollment : null;
      throw new JoinError(error.status === 0 ? 'join-interrupted' : error.code, error.message, 'form', keep);
    }
    throw new JoinError('join-interrupted', error instanceof Error ? error.message : String(error), 'form', enrollment);
  }
  return enrollment;
}
