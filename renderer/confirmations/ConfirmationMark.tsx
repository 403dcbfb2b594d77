import type { DayItem } from '../data/day-sheet';
import { text } from '../i18n';
import './confirmations.css';

/**
 * The confirmation mark on a booking block: nothing while unconfirmed, else
 * the answer's icon (its word on hover and for screen readers, through the
 * block's label).
 *
 * @example <ConfirmationMark item={item} />
 */
export function ConfirmationMark({ item }: { item: DayItem }) {
  const status = item.confirmation?.status ?? 'unconfirmed';
  if (status === 'unconfirmed') return null;
  return (
    <span className={`confirmation-mark confirmation-${status}`} aria-hidden="true" title={text.confirmation.statuses[status]} data-testid="confirmation-mark" data-confirmation={status}>
      {text.confirmation.icons[status]}
    </span>
  );
}
