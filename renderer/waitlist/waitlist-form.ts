import type { Patient, WaitlistEntry, WaitlistPriority } from '../../core/model';
import type { CommandArgs } from '../../core/commands';

/** The add form's fields, as typed (strings where the receptionist types). */
export interface WaitlistForm {
  patient: Patient | null;
  /** Empty means any provider. */
  providerIds: string[];
  length: string;
  reason: string;
  priority: WaitlistPriority;
  earliestDate: string;
  latestDate: string;
  /** ISO weekdays (1 = Monday); empty means any day. */
  weekdays: number[];
  note: string;
  /** An edited entry's times of day, kept as they were: the form does not show them, so an edit never drops them. */
  times?: WaitlistEntry['times'];
}

/** A form field a refusal is shown beside. */
export type WaitlistField = 'patient' | 'providers' | 'length' | 'reason' | 'priority' | 'earliestDate' | 'latestDate' | 'weekdays' | 'note';

/**
 * A fresh form: any provider, 30 minutes, routine.
 *
 * @example emptyWaitlistForm().length // '30'
 */
export function emptyWaitlistForm(): WaitlistForm {
  return { patient: null, providerIds: [], length: '30', reason: '', priority: 'routine', earliestDate: '', latestDate: '', weekdays: [], note: '' };
}

/**
 * The `waitlist/add` arguments for the form. Nothing is checked here: the
 * command's own parser (core/model `waitlistRequestSchema`) refuses a bad
 * field, and {@link formFieldOf} puts the refusal beside it — one rule, on
 * desk and server alike. An empty optional field is left out, never sent
 * as an empty string.
 *
 * @example waitlistAddArgs({ ...emptyWaitlistForm(), patient, reason: 'Sooner' }).request.providers // { kind: 'provider' }
 */
export function waitlistAddArgs(form: WaitlistForm): CommandArgs<'waitlist/add'> {
  const length = form.length.trim();
  return {
    request: {
      patientId: form.patient?.id ?? '',
      providers: form.providerIds.length > 0 ? form.providerIds : { kind: 'provider' },
      // Not a number stays as typed (NaN), so the parser refuses it rather than reading it as 0.
      durationMinutes: length === '' ? Number.NaN : Number(length),
      reason: form.reason,
      priority: form.priority,
      ...(form.earliestDate ? { earliestDate: form.earliestDate } : {}),
      ...(form.latestDate ? { latestDate: form.latestDate } : {}),
      ...(form.weekdays.length > 0 ? { weekdays: [...form.weekdays].sort((a, b) => a - b) } : {}),
      ...(form.note.trim() ? { note: form.note } : {}),
      ...(form.times !== undefined ? { times: form.times } : {}),
    },
  };
}

/**
 * The form filled in with an entry's wants, to change them
 * (`waitlist/update`); its times of day ride along unchanged.
 *
 * @example formFromEntry(entry, patient).length // '30'
 */
export function formFromEntry(entry: WaitlistEntry, patient: Patient | null): WaitlistForm {
  return {
    patient,
    providerIds: Array.isArray(entry.providers) ? [...entry.providers] : [],
    length: String(entry.durationMinutes),
    reason: entry.reason,
    priority: entry.priority,
    earliestDate: entry.earliestDate ?? '',
    latestDate: entry.latestDate ?? '',
    weekdays: [...(entry.weekdays ?? [])],
    note: entry.note ?? '',
    ...(entry.times !== undefined ? { times: entry.times } : {}),
  };
}

/**
 * The `waitlist/update` arguments: the entry's id and the form as
 * {@link waitlistAddArgs} reads it (a field emptied is left out, so the
 * command clears it).
 *
 * @example waitlistUpdateArgs('w1', { ...formFromEntry(entry, patient), priority: 'urgent' }).request.priority // 'urgent'
 */
export function waitlistUpdateArgs(id: string, form: WaitlistForm): CommandArgs<'waitlist/update'> {
  return { id, request: waitlistAddArgs(form).request };
}

const fieldsByRequestKey: Record<string, WaitlistField> = {
  patientId: 'patient',
  providers: 'providers',
  durationMinutes: 'length',
  reason: 'reason',
  priority: 'priority',
  earliestDate: 'earliestDate',
  latestDate: 'latestDate',
  weekdays: 'weekdays',
  note: 'note',
};

/**
 * The form field a `waitlist/add` or `waitlist/update` refusal names (`request.providers.1` →
 * `providers`), or `null` for one that names none of them.
 *
 * @example formFieldOf('request.durationMinutes') // 'length'
 */
export function formFieldOf(engineField: string): WaitlistField | null {
  const [head, key] = engineField.split('.');
  if (head !== 'request' || key === undefined) return null;
  return fieldsByRequestKey[key] ?? null;
}
