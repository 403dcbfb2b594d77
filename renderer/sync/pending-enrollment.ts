import { z } from 'zod';

/**
 * An enrollment started just before the page reloaded to run under a new
 * Content-Security-Policy (see sync-server-permission.ts): the form is kept in
 * sessionStorage — this window only, gone when it closes — and taken (read
 * and removed at once, so it is tried exactly once; the code is single-use)
 * when the app starts again. Settings → Sync and first run's "Join your
 * clinic" each keep theirs under their own key.
 */

const enrollmentFormSchema = z.strictObject({
  serverUrl: z.string().min(1).max(2048),
  code: z.string().min(1).max(200),
  deskName: z.string().max(200),
});

/** An enrollment form as it was sent. */
export type PendingEnrollment = z.infer<typeof enrollmentFormSchema>;

/** Keeping one form across a reload: save it, see whether one waits, take it. */
export interface KeptEnrollmentForm {
  save(storage: Pick<Storage, 'setItem'>, form: PendingEnrollment): void;
  has(storage: Pick<Storage, 'getItem'>): boolean;
  /** Returns the form and removes it, or null when there is none or it does not parse (then it is removed too). */
  take(storage: Pick<Storage, 'getItem' | 'removeItem'>): PendingEnrollment | null;
}

/**
 * The kept form under `key`.
 *
 * @example const kept = keptEnrollmentForm('timedesk.pending-join'); kept.save(sessionStorage, form); kept.take(sessionStorage) // form, then null
 */
export function keptEnrollmentForm(key: string): KeptEnrollmentForm {
  return {
    save: (storage, form) => storage.setItem(key, JSON.stringify(enrollmentFormSchema.parse(form))),
    has: (storage) => storage.getItem(key) !== null,
    take(storage) {
      const text = storage.getItem(key);
      if (text === null) return null;
      storage.removeItem(key);
      try {
        const parsed = enrollmentFormSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}

/** sessionStorage key of Settings → Sync's form. */
export const pendingEnrollmentKey = 'timedesk.pending-enrollment';

const settingsForm = keptEnrollmentForm(pendingEnrollmentKey);

/**
 * Keeps Settings → Sync's form for the next start of this window.
 *
 * @example savePendingEnrollment(sessionStorage, { serverUrl: 'https://sync.clinic.example', code: '7K3QD-M2XWP-0RTVA', deskName: 'Front desk 1' });
 */
export const savePendingEnrollment = settingsForm.save;

/**
 * Takes Settings → Sync's kept form (see {@link KeptEnrollmentForm.take}).
 *
 * @example const pending = takePendingEnrollment(sessionStorage); if (pending) await enroll(pending);
 */
export const takePendingEnrollment = settingsForm.take;
