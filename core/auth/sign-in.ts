import { z } from 'zod';
import { bytesToHex } from '@noble/hashes/utils.js';
import { defineCommand, nobodySignedIn, refuse, runCommand, runFirstRunSetup } from '../commands';
import type { CommandBatch, CommandBatchOptions, CommandEnvironment, CommandResult, CommandSession, FirstRunOutcome } from '../commands';
import type { StaffCredential } from '../db';
import type { StaffMember } from '../model';
import { deriveKey, minimumPassphraseLength, passphraseIterations, sameDigest } from './passphrase-hash';
import type { DeriveKey } from './passphrase-hash';
import { lockedUntilAfter } from './throttle';

/** What sign-in needs beyond the command environment. */
export interface AuthEnvironment extends CommandEnvironment {
  /** PBKDF2; WebCrypto or @noble/hashes by default. Tests pass fewer iterations through `iterations`. */
  deriveKey?: DeriveKey;
  /** Iterations for new passphrases (default {@link passphraseIterations}). */
  iterations?: number;
  /** Random bytes for salts. */
  randomBytes: (count: number) => Uint8Array;
}

/** How a sign-in attempt ended. Unknown usernames and wrong passphrases are deliberately the same answer. */
export type SignInOutcome =
  | { ok: true; staff: StaffMember; session: CommandSession }
  | { ok: false; reason: 'wrong-credentials' | 'inactive' }
  | { ok: false; reason: 'throttled'; retryAt: number };

/** The app itself, as the actor of a sign-in attempt (nobody is signed in yet). */
const signInActor = { kind: 'system' as const, systemId: 'sign-in', displayName: 'Sign-in screen' };

/** A recorded attempt: the command succeeds (its audit entry must commit) whatever the verdict. */
const verdict = (value: SignInOutcome) => ({ ok: true as const, value });

/**
 * Records the verdict on an attempt whose hash was computed OUTSIDE the
 * transaction. The credential is read again inside it, so two attempts at
 * once cannot both reset or both miss a failure count.
 */
const recordAttempt = defineCommand({
  args: z.object({ username: z.string().max(200), staffId: z.string().nullable(), digest: z.string().nullable() }),
  sync: false,
  async run(scope, args) {
    const staff = args.staffId === null ? undefined : await scope.db.staff.get(args.staffId);
    const credential = staff ? await scope.db.staffCredentials.get(staff.id) : undefined;
    const fail = (reason: string): void =>
      scope.audit({ action: 'SIGN_IN_FAILED', actor: signInActor, entityType: 'staff', entityId: staff?.id ?? `username:${args.username.slice(0, 100) || '(blank)'}`, outcome: 'denied', reason });
    if (!staff || !credential || args.digest === null) {
      fail('Unknown username or wrong passphrase.');
      return verdict({ ok: false, reason: 'wrong-credentials' });
    }
    if (credential.lockedUntil > scope.now) {
      fail('Too many failed attempts; waiting.');
      return verdict({ ok: false, reason: 'throttled', retryAt: credential.lockedUntil });
    }
    if (!sameDigest(args.digest, credential.hash)) {
      const failedAttempts = credential.failedAttempts + 1;
      await scope.db.staffCredentials.put({ ...credential, failedAttempts, lockedUntil: lockedUntilAfter(failedAttempts, scope.now) });
      fail(`Wrong passphrase (attempt ${failedAttempts} in a row).`);
      return verdict({ ok: false, reason: 'wrong-credentials' });
    }
    if (!staff.active) {
      fail('The account is inactive.');
      return verdict({ ok: false, reason: 'inactive' });
    }
    if (credential.failedAttempts !== 0 || credential.lockedUntil !== 0) await scope.db.staffCredentials.put({ ...credential, failedAttempts: 0, lockedUntil: 0 });
    scope.audit({ action: 'STAFF_SIGNED_IN', actor: { kind: 'staff', staffId: staff.id, displayName: staff.displayName, role: staff.role }, entityType: 'staff', entityId: staff.id });
    const session: CommandSession = { staffId: staff.id, displayName: staff.displayName, role: staff.role };
    return verdict({ ok: true, staff, session });
  },
});

/**
 * Signs a staff member in. The slow PBKDF2 runs first, outside any
 * transaction; then one transaction re-reads the credential, applies the
 * verdict (throttle counter, backoff) and writes the audit entry:
 * `STAFF_SIGNED_IN` (actor: the staff member) or `SIGN_IN_FAILED` (actor:
 * the sign-in screen, outcome `denied`, with the reason). An unknown
 * username costs the same hashing time as a known one.
 *
 * @example
 * const outcome = await signIn(env, 'jo.smith', 'correct horse battery');
 * if (outcome.ok) commands.run('patient/view', { patientId }, outcome.session);
 */
export async function signIn(env: AuthEnvironment, username: string, passphrase: string): Promise<SignInOutcome> {
  const derive = env.deriveKey ?? deriveKey;
  const staff = await env.db.staff.where('username').equals(username.trim().toLowerCase()).first();
  const credential = staff ? await env.db.staffCredentials.get(staff.id) : undefined;
  let digest: string | null = null;
  if (staff && credential) {
    // A throttled account is not hashed at all: the wait is the point.
    if (credential.lockedUntil <= env.clock()) digest = await derive(passphrase, credential.salt, credential.iterations);
    else digest = '';
  } else {
    await derive(passphrase, '00'.repeat(16), env.iterations ?? passphraseIterations);
  }
  const result = await runCommand(env, 'staff/sign-in', recordAttempt as never, { username, staffId: staff?.id ?? null, digest }, nobodySignedIn);
  if (!result.ok) throw new Error(`Recording a sign-in attempt failed: ${result.error.message}`);
  return result.value as SignInOutcome;
}

/**
 * Stores a new passphrase credential, hashed with a fresh salt outside the
 * transaction. Allowed for admins and for the staff member themselves; at
 * least {@link minimumPassphraseLength} characters. Audited as `STAFF_SAVED`
 * with `passphrase: changed` (never the hash).
 *
 * @example await setPassphrase(env, admin, 'jo', 'correct horse battery');
 */
export async function setPassphrase(env: AuthEnvironment, session: CommandSession, staffId: string, passphrase: string): Promise<CommandResult<null>> {
  if (session.role !== 'admin' && session.staffId !== staffId) return refuse('not-permitted', 'staffId', 'Only an admin can set another staff member’s passphrase.');
  if (passphrase.trim().length < minimumPassphraseLength) {
    return refuse('too-short', 'passphrase', `A passphrase needs at least ${minimumPassphraseLength} characters.`);
  }
  const iterations = env.iterations ?? passphraseIterations;
  const salt = bytesToHex(env.randomBytes(16));
  const hash = await (env.deriveKey ?? deriveKey)(passphrase, salt, iterations);
  const credential: StaffCredential = { staffId, algorithm: 'PBKDF2-SHA256', iterations, salt, hash, failedAttempts: 0, lockedUntil: 0 };
  const store = defineCommand({
    args: z.object({ staffId: z.string() }),
    // Synced: the new hash (never the passphrase, never the throttle state) reaches the clinic's other desks
    // as a `staffCredential` effect; the arguments and the audit entry name only the staff member.
    async run(scope, args) {
      if (!(await scope.db.staff.get(args.staffId))) return refuse('unknown-entity', 'staffId', `There is no staff member "${args.staffId}".`);
      const had = await scope.db.staffCredentials.get(args.staffId);
      await scope.db.staffCredentials.put(credential);
      scope.audit({ action: 'STAFF_SAVED', entityType: 'staff', entityId: args.staffId, changes: { passphrase: { before: had ? 'set' : null, after: 'changed' } } });
      return { ok: true, value: null };
    },
  });
  return runCommand(env, 'staff/set-passphrase', store as never, { staffId }, session);
}

/** Records a session event (no data changes, nothing to sync) for `session`'s staff member. */
async function recordSessionEvent(env: CommandEnvironment, session: CommandSession, action: 'SESSION_LOCKED' | 'STAFF_SIGNED_OUT', reason: string | null): Promise<void> {
  const record = defineCommand({
    args: z.object({}),
    sync: false,
    async run(scope) {
      scope.audit({ action, entityType: 'staff', entityId: session.staffId, reason });
      return { ok: true, value: null };
    },
  });
  await runCommand(env, action === 'SESSION_LOCKED' ? 'staff/lock' : 'staff/sign-out', record as never, {}, session);
}

/** Why a session was locked: the idle timer ran out, or the staff member pressed Lock. */
export type LockReason = 'idle' | 'manual';

const lockReasons: Record<LockReason, string> = { idle: 'Idle time passed.', manual: 'Locked with the Lock button.' };

/**
 * Records that `session`'s screen was locked (`SESSION_LOCKED`), with the
 * reason in words: the idle timer (`'idle'`, the default) or the Lock button
 * (`'manual'`), so the log tells a walk-away from a deliberate lock.
 *
 * @example if (lock.check() === 'locked-now') await recordSessionLocked(env, session, 'idle');
 * @example await recordSessionLocked(env, session, 'manual'); // reason: 'Locked with the Lock button.'
 */
export function recordSessionLocked(env: CommandEnvironment, session: CommandSession, reason: LockReason = 'idle'): Promise<void> {
  return recordSessionEvent(env, session, 'SESSION_LOCKED', lockReasons[reason]);
}

/**
 * Records that `session`'s staff member signed out (`STAFF_SIGNED_OUT`), so
 * the log shows when each session ended, not only when it began.
 *
 * @example await recordSignedOut(env, session); session.signOut();
 */
export function recordSignedOut(env: CommandEnvironment, session: CommandSession): Promise<void> {
  return recordSessionEvent(env, session, 'STAFF_SIGNED_OUT', null);
}

/** What the first-run screen hands over: the clinic, the first admin and their passphrase. */
export interface FirstRunRequest {
  clinic: { name: string; timeZone: string; locale: string; idleLockMinutes?: number };
  admin: { id?: string; displayName: string; username: string };
  passphrase: string;
}

/**
 * Sets up a new desk through core/commands' `setup/first-run`: the clinic
 * settings, the first admin and their passphrase in one audited transaction
 * (`CLINIC_CREATED`, `STAFF_SAVED`). The passphrase is checked (`too-short`)
 * and hashed first, outside any transaction; a desk that already has staff is
 * refused before hashing (`not-permitted`, field `setup`) and again inside
 * the transaction. `then` adds the rest of the clinic (resources, hours, the
 * sample) as the new admin in that same transaction: all of it or nothing.
 *
 * @example
 * const done = await setUpFirstRun(env, { clinic: { name: 'Northside', timeZone: 'America/New_York', locale: 'en-US' }, admin: { displayName: 'Jo Admin', username: 'jo.admin' }, passphrase: 'correct horse battery' });
 * if (done.ok) await signIn(env, 'jo.admin', 'correct horse battery');
 */
export async function setUpFirstRun(
  env: AuthEnvironment,
  request: FirstRunRequest,
  then?: (batch: CommandBatch, outcome: FirstRunOutcome) => Promise<unknown>,
  options?: CommandBatchOptions,
): Promise<CommandResult<FirstRunOutcome>> {
  if (request.passphrase.trim().length < minimumPassphraseLength) {
    return refuse('too-short', 'passphrase', `A passphrase needs at least ${minimumPassphraseLength} characters.`);
  }
  if ((await env.db.staff.count()) > 0) return refuse('not-permitted', 'setup', 'This clinic is already set up; sign in instead.');
  const iterations = env.iterations ?? passphraseIterations;
  const salt = bytesToHex(env.randomBytes(16));
  const hash = await (env.deriveKey ?? deriveKey)(request.passphrase, salt, iterations);
  return runFirstRunSetup(env, { clinic: request.clinic, admin: request.admin }, { algorithm: 'PBKDF2-SHA256', iterations, salt, hash }, then, options);
}
