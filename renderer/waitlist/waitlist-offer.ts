import type { CommandArgs } from '../../core/commands';
import type { WaitlistEntry } from '../../core/model';
import { instantToWallTime, wallTimeToInstant } from '../../core/time';
import type { ValidationCode } from '../../core/validation';
import { ValidationError } from '../../core/validation';

/** The offer form: a time put to the patient on the phone, on the provider's clock. */
export interface OfferForm {
  providerId: string;
  /** `YYYY-MM-DD`, as a date input gives it. */
  date: string;
  /** `HH:mm`, as a time input gives it. */
  time: string;
}

/** An offer form field a problem is shown beside. */
export type OfferField = 'provider' | 'date' | 'time';

/** What the offer form makes: the `waitlist/offer` arguments, or the field that is wrong. */
export type OfferArgs = { ok: true; args: CommandArgs<'waitlist/offer'> } | { ok: false; field: OfferField; code: ValidationCode };

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^\d{2}:\d{2}$/;

/**
 * A fresh offer form for an entry: its first wanted provider (else the
 * first of the desk's), from today or their earliest date if later, no
 * time yet.
 *
 * @example emptyOfferForm(entry, ['dr-lee', 'dr-chen'], '2027-01-12') // { providerId: 'dr-lee', date: '2027-01-12', time: '' }
 */
export function emptyOfferForm(entry: Pick<WaitlistEntry, 'providers' | 'earliestDate'>, providerIds: readonly string[], today: string): OfferForm {
  const providerId = (Array.isArray(entry.providers) ? entry.providers[0] : providerIds[0]) ?? '';
  const date = entry.earliestDate !== undefined && entry.earliestDate > today ? entry.earliestDate : today;
  return { providerId, date, time: '' };
}

/**
 * The `waitlist/offer` arguments for the form: the slot from the date and
 * time on the provider's clock (core/time, its clock-change policy), as
 * long as the entry's visit. A missing or unreadable field is named
 * (`required`, `invalid-format`, `invalid-date`, `invalid-time`); whether
 * the entry may be offered a slot is the command's to say.
 *
 * @example offerArgs(entry, { providerId: 'dr-lee', date: '2027-01-12', time: '10:30' }, zones) // { ok: true, args: { id, slot: { start: '2027-01-12T15:30:00.000Z', end: '2027-01-12T16:00:00.000Z', providerId: 'dr-lee' } } }
 */
export function offerArgs(entry: Pick<WaitlistEntry, 'id' | 'durationMinutes'>, form: OfferForm, zones: ReadonlyMap<string, string>): OfferArgs {
  const zone = zones.get(form.providerId);
  if (form.providerId === '' || zone === undefined) return { ok: false, field: 'provider', code: 'required' };
  if (form.date.trim() === '') return { ok: false, field: 'date', code: 'required' };
  if (!datePattern.test(form.date)) return { ok: false, field: 'date', code: 'invalid-format' };
  if (form.time.trim() === '') return { ok: false, field: 'time', code: 'required' };
  if (!timePattern.test(form.time)) return { ok: false, field: 'time', code: 'invalid-format' };
  let start: number;
  try {
    start = wallTimeToInstant(`${form.date}T${form.time}`, zone, 'wallStart');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { ok: false, field: error.code === 'invalid-date' ? 'date' : 'time', code: error.code };
  }
  const end = start + entry.durationMinutes * 60_000;
  return { ok: true, args: { id: entry.id, slot: { start: new Date(start).toISOString(), end: new Date(end).toISOString(), providerId: form.providerId } } };
}

/**
 * The `waitlist/book` arguments for the time an entry was offered: its
 * provider (and room) at the offered start on the provider's clock, the
 * entry's length. `undefined` when the entry holds no offer or the
 * provider is not on this desk.
 *
 * @example bookOfferArgs(offeredEntry, zones) // { id: 'w1', booking: { resourceIds: ['dr-lee'], wallStart: '2027-01-12T10:30:00', timeZone: 'America/New_York', durationMinutes: 30 } }
 */
export function bookOfferArgs(entry: WaitlistEntry, zones: ReadonlyMap<string, string>): CommandArgs<'waitlist/book'> | undefined {
  if (entry.state.kind !== 'offered') return undefined;
  const { slot } = entry.state;
  const zone = zones.get(slot.providerId);
  if (zone === undefined) return undefined;
  return {
    id: entry.id,
    booking: {
      resourceIds: slot.roomId ? [slot.providerId, slot.roomId] : [slot.providerId],
      wallStart: instantToWallTime(Date.parse(slot.start), zone),
      timeZone: zone,
      durationMinutes: entry.durationMinutes,
    },
  };
}
