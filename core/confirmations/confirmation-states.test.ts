import { describe, expect, it } from 'vitest';
import { confirmationStatuses } from '../model';
import { canConfirm, canUndoConfirmation, confirmationStatusOf, confirmationTransitions, historyForStart, setConfirmation, undoConfirmation } from './confirmation-states';

const desk = { at: '2026-03-01T15:00:00.000Z', actor: 'staff', by: 's1', method: 'phone' } as const;

describe('confirmation states', () => {
  it('names every status in the table, and no status goes back to unconfirmed except by undo', () => {
    expect(Object.keys(confirmationTransitions).sort()).toEqual([...confirmationStatuses].sort());
    for (const targets of Object.values(confirmationTransitions)) expect(targets).not.toContain('unconfirmed');
    expect(canConfirm('confirmed', 'reminded')).toBe(false); // a reminder never overwrites an answer
    expect(canConfirm('declined', 'confirmed')).toBe(true);
  });

  it('records answers with who, when and how, and refuses a change the table does not allow', () => {
    const confirmed = setConfirmation([], 'confirmed', { ...desk, note: '  Will bring the forms ' });
    expect(confirmed).toEqual([{ kind: 'set', from: 'unconfirmed', to: 'confirmed', at: desk.at, actor: 'staff', by: 's1', method: 'phone', note: 'Will bring the forms' }]);
    expect(() => setConfirmation(confirmed, 'confirmed', desk)).toThrow(expect.objectContaining({ code: 'invalid-status-transition', field: 'status' }));
    expect(() => setConfirmation(confirmed, 'no_answer', desk)).toThrow(/cannot be marked no answer/);
  });

  it('undoes answers one at a time, back to unconfirmed, and then has nothing to undo', () => {
    let history = setConfirmation([], 'no_answer', desk);
    history = setConfirmation(history, 'no_answer', desk);
    history = setConfirmation(history, 'confirmed', desk);
    history = undoConfirmation(history, desk);
    expect(confirmationStatusOf(history)).toBe('no_answer');
    history = undoConfirmation(undoConfirmation(history, desk), desk);
    expect(confirmationStatusOf(history)).toBe('unconfirmed');
    expect(canUndoConfirmation(history)).toBe(false);
    expect(() => undoConfirmation(history, desk)).toThrow(expect.objectContaining({ code: 'nothing-to-undo' }));
  });

  it('starts again from unconfirmed when the visit moved since the last answer, and the old answer cannot be undone back', () => {
    const confirmed = setConfirmation([], 'confirmed', desk);
    expect(historyForStart(confirmed, '2026-03-02T14:00:00.000Z', '2026-03-02T14:00:00Z', desk)).toEqual(confirmed);
    const moved = historyForStart(confirmed, '2026-03-02T14:00:00.000Z', '2026-03-04T14:00:00.000Z', desk);
    expect(moved.at(-1)).toMatchObject({ kind: 'reset', from: 'confirmed', to: 'unconfirmed' });
    expect(moved.at(-1)).not.toHaveProperty('method');
    expect(canUndoConfirmation(moved)).toBe(false);
    expect(confirmationStatusOf(setConfirmation(moved, 'confirmed', desk))).toBe('confirmed');
  });
});
