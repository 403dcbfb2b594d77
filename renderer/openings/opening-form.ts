import { durationLimits } from '../../core/model';
import type { CalendarDate, Patient } from '../../core/model';
import { parseOpeningQuery } from '../../core/openings';
import type { OpeningQuery, TimeOfDayWindow } from '../../core/openings';
import { wallTimeToInstant } from '../../core/time';
import { isValidationProblem } from '../../core/validation';
import type { ValidationProblem } from '../../core/validation';
import { addDays } from '../dates/calendar-dates';
import { problemSentence } from '../i18n';
import type { Messages } from '../i18n';

/** Named resources, or every active one of the kind. */
export type ResourceChoice = { kind: 'any' } | { kind: 'named'; ids: string[] };
/** Rooms: none needed, any room, or one of these. */
export type RoomChoice = { kind: 'none' } | ResourceChoice;
/** The time-of-day presets; `custom` uses the form's two times. */
export type TimesChoice = 'any' | 'mornings' | 'afternoons' | 'custom';

/** The *Find an opening* form as typed. */
export interface OpeningForm {
  /** Minutes, as typed. */
  length: string;
  providers: ResourceChoice;
  rooms: RoomChoice;
  patient: Patient | null;
  /** ISO weekdays ticked (1 = Monday … 7 = Sunday); all seven means any day. */
  weekdays: number[];
  times: TimesChoice;
  customStart: string;
  customEnd: string;
  /** Dates on the clinic's clock; `untilDate` empty = eight weeks. */
  fromDate: string;
  untilDate: string;
}

/** The form's fields a refusal can stand beside. */
export type OpeningField = keyof Messages['openings']['fields'];

/** A query the panel can run, or the refused field and its sentence. */
export type CheckedOpeningForm = { ok: true; query: OpeningQuery } | { ok: false; field: OpeningField; message: string };

const everyDay = [1, 2, 3, 4, 5, 6, 7];
const quarterHourMs = 15 * 60_000;
const presets: Record<Exclude<TimesChoice, 'any' | 'custom'>, TimeOfDayWindow> = {
  mornings: { start: '00:00', end: '12:00' },
  afternoons: { start: '12:00', end: '24:00' },
};

/**
 * The form a receptionist starts from: 30 minutes, any provider, no room,
 * every day, any time, from today for eight weeks.
 *
 * @example defaultOpeningForm('2027-01-11').fromDate // '2027-01-11'
 */
export function defaultOpeningForm(today: CalendarDate): OpeningForm {
  return { length: '30', providers: { kind: 'any' }, rooms: { kind: 'none' }, patient: null, weekdays: everyDay, times: 'any', customStart: '09:00', customEnd: '12:00', fromDate: today, untilDate: '' };
}

/**
 * The form field a core/openings problem belongs to (`durationMinutes` →
 * `length`, `timeOfDay.0.end` → `customEnd`, `to` → `untilDate`, …).
 *
 * @example openingFieldFor('providers.1') // 'providers'
 */
export function openingFieldFor(field: string): OpeningField {
  const [head, , leaf] = field.split('.');
  switch (head) {
    case 'durationMinutes':
      return 'length';
    case 'providers':
      return 'providers';
    case 'rooms':
      return 'rooms';
    case 'patientId':
      return 'patient';
    case 'weekdays':
      return 'weekdays';
    case 'timeOfDay':
      return leaf === 'start' ? 'customStart' : leaf === 'end' ? 'customEnd' : 'times';
    case 'to':
      return 'untilDate';
    default:
      return 'fromDate';
  }
}

/**
 * A refusal of the search as the panel shows it: the field it stands
 * beside, and the sentence from the desk's validation table (problemSentence)
 * named with the form's own labels.
 *
 * @example openingProblem({ code: 'invalid-duration', field: 'durationMinutes', message: '' }, text) // { field: 'length', message: 'The length must be between 5 minutes and 24 hours.' }
 */
export function openingProblem(problem: Pick<ValidationProblem, 'code' | 'field'>, messages: Messages): { field: OpeningField; message: string } {
  const field = openingFieldFor(problem.field);
  const labelled: Messages = { ...messages, fields: { ...messages.fields, ...messages.openings.fields } };
  return { field, message: problemSentence({ code: problem.code, field }, labelled) };
}

const refused = (code: ValidationProblem['code'], field: string, messages: Messages): CheckedOpeningForm => ({ ok: false, ...openingProblem({ code, field }, messages) });

/**
 * Turns the form into core/openings' query and checks it with
 * `parseOpeningQuery`, so the panel refuses exactly what the engine would,
 * by field. Dates are whole days on the clinic's clock; the search never
 * starts before `now` (rounded up to the quarter hour). A length under the booking's 5 minutes is refused
 * here, since the booking dialog would refuse every such opening.
 *
 * @example checkOpeningForm(defaultOpeningForm('2027-01-11'), { timeZone: 'Europe/London', now }, text) // { ok: true, query: { durationMinutes: 30, providers: { kind: 'provider' }, from: … } }
 */
export function checkOpeningForm(form: OpeningForm, clock: { timeZone: string; now: number }, messages: Messages): CheckedOpeningForm {
  const length = form.length.trim();
  if (length === '') return refused('required', 'durationMinutes', messages);
  const durationMinutes = Number(length);
  if (Number.isInteger(durationMinutes) && durationMinutes > 0 && durationMinutes < durationLimits.min) return refused('invalid-duration', 'durationMinutes', messages);
  if (form.fromDate === '') return refused('required', 'from', messages);
  if (form.times === 'custom' && form.customStart === '') return refused('required', 'timeOfDay.0.start', messages);
  if (form.times === 'custom' && form.customEnd === '') return refused('required', 'timeOfDay.0.end', messages);
  // From now, rounded up to the quarter hour: the engine offers the search's own start, and 14:07 is no time to offer.
  // Every zone's offset is a whole number of quarter hours, so this is a quarter hour on every clock.
  const from = Math.max(wallTimeToInstant(`${form.fromDate}T00:00`, clock.timeZone), Math.ceil(clock.now / quarterHourMs) * quarterHourMs);
  const timeOfDay = form.times === 'any' ? undefined : form.times === 'custom' ? [{ start: form.customStart, end: form.customEnd }] : [presets[form.times]];
  const query: OpeningQuery = {
    durationMinutes,
    providers: form.providers.kind === 'any' ? { kind: 'provider' } : form.providers.ids,
    ...(form.rooms.kind === 'none' ? {} : { rooms: form.rooms.kind === 'any' ? { kind: 'room' as const } : form.rooms.ids }),
    ...(form.patient ? { patientId: form.patient.id } : {}),
    from: new Date(from).toISOString(),
    ...(form.untilDate === '' ? {} : { to: new Date(wallTimeToInstant(`${addDays(form.untilDate, 1)}T00:00`, clock.timeZone)).toISOString() }),
    ...(form.weekdays.length === everyDay.length ? {} : { weekdays: [...form.weekdays].sort() }),
    ...(timeOfDay ? { timeOfDay } : {}),
  };
  try {
    parseOpeningQuery(query);
  } catch (error) {
    if (!isValidationProblem(error)) throw error;
    return { ok: false, ...openingProblem(error, messages) };
  }
  return { ok: true, query };
}
