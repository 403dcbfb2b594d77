import type { DayItem } from '../data/day-sheet';
import { text } from '../i18n';
import { keyForAnswer } from '../shortcuts/desk-shortcut';
import type { ConfirmationChanges, DeskAnswer } from './useConfirmation';

const answers: DeskAnswer[] = ['confirmed', 'declined', 'no_answer'];

/**
 * The selected visit's confirmation in the panel: where it stands and the
 * three answers with their keys (F, D, O), plus undo of the last answer. Only
 * a booked visit is confirmed, so others show nothing.
 *
 * @example <ConfirmationActions item={item} confirmation={confirmation} />
 */
export function ConfirmationActions({ item, confirmation }: { item: DayItem; confirmation: ConfirmationChanges }) {
  if (item.status !== 'booked') return null;
  const current = item.confirmation ?? { status: 'unconfirmed' as const, movedSince: false, undoable: false };
  return (
    <div className="confirmation-actions" role="group" aria-label={text.confirmation.heading}>
      <p className={`confirmation-pill confirmation-${current.status}`} data-testid="selected-confirmation">
        {text.confirmation.heading}: {text.confirmation.statuses[current.status]}
      </p>
      {current.movedSince ? <p className="field-hint">{text.confirmation.movedSince}</p> : null}
      {answers.map((to) => (
        <button key={to} type="button" onClick={() => void confirmation.answer(item, to)} aria-keyshortcuts={keyForAnswer(to)}>
          {text.confirmation.actions[to]} <kbd>{keyForAnswer(to)}</kbd>
        </button>
      ))}
      {current.undoable ? (
        <button type="button" onClick={() => void confirmation.undo(item)}>
          {text.confirmation.undo}
        </button>
      ) : null}
    </div>
  );
}
