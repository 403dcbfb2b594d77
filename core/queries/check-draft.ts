import { z } from 'zod';
import type { TimedeskDb } from '../db';
import { readClinicSettings } from '../db';
import { durationMinutesSchema, idSchema, msToInstant, parseSeries, parseWith, resourceIdsSchema, rruleSchema, timeZoneSchema, wallTimeSchema } from '../model';
import type { BookingCheckResult, Conflict } from '../overlap';
import { instantToWallTime, wallTimeToInstant } from '../time';
import type { WallTime } from '../time';
import { ValidationError } from '../validation';
import { checkAgainstStore } from './check-against-store';
import type { Candidate } from './check-against-store';
import { seriesCandidates } from './series-candidates';

/**
 * A booking as the dialog holds it before saving: one appointment, or a
 * series when `rrule` is given (then `wallStart` is its first start,
 * `dtstart`). The patient may still be missing; `excluding` names the
 * appointment or series being edited, so it is not counted against itself.
 */
export const bookingDraftSchema = z.object({
  resourceIds: resourceIdsSchema,
  patientId: idSchema.nullable().optional(),
  wallStart: wallTimeSchema,
  timeZone: timeZoneSchema,
  durationMinutes: durationMinutesSchema,
  rrule: rruleSchema.optional(),
  exdates: z.array(wallTimeSchema).optional(),
  rdates: z.array(wallTimeSchema).optional(),
  excluding: z.object({ appointmentId: idSchema.optional(), seriesId: idSchema.optional() }).optional(),
});

/** The input of {@link checkDraft}; see {@link bookingDraftSchema}. */
export type BookingDraft = z.input<typeof bookingDraftSchema>;

/** One visit the draft would book, with what the booking check says about it. */
export interface DraftOccurrence {
  /** The candidate id the conflicts name (the edited appointment's id, or a series occurrence id). */
  id: string;
  /** Canonical UTC instants, half-open `[start, end)`. */
  start: string;
  end: string;
  /** The start as the clinic's clock shows it (a spring-forward gap time reads an hour later). */
  wallStart: WallTime;
  hard: Conflict[];
  warnings: Conflict[];
}

/** The dry run's answer: the whole check (as the command would return it) and the same conflicts per visit. */
export interface DraftCheck extends BookingCheckResult {
  /** Every visit checked, by start: one for an appointment, the first year for a series. */
  occurrences: DraftOccurrence[];
}

/** Id of the draft's own series or appointment when it is not an edit (never stored). */
const draftId = 'draft';
/** Stands in for a patient not chosen yet while the series is validated; never checked against. */
const nobodyYet = 'draft-patient';

/**
 * Dry run of the booking check for a draft appointment or series: what
 * `appointment/book` / `appointment/move` or `series/create` /
 * `series/edit-all` would refuse (hard conflicts) or confirm (warnings),
 * without writing anything — no transaction, no audit entry, no outbox
 * mutation. It builds the same candidates as those commands (the wall time
 * through core/time's DST policy; a series' first year, from `now` when
 * editing one, as `series/edit-all` does) and runs the same
 * `checkAgainstStore`, so the preview and the save agree. Without a patient
 * only resources, hours and closures are checked. `excluding.appointmentId`
 * is the candidate's id (an appointment, or an occurrence id, being moved);
 * `excluding.seriesId` leaves that series' stored visits out (for a single
 * visit too: one visit of the series being edited never collides with its
 * own old slot).
 *
 * Bad input throws `ValidationError` naming the field (`wallStart`,
 * `durationMinutes`, `rrule`, `resourceIds.0` for an unknown resource…); a
 * rule that produces no visit is `invalid-rrule` at `rrule`, as the command says.
 * Reads tables only, so it works inside Dexie's `liveQuery`.
 *
 * @example
 * await checkDraft(db, { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York',
 *   durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10' }, { now: Date.parse('2026-01-02T12:00:00Z') })
 * // { ok: false, hard: [{ kind: 'closed', candidateStart: '2026-01-19T14:00:00.000Z', closureReason: 'MLK Day', … }], warnings: [],
 * //   occurrences: [{ id: 'draft:20260105T090000', wallStart: '2026-01-05T09:00:00', hard: [], warnings: [] }, …] }
 */
export async function checkDraft(db: TimedeskDb, input: BookingDraft, options: { now: number }): Promise<DraftCheck> {
  const draft = parseWith(bookingDraftSchema, input);
  const patientId = draft.patientId ?? null;
  let candidates: Candidate[];
  const exclusions: { seriesIds?: string[] } = {};
  if (draft.rrule === undefined) {
    const start = wallTimeToInstant(draft.wallStart, draft.timeZone, 'wallStart');
    const id = draft.excluding?.appointmentId ?? draftId;
    candidates = [{ id, start, end: start + draft.durationMinutes * 60_000, resourceIds: draft.resourceIds, patientId }];
    // One visit of a series being edited: the series' own visits (its old slot included) are not counted against it.
    if (draft.excluding?.seriesId !== undefined) exclusions.seriesIds = [draft.excluding.seriesId];
  } else {
    const seriesId = draft.excluding?.seriesId;
    const at = msToInstant(options.now);
    const series = parseSeries({
      id: seriesId ?? draftId,
      resourceIds: draft.resourceIds,
      patientId: patientId ?? nobodyYet,
      dtstart: draft.wallStart,
      timeZone: draft.timeZone,
      durationMinutes: draft.durationMinutes,
      rrule: draft.rrule,
      exdates: draft.exdates ?? [],
      rdates: draft.rdates ?? [],
      version: 0,
      createdAt: at,
      updatedAt: at,
    });
    // A new series is checked from its first visit; an edited one from now on, as series/edit-all does.
    candidates = seriesCandidates(series, [], seriesId === undefined ? -Infinity : options.now).map((candidate) => ({ ...candidate, patientId }));
    if (candidates.length === 0) throw new ValidationError('invalid-rrule', 'rrule', 'This repeat rule produces no appointments.');
    if (seriesId !== undefined) exclusions.seriesIds = [seriesId];
  }
  const clinic = await readClinicSettings(db);
  const check = await checkAgainstStore(db, clinic.timeZone, candidates, exclusions);
  return { ...check, occurrences: candidates.map((candidate) => occurrenceOf(candidate, check, draft.timeZone)) };
}

function occurrenceOf(candidate: Candidate, check: BookingCheckResult, timeZone: string): DraftOccurrence {
  const mine = (conflict: Conflict) => conflict.candidateId === candidate.id;
  return {
    id: candidate.id,
    start: msToInstant(candidate.start),
    end: msToInstant(candidate.end),
    wallStart: instantToWallTime(candidate.start, timeZone),
    hard: check.hard.filter(mine),
    warnings: check.warnings.filter(mine),
  };
}
