import { z } from 'zod';
import { idSchema, offeredSlotSchema, parseWaitlistEntry, waitlistRequestSchema } from '../model';
import type { WaitlistEntry, WaitlistRequest } from '../model';
import { nextWaitlistState } from '../waitlist';
import type { WaitlistEvent } from '../waitlist';
import { ValidationError } from '../validation';
import { appointmentCommands } from './appointment-commands';
import { checkCandidates } from './booking-context';
import { gateConflicts } from './conflict-gate';
import type { BookedAppointment } from './appointment-commands';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import type { CommandStep, WriteScope } from './define-command';
import { fieldChanges } from './field-changes';

const ignored = ['id', 'version', 'createdAt', 'updatedAt', 'addedBy'];

/** The patient and every named provider must exist (a provider, not a room). */
async function checkRequest(scope: WriteScope, request: WaitlistRequest): Promise<ReturnType<typeof refuse> | undefined> {
  if (!(await scope.db.patients.get(request.patientId))) return refuse('unknown-entity', 'request.patientId', `There is no patient "${request.patientId}".`);
  if (Array.isArray(request.providers)) {
    const rows = await scope.db.resources.bulkGet(request.providers);
    const index = rows.findIndex((row) => row === undefined || row.kind !== 'provider');
    if (index >= 0) return refuse('unknown-entity', `request.providers.${index}`, `There is no provider "${request.providers[index] as string}".`);
  }
  return undefined;
}

async function storedEntry(scope: WriteScope, id: string): Promise<WaitlistEntry | undefined> {
  return scope.db.waitlist.get(id);
}

/** Puts a new version of an entry and audits the change; the record is synced by the effect capture. */
async function writeEntry(scope: WriteScope, before: WaitlistEntry | null, after: WaitlistEntry, action: 'WAITLIST_ADDED' | 'WAITLIST_UPDATED' | 'WAITLIST_OFFERED' | 'WAITLIST_DECLINED' | 'WAITLIST_BOOKED' | 'WAITLIST_REMOVED', reason: string | null) {
  await scope.db.waitlist.put(parseWaitlistEntry(after));
  scope.audit({ action, entityType: 'waitlist-entry', entityId: after.id, patientId: after.patientId, reason, changes: fieldChanges(before, after, ignored) });
}

/** Moves a stored entry through the state machine (core/waitlist), refusing a step its state does not allow. */
async function step(scope: WriteScope, id: string, event: WaitlistEvent, action: 'WAITLIST_OFFERED' | 'WAITLIST_DECLINED' | 'WAITLIST_REMOVED', reason: string | null, intent: object): Promise<CommandStep<WaitlistEntry>> {
  const before = await storedEntry(scope, id);
  if (!before) return refuse('unknown-entity', 'id', `There is no waitlist entry "${id}".`);
  let state;
  try {
    state = nextWaitlistState(before, event);
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error: error.toJSON() };
    throw error;
  }
  const after: WaitlistEntry = { ...before, state, version: before.version + 1, updatedAt: scope.at };
  await writeEntry(scope, before, after, action, reason);
  return { ok: true, value: after, baseVersion: before.version, intent: { ...intent, at: scope.at } };
}

/**
 * The waitlist (ASAP list, issue 13): patients who want to come sooner, as
 * synced records like bookings — each change audited with before/after and
 * reason, in the outbox, checked again by the server with core/model's
 * `parseWaitlistEntry`; two desks changing the same entry offline end on
 * Needs attention (server concurrent-edit). Booking from the list runs the
 * normal booking (`appointment/book`, its check and override rules) in the
 * same transaction and marks the entry booked with the new visit's id.
 */
export const waitlistCommands = {
  /**
   * Adds a patient to the waitlist, waiting.
   *
   * @example run('waitlist/add', { request: { patientId: 'p1', providers: ['dr-lee'], durationMinutes: 30, reason: 'Knee pain, wants sooner', priority: 'soon' } }, frontDesk)
   */
  'waitlist/add': defineCommand({
    args: z.object({ request: waitlistRequestSchema }),
    async run(scope, args) {
      const refusal = await checkRequest(scope, args.request);
      if (refusal) return refusal;
      const entry: WaitlistEntry = { id: scope.newId(), ...args.request, state: { kind: 'waiting' }, addedBy: scope.session.staffId, version: 0, createdAt: scope.at, updatedAt: scope.at };
      await writeEntry(scope, null, entry, 'WAITLIST_ADDED', null);
      return { ok: true, value: entry, baseVersion: null, intent: { ...args, entryId: entry.id, at: scope.at } };
    },
  }),

  /**
   * Changes what a waiting (or offered) patient wants.
   *
   * @example run('waitlist/update', { id: 'w1', request: { …, priority: 'urgent' } }, frontDesk)
   */
  'waitlist/update': defineCommand({
    args: z.object({ id: idSchema, request: waitlistRequestSchema }),
    async run(scope, args) {
      const before = await storedEntry(scope, args.id);
      if (!before) return refuse('unknown-entity', 'id', `There is no waitlist entry "${args.id}".`);
      if (before.state.kind === 'booked' || before.state.kind === 'removed') return refuse('invalid-status-transition', 'state', `A ${before.state.kind} waitlist entry cannot be changed.`);
      const refusal = await checkRequest(scope, args.request);
      if (refusal) return refusal;
      const { note: _note, earliestDate: _earliest, latestDate: _latest, weekdays: _weekdays, times: _times, ...kept } = before;
      const after: WaitlistEntry = { ...kept, ...args.request, version: before.version + 1, updatedAt: scope.at };
      await writeEntry(scope, before, after, 'WAITLIST_UPDATED', null);
      return { ok: true, value: after, baseVersion: before.version, intent: { ...args, at: scope.at } };
    },
  }),

  /**
   * Records that a freed slot was put to the patient (by phone, at the desk).
   * The time must pass the booking check a save would make: a hard conflict
   * (the provider or room taken, the patient booked elsewhere, a closure, a
   * hard blockout or leave) refuses the offer with the conflicts, since the
   * patient could not then be booked into it; warnings (outside hours) are
   * left to the booking, which asks as usual.
   *
   * @example run('waitlist/offer', { id: 'w1', slot: { start, end, providerId: 'dr-lee' } }, frontDesk)
   */
  'waitlist/offer': defineCommand({
    args: z.object({ id: idSchema, slot: offeredSlotSchema }),
    async run(scope, args) {
      const entry = await scope.db.waitlist.get(args.id);
      if (entry !== undefined) {
        const { slot } = args;
        const resourceIds = slot.roomId === undefined ? [slot.providerId] : [slot.providerId, slot.roomId];
        const check = await checkCandidates(scope, [{ id: `offer-${args.id}`, start: Date.parse(slot.start), end: Date.parse(slot.end), resourceIds, patientId: entry.patientId }]);
        const refused = gateConflicts(scope, check, undefined, { entityType: 'waitlist-entry', entityId: args.id, patientId: entry.patientId });
        if (refused) return refused;
      }
      return step(scope, args.id, { kind: 'offer', slot: args.slot, at: scope.at, by: scope.session.staffId }, 'WAITLIST_OFFERED', null, args);
    },
  }),

  /**
   * The patient said no to the offer: back to waiting.
   *
   * @example run('waitlist/decline', { id: 'w1', reason: 'Cannot make mornings this week' }, frontDesk)
   */
  'waitlist/decline': defineCommand({
    args: z.object({ id: idSchema, reason: z.string().trim().max(500).optional() }),
    async run(scope, args) {
      return step(scope, args.id, { kind: 'decline', at: scope.at, by: scope.session.staffId }, 'WAITLIST_DECLINED', args.reason || null, args);
    },
  }),

  /**
   * Takes a patient off the list, with the reason.
   *
   * @example run('waitlist/remove', { id: 'w1', reason: 'Found another clinic' }, frontDesk)
   */
  'waitlist/remove': defineCommand({
    args: z.object({ id: idSchema, reason: z.string().trim().min(1, 'Say why the entry is removed.').max(500) }),
    async run(scope, args) {
      return step(scope, args.id, { kind: 'remove', reason: args.reason, at: scope.at, by: scope.session.staffId }, 'WAITLIST_REMOVED', args.reason, args);
    },
  }),

  /**
   * Books the waiting patient (the normal `appointment/book`, same check and
   * override rules, for the entry's patient) and marks the entry booked with
   * the new visit's id, in one transaction.
   *
   * @example run('waitlist/book', { id: 'w1', booking: { resourceIds: ['dr-lee'], wallStart: '2027-01-12T10:30', timeZone: 'America/New_York', durationMinutes: 30 } }, frontDesk)
   */
  'waitlist/book': defineCommand({
    args: z.object({ id: idSchema, booking: appointmentCommands['appointment/book'].args.omit({ patientId: true }) }),
    async run(scope, args): Promise<CommandStep<{ entry: WaitlistEntry; booked: BookedAppointment }>> {
      const before = await storedEntry(scope, args.id);
      if (!before) return refuse('unknown-entity', 'id', `There is no waitlist entry "${args.id}".`);
      if (before.state.kind === 'booked' || before.state.kind === 'removed') return refuse('invalid-status-transition', 'state', `A ${before.state.kind} waitlist entry cannot be booked.`);
      // The booking's fields are under `booking` here, so a refusal names them where the desk typed them.
      let booking;
      try {
        booking = await appointmentCommands['appointment/book'].run(scope, { ...args.booking, patientId: before.patientId });
      } catch (error) {
        if (error instanceof ValidationError) return refuse(error.code, `booking.${error.field}`, error.message);
        throw error;
      }
      if (!booking.ok) return 'field' in booking.error ? { ok: false, error: { ...booking.error, field: `booking.${booking.error.field}` } } : booking;
      const appointmentId = booking.value.appointment.id;
      const after: WaitlistEntry = { ...before, state: nextWaitlistState(before, { kind: 'book', appointmentId, at: scope.at, by: scope.session.staffId }), version: before.version + 1, updatedAt: scope.at };
      await writeEntry(scope, before, after, 'WAITLIST_BOOKED', null);
      return { ok: true, value: { entry: after, booked: booking.value }, baseVersion: before.version, intent: { ...args, appointmentId, at: scope.at } };
    },
  }),
};
