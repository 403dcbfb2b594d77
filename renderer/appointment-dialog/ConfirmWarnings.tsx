import { Modal } from '../dialog/Modal';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import type { WarningGroup } from './warnings-to-confirm';

/** Props of {@link ConfirmWarnings}. */
export interface ConfirmWarningsProps {
  groups: readonly WarningGroup[];
  /** A single appointment ("This visit is…") rather than a series ("2 visits are…"). */
  single: boolean;
  format: ClinicFormat;
  onConfirm(): void;
  /** Back to the form, nothing saved (also Escape and the close button). */
  onBack(): void;
}

/** Visits listed per warning before "…and N more". */
const listed = 5;

const sentences = (): Record<WarningGroup['kind'], (subject: string) => string> => ({
  'outside-hours': text.preview.confirmOutsideHours,
  break: text.preview.confirmBreak,
  'no-hours': text.preview.confirmNoHours,
  other: text.preview.confirmOther,
});

/**
 * The short confirm step before saving a booking that only has warnings
 * ("Book anyway? 2 visits are outside working hours"): a modal on top of
 * the dialog, focus on "Book anyway", Enter books, Escape or "Back to the
 * form" returns to the form with nothing saved. Hard conflicts never get
 * here; the command refuses them and the conflict list shows them.
 *
 * @example {confirming ? <ConfirmWarnings groups={confirming} single format={format} onConfirm={book} onBack={() => setConfirming(null)} /> : null}
 */
export function ConfirmWarnings({ groups, single, format, onConfirm, onBack }: ConfirmWarningsProps) {
  return (
    <Modal title={text.preview.confirmTitle} onClose={onBack}>
      <div className="modal-body confirm-warnings" data-testid="confirm-warnings">
        {groups.map((group) => (
          <div key={group.kind}>
            <p>{sentences()[group.kind](text.preview.visitsAre(group.visits.length, single))}</p>
            {single ? null : (
              <ul>
                {group.visits.slice(0, listed).map((visit) => (
                  <li key={visit.id}>{format.dateTime(Date.parse(visit.start))}</li>
                ))}
                {group.visits.length > listed ? <li className="muted">{text.preview.confirmMore(group.visits.length - listed)}</li> : null}
              </ul>
            )}
          </div>
        ))}
        <div className="form-actions">
          <button type="button" onClick={onBack}>
            {text.preview.confirmBack}
          </button>
          <button type="button" className="primary" onClick={onConfirm} data-autofocus>
            {text.preview.confirmBook}
          </button>
        </div>
      </div>
    </Modal>
  );
}
