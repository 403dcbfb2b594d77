import ICAL from 'ical.js';
import { appointmentInputSchema, durationLimits, seriesSchema, textLimits } from '../model';
import { instantToWallTime, wallTimeToInstant } from '../time';
import { resolveTzid } from './ics-zones';
import { uidDomain } from './ics-export';
import { wallOf } from './wall-fields';

/** Most events one file may hold: a bigger file is refused whole, never cut. */
export const maxImportEvents = 5000;

/** Where a file's problem is: the VEVENT's first line (1-based), its UID and the property. */
export interface IcsProblem {
  line: number;
  uid: string | null;
  field: string;
  message: string;
}

/** A moved occurrence of an imported series (RECURRENCE-ID override). */
export interface IcsOverrideDraft {
  originalStart: string;
  wallStart: string;
  timeZone: string;
  durationMinutes: number;
}

/** One event the file would book, as the arguments of the normal command. */
export type IcsDraft =
  | { kind: 'appointment'; uid: string; line: number; args: { resourceIds: string[]; patientId: string; wallStart: string; timeZone: string; durationMinutes: number; visitReason?: string } }
  | {
      kind: 'series';
      uid: string;
      line: number;
      args: { resourceIds: string[]; patientId: string; dtstart: string; timeZone: string; durationMinutes: number; rrule: string; exdates: string[]; rdates: string[]; visitReason?: string };
      overrides: IcsOverrideDraft[];
    };

/** What the importer needs from the clinic. */
export interface IcsImportContext {
  /** Ids of appointments and series already on the desk: a `<id>@timedesk` UID among them is "already here". */
  existingIds: ReadonlySet<string>;
  knownResourceIds: ReadonlySet<string>;
  knownPatientIds: ReadonlySet<string>;
  /** The resources an event books when the file does not name ours (a Google or Outlook export). */
  resourceIds: readonly string[];
  /** The patient an event books when the file does not name one of ours. */
  patientId: string | null;
  /** Zone for UTC or floating times: the clinic's. */
  defaultTimeZone: string;
}

/** The dry run: what Import would do. `problems` non-empty means Import is refused whole. */
export interface IcsPreview {
  drafts: IcsDraft[];
  alreadyHere: { uid: string; line: number }[];
  problems: IcsProblem[];
}

/** A file that cannot be read at all. */
export type IcsReadResult = { ok: true; preview: IcsPreview } | { ok: false; problem: IcsProblem };

class EventProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The 1-based line of every `BEGIN:VEVENT`, in file order (ical.js keeps that order and no positions). */
function eventLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    if (/^BEGIN:VEVENT\s*$/i.test(line)) lines.push(index + 1);
  });
  return lines;
}

/**
 * ical.js stops at the first value it cannot read (an RRULE of FREQ=SOMETIMES)
 * and says which value, not where: the first line holding that value is named,
 * with its property, so the person can find it.
 */
function parseProblem(text: string, reason: string): IcsProblem {
  const message = `This is not a calendar file we can read: ${reason}`;
  const quoted = /"([^"]+)"/.exec(reason)?.[1];
  const lines = text.split(/\r\n|\n|\r/);
  const index = quoted === undefined ? -1 : lines.findIndex((line) => line.includes(quoted));
  if (index < 0) return { line: 1, uid: null, field: 'file', message };
  const field = /^[A-Za-z-]+/.exec(lines[index]!)?.[0]?.toUpperCase() ?? 'file';
  return { line: index + 1, uid: null, field, message };
}

/** A time property as the wall time and zone it names (UTC and floating times land in the clinic's zone). */
function zonedTime(event: ICAL.Component, name: string, context: IcsImportContext): { wall: string; zone: string; instant: number } | undefined {
  const property = event.getFirstProperty(name);
  if (!property) return undefined;
  return timeOf(property, property.getFirstValue() as ICAL.Time, name, context);
}

function timeOf(property: ICAL.Property, time: ICAL.Time, name: string, context: IcsImportContext): { wall: string; zone: string; instant: number } {
  const field = name.toUpperCase();
  if (!(time instanceof ICAL.Time)) throw new EventProblem(field, `${field} is not a date-time.`);
  if (time.isDate) throw new EventProblem(field, `${field} is a whole day; only visits with a start time can be booked.`);
  const tzid = property.getParameter('tzid');
  if (typeof tzid === 'string' && tzid !== '') {
    const resolved = resolveTzid(tzid);
    if (!resolved.ok) throw new EventProblem(`${field};TZID`, `The time zone "${tzid}" is not one we know.`);
    const wall = wallOf(time);
    return { wall, zone: resolved.zone, instant: wallTimeToInstant(wall, resolved.zone) };
  }
  if (time.zone === ICAL.Timezone.utcTimezone) {
    const instant = time.toJSDate().getTime();
    return { wall: instantToWallTime(instant, context.defaultTimeZone), zone: context.defaultTimeZone, instant };
  }
  const wall = wallOf(time);
  return { wall, zone: context.defaultTimeZone, instant: wallTimeToInstant(wall, context.defaultTimeZone) };
}

/** Every value of every `name` property, as walls in `zone` (EXDATE/RDATE lists). */
function zonedList(event: ICAL.Component, name: string, zone: string, context: IcsImportContext): string[] {
  const walls: string[] = [];
  for (const property of event.getAllProperties(name)) {
    for (const value of property.getValues() as unknown[]) {
      if (!(value instanceof ICAL.Time)) throw new EventProblem(name.toUpperCase(), `${name.toUpperCase()} holds a period, which we cannot read.`);
      const time = timeOf(property, value, name, context);
      walls.push(time.zone === zone ? time.wall : instantToWallTime(time.instant, zone));
    }
  }
  return walls;
}

function durationOf(event: ICAL.Component, start: { instant: number }, context: IcsImportContext): number {
  const end = zonedTime(event, 'dtend', context);
  let minutes: number;
  if (end) minutes = (end.instant - start.instant) / 60_000;
  else {
    const duration = event.getFirstPropertyValue('duration');
    if (!(duration instanceof ICAL.Duration)) throw new EventProblem('DTEND', 'The event has neither an end (DTEND) nor a length (DURATION).');
    minutes = duration.toSeconds() / 60;
  }
  const field = end ? 'DTEND' : 'DURATION';
  if (!Number.isInteger(minutes)) throw new EventProblem(field, 'The visit does not last a whole number of minutes.');
  if (minutes < durationLimits.min || minutes > durationLimits.max) throw new EventProblem(field, `The visit lasts ${minutes} minutes; a booking lasts ${durationLimits.min}–${durationLimits.max}.`);
  return minutes;
}

function textProp(event: ICAL.Component, name: string): string | undefined {
  const value = event.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Our own export names the visit's resources, patient and reason; another calendar's file gets the chosen ones. */
function whoAndWhy(event: ICAL.Component, context: IcsImportContext): { resourceIds: string[]; patientId: string; visitReason?: string } {
  const own = textProp(event, 'x-timedesk-resources')?.split(',').map((id) => id.trim());
  const resourceIds = own && own.length > 0 && own.every((id) => context.knownResourceIds.has(id)) ? own : [...context.resourceIds];
  if (resourceIds.length === 0) throw new EventProblem('X-TIMEDESK-RESOURCES', 'Choose the provider or room these events book.');
  const ownPatient = textProp(event, 'x-timedesk-patient');
  const patientId = ownPatient !== undefined && context.knownPatientIds.has(ownPatient) ? ownPatient : context.patientId;
  if (patientId === null) throw new EventProblem('X-TIMEDESK-PATIENT', 'Choose the patient these events book.');
  const visitReason = textProp(event, 'x-timedesk-reason') ?? (textProp(event, 'x-timedesk-resources') ? undefined : textProp(event, 'summary'));
  if (visitReason !== undefined && visitReason.length > textLimits.visitReason) throw new EventProblem('SUMMARY', `The title is ${visitReason.length} characters; a visit reason holds at most ${textLimits.visitReason}.`);
  return visitReason === undefined ? { resourceIds, patientId } : { resourceIds, patientId, visitReason };
}

/** The model's own parser has the last word, so an imported booking is held to what the booking screen is. */
function checkWith(schema: { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, args: unknown): void {
  const result = schema.safeParse(args);
  const issue = result.error?.issues[0];
  if (!result.success && issue) throw new EventProblem(issue.path.map(String).join('.') || 'event', issue.message);
}

const seriesArgsSchema = seriesSchema.omit({ id: true, version: true, createdAt: true, updatedAt: true });

function recordIdOf(uid: string): string | undefined {
  const suffix = `@${uidDomain}`;
  return uid.endsWith(suffix) ? uid.slice(0, -suffix.length) : undefined;
}

/**
 * Reads an iCalendar file (Google, Outlook, Apple or our own export) with
 * ical.js into booking drafts for `appointment/book` and `series/create`,
 * without writing anything: the preview the desk shows before Import. Each
 * VEVENT that cannot be booked is a problem naming its line, UID and
 * property (no DTSTART, an unknown TZID, a whole-day event, a bad RRULE, a
 * length the booking screen refuses); an event whose `<id>@timedesk` UID is
 * already on the desk is counted, not drafted again. A file ical.js cannot
 * parse at all, or holding more than {@link maxImportEvents} events, is one
 * problem for the whole file.
 *
 * @example readIcs(text, context) // { ok: true, preview: { drafts: [...], alreadyHere: [], problems: [] } }
 */
export function readIcs(text: string, context: IcsImportContext): IcsReadResult {
  let root: ICAL.Component;
  try {
    const parsed: unknown = ICAL.parse(text);
    // A file with several VCALENDARs parses to a list: the first is read, the rest would be ignored silently, so refuse.
    if (Array.isArray(parsed) && Array.isArray(parsed[0])) throw new Error('The file holds more than one calendar.');
    root = new ICAL.Component(parsed as unknown[]);
  } catch (error) {
    return { ok: false, problem: parseProblem(text, (error as Error).message) };
  }
  if (root.name !== 'vcalendar') return { ok: false, problem: { line: 1, uid: null, field: 'file', message: 'The file does not start with BEGIN:VCALENDAR.' } };
  const events = root.getAllSubcomponents('vevent');
  if (events.length > maxImportEvents) return { ok: false, problem: { line: 1, uid: null, field: 'file', message: `The file holds ${events.length} events; one import takes at most ${maxImportEvents}.` } };
  const lines = eventLines(text);
  const preview: IcsPreview = { drafts: [], alreadyHere: [], problems: [] };
  const masters = new Map<string, Extract<IcsDraft, { kind: 'series' }>>();
  const pendingOverrides: { event: ICAL.Component; uid: string; line: number }[] = [];
  const seen = new Set<string>();
  events.forEach((event, index) => {
    const line = lines[index] ?? 1;
    const uid = textProp(event, 'uid') ?? null;
    try {
      if (uid === null) throw new EventProblem('UID', 'The event has no UID.');
      if (event.hasProperty('recurrence-id')) {
        pendingOverrides.push({ event, uid, line });
        return;
      }
      if (seen.has(uid)) throw new EventProblem('UID', 'Another event in the file has the same UID.');
      seen.add(uid);
      const id = recordIdOf(uid);
      if (id !== undefined && context.existingIds.has(id)) {
        preview.alreadyHere.push({ uid, line });
        return;
      }
      const start = zonedTime(event, 'dtstart', context);
      if (!start) throw new EventProblem('DTSTART', 'The event has no start (DTSTART).');
      const durationMinutes = durationOf(event, start, context);
      const who = whoAndWhy(event, context);
      const rule = event.getFirstPropertyValue('rrule');
      if (event.getAllProperties('rrule').length > 1) throw new EventProblem('RRULE', 'The event has more than one RRULE.');
      if (rule) {
        if (!(rule instanceof ICAL.Recur)) throw new EventProblem('RRULE', 'The repeat rule cannot be read.');
        const args = {
          ...who,
          dtstart: start.wall,
          timeZone: start.zone,
          durationMinutes,
          rrule: rule.toString(),
          exdates: zonedList(event, 'exdate', start.zone, context),
          rdates: zonedList(event, 'rdate', start.zone, context),
        };
        checkWith(seriesArgsSchema, args);
        const draft = { kind: 'series' as const, uid, line, args, overrides: [] };
        masters.set(uid, draft);
        preview.drafts.push(draft);
        return;
      }
      const args = { ...who, wallStart: start.wall, timeZone: start.zone, durationMinutes };
      checkWith(appointmentInputSchema, args);
      preview.drafts.push({ kind: 'appointment', uid, line, args });
    } catch (error) {
      if (!(error instanceof EventProblem)) throw error;
      preview.problems.push({ line, uid, field: error.field, message: error.message });
    }
  });
  for (const { event, uid, line } of pendingOverrides) {
    try {
      if (preview.alreadyHere.some((entry) => entry.uid === uid)) continue;
      const master = masters.get(uid);
      if (!master) throw new EventProblem('RECURRENCE-ID', 'This changes one visit of a repeating event that is not in the file.');
      const original = zonedTime(event, 'recurrence-id', context)!;
      const start = zonedTime(event, 'dtstart', context);
      if (!start) throw new EventProblem('DTSTART', 'The event has no start (DTSTART).');
      master.overrides.push({
        originalStart: original.zone === master.args.timeZone ? original.wall : instantToWallTime(original.instant, master.args.timeZone),
        wallStart: start.wall,
        timeZone: start.zone,
        durationMinutes: durationOf(event, start, context),
      });
    } catch (error) {
      if (!(error instanceof EventProblem)) throw error;
      preview.problems.push({ line, uid, field: error.field, message: error.message });
    }
  }
  preview.problems.sort((a, b) => a.line - b.line);
  return { ok: true, preview };
}
