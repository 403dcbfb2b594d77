import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation';
import {
  allowedTransitions,
  appointmentStatuses,
  bookedHistory,
  currentStatus,
  statusHistorySchema,
  transition,
  undoLastTransition,
} from './appointment-status';
import type { AppointmentStatus, StatusChange } from './appointment-status';
import { parseWith } from './zod-to-validation';
import { validationResult } from './validation-result';

const at = '2025-03-09T14:00:00.000Z';
const by = 'staff-1';
const booked = bookedHistory({ at, by });

/** The allowed moves, written out independently of the table under test. */
const expectedAllowed = new Set([
  'booked>arrived',
  'booked>no_show',
  'booked>cancelled',
  'arrived>in_room',
  'arrived>no_show',
  'arrived>cancelled',
  'in_room>completed',
  'in_room>cancelled',
]);

/** A history that ends in `status`, reached by allowed steps. */
function historyEndingIn(status: AppointmentStatus): StatusChange[] {
  const paths: Record<AppointmentStatus, AppointmentStatus[]> = {
    booked: [],
    arrived: ['arrived'],
    in_room: ['arrived', 'in_room'],
    completed: ['arrived', 'in_room', 'completed'],
    no_show: ['no_show'],
    cancelled: ['cancelled'],
  };
  return paths[status].reduce<StatusChange[]>((history, to) => transition(history, to, { at, by, reason: 'because' }), booked);
}

describe('status transitions', () => {
  const pairs = appointmentStatuses.flatMap((from) => appointmentStatuses.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s follows the table', (from, to) => {
    const history = historyEndingIn(from);
    const allowed = expectedAllowed.has(`${from}>${to}`);
    expect(allowedTransitions(from).includes(to)).toBe(allowed);
    const result = validationResult(() => transition(history, to, { at, by, reason: 'Patient asked' }));
    if (allowed) {
      expect(result.ok && currentStatus(result.value)).toBe(to);
    } else {
      expect(result).toMatchObject({ ok: false, problem: { code: 'invalid-status-transition', field: 'status' } });
    }
  });

  it('refuses to cancel without a reason', () => {
    for (const reason of [undefined, '', '   ']) {
      expect(validationResult(() => transition(booked, 'cancelled', { at, by, reason }))).toMatchObject({
        ok: false,
        problem: { code: 'reason-required', field: 'reason' },
      });
    }
  });

  it('records who, when and why on every step, without touching the old history', () => {
    const arrived = transition(booked, 'arrived', { at: '2025-03-09T14:02:00.000Z', by: 'staff-2', reason: 'Walked in early' });
    expect(arrived.at(-1)).toEqual({
      kind: 'transition',
      from: 'booked',
      to: 'arrived',
      at: '2025-03-09T14:02:00.000Z',
      by: 'staff-2',
      reason: 'Walked in early',
    });
    expect(booked).toHaveLength(1);
  });

  it('says a terminal status can only be undone', () => {
    expect(() => transition(historyEndingIn('completed'), 'arrived', { at, by })).toThrow(/only be undone/);
  });

  it('refuses a change without a valid time or author, and normalises the time', () => {
    expect(validationResult(() => transition(booked, 'arrived', { at: 'now', by }))).toMatchObject({ ok: false, problem: { code: 'invalid-format', field: 'at' } });
    expect(validationResult(() => transition(booked, 'arrived', { at, by: '' }))).toMatchObject({ ok: false, problem: { code: 'invalid-format', field: 'by' } });
    expect(transition(booked, 'arrived', { at: '2025-03-09T14:05:00Z', by }).at(-1)?.at).toBe('2025-03-09T14:05:00.000Z');
  });

  it('needs a history to know the current status', () => {
    expect(() => currentStatus([])).toThrow(ValidationError);
  });
});

describe('undoLastTransition', () => {
  it('restores the previous status and records the undo as an entry', () => {
    const noShow = transition(booked, 'no_show', { at, by });
    const undone = undoLastTransition(noShow, { at: '2025-03-09T15:00:00.000Z', by: 'staff-2', reason: 'Patient was in the waiting room' });
    expect(currentStatus(undone)).toBe('booked');
    expect(undone).toHaveLength(3);
    expect(undone.slice(0, 2)).toEqual(noShow);
    expect(undone[2]).toEqual({
      kind: 'undo',
      from: 'no_show',
      to: 'booked',
      at: '2025-03-09T15:00:00.000Z',
      by: 'staff-2',
      reason: 'Patient was in the waiting room',
      undoes: 1,
    });
  });

  it('steps back further when called again, and not past the booking', () => {
    const completed = historyEndingIn('completed');
    const once = undoLastTransition(completed, { at, by });
    const twice = undoLastTransition(once, { at, by });
    const thrice = undoLastTransition(twice, { at, by });
    expect([once, twice, thrice].map(currentStatus)).toEqual(['in_room', 'arrived', 'booked']);
    expect(validationResult(() => undoLastTransition(thrice, { at, by }))).toMatchObject({
      ok: false,
      problem: { code: 'nothing-to-undo', field: 'status' },
    });
  });

  it('undoes the redone step after a transition made following an undo', () => {
    const arrived = transition(booked, 'arrived', { at, by });
    const back = undoLastTransition(arrived, { at, by });
    const cancelled = transition(back, 'cancelled', { at, by, reason: 'Called to cancel' });
    const undone = undoLastTransition(cancelled, { at, by });
    expect(currentStatus(undone)).toBe('booked');
    expect(undone.at(-1)).toMatchObject({ undoes: 3 });
  });

  it('refuses when nothing but the booking exists', () => {
    expect(validationResult(() => undoLastTransition(booked, { at, by }))).toMatchObject({
      ok: false,
      problem: { code: 'nothing-to-undo', field: 'status' },
    });
  });
});

describe('statusHistorySchema', () => {
  const check = (history: unknown) => validationResult(() => parseWith(statusHistorySchema, history, 'statusHistory'));

  it('accepts histories made by transition and undo', () => {
    const history = undoLastTransition(historyEndingIn('completed'), { at, by });
    expect(check(history)).toEqual({ ok: true, value: history });
  });

  it('refuses a history that skips the table', () => {
    const forged: StatusChange[] = [...booked, { kind: 'transition', from: 'booked', to: 'completed', at, by }];
    expect(check(forged)).toMatchObject({ ok: false, problem: { code: 'invalid-status-transition', field: 'statusHistory.1' } });
  });

  it('refuses a stored cancellation without a reason', () => {
    const forged: StatusChange[] = [...booked, { kind: 'transition', from: 'booked', to: 'cancelled', at, by }];
    expect(check(forged)).toMatchObject({ ok: false, problem: { code: 'reason-required', field: 'statusHistory.1.reason' } });
  });

  it('refuses an undo that restores the wrong status', () => {
    const arrived = transition(booked, 'arrived', { at, by });
    const forged: StatusChange[] = [...arrived, { kind: 'undo', from: 'arrived', to: 'cancelled', at, by, undoes: 1 }];
    expect(check(forged)).toMatchObject({ ok: false, problem: { code: 'invalid-status-transition', field: 'statusHistory.2' } });
  });

  it('refuses an empty history and one that does not start with the booking', () => {
    expect(check([])).toMatchObject({ ok: false, problem: { code: 'required', field: 'statusHistory' } });
    expect(check([{ kind: 'transition', from: null, to: 'arrived', at, by }])).toMatchObject({
      ok: false,
      problem: { code: 'invalid-status-transition', field: 'statusHistory.0' },
    });
  });
});

describe('status history invariants', () => {
  // Any sequence of front-desk actions, allowed or not, leaves a history the
  // stored-data check accepts, and undo always lands on a status seen before.
  const action = fc.oneof(fc.constantFrom(...appointmentStatuses).map((to) => ({ undo: false as const, to })), fc.constant({ undo: true as const }));

  it('every history built by transition and undo passes statusHistorySchema', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let history = booked;
        const seen: AppointmentStatus[] = ['booked'];
        for (const step of actions) {
          const result = validationResult(() =>
            step.undo ? undoLastTransition(history, { at, by }) : transition(history, step.to, { at, by, reason: 'r' }),
          );
          if (!result.ok) continue;
          if (step.undo) expect(seen).toContain(currentStatus(result.value));
          history = result.value;
          seen.push(currentStatus(history));
        }
        expect(validationResult(() => parseWith(statusHistorySchema, history)).ok).toBe(true);
        expect(history.slice(0, 1)).toEqual(booked);
      }),
    );
  });
});
