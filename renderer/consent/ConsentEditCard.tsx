import { useState } from 'react';
import { textLimits } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useCommand } from '../data/useCommand';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';
import { text } from '../i18n';
import { SettleEditDialog } from '../needs-attention/SettleEditDialog';
import type { SettleAction } from '../needs-attention/SettleEditDialog';
import { useDeskLabel } from '../needs-attention/useDeskLabel';
import { readConsentEdits } from './consent-edits';
import type { OpenConsentEdit } from './consent-edits';
import { consentSummary } from './patient-consent';

/**
 * The open contact-consent edits, live, for Needs attention.
 *
 * @example const edits = useConsentEdits();
 */
export function useConsentEdits(): LiveResult<OpenConsentEdit[]> {
  const { db, deviceId } = useAppData();
  return useLiveQuery('consent-edits', () => readConsentEdits(db, deviceId));
}

/**
 * Two desks recorded different contact consent for one patient offline:
 * "Front desk 2 recorded 'Opted out of all messages' while this desk recorded
 * 'Messages allowed by Email'". Keep the current answer, or apply the other —
 * `patient/set-consent` with the other answer first, then `conflict/resolve`
 * — each with a reason.
 *
 * @example <ConsentEditCard edit={edit} />
 */
export function ConsentEditCard({ edit }: { edit: OpenConsentEdit }) {
  const words = text.needsAttention;
  const desk = useDeskLabel();
  const settle = useSettleConsentEdit(edit);
  const [open, setOpen] = useState<SettleAction | null>(null);
  const title = text.consent.editTitle(edit.patientName ?? text.dayView.unknownPatient);
  const said = (side: OpenConsentEdit['kept']) => (side.answer ? consentSummary(side.answer, text) : text.consent.notAsked);
  return (
    <article className="conflict-card" aria-label={title} data-testid="consent-edit-card">
      <h2>{title}</h2>
      <p>{text.consent.editSentence(desk(edit.other), said(edit.other), desk(edit.kept), said(edit.kept))}</p>
      <span className="conflict-actions">
        <button type="button" onClick={() => setOpen('kept-current')}>
          {words.keepCurrent}
        </button>
        {edit.other.answer ? (
          <button type="button" onClick={() => setOpen('applied-other')}>
            {words.applyOther}
          </button>
        ) : null}
      </span>
      {open ? <SettleEditDialog action={open} reasonLimit={textLimits.reason} settle={(reason) => settle(open, reason)} onClose={() => setOpen(null)} /> : null}
    </article>
  );
}

/** Applying the other desk's answer records it first (the consent rules apply, under whoever settles it), then closes the conflict. */
function useSettleConsentEdit(edit: OpenConsentEdit) {
  const run = useCommand();
  return async (action: SettleAction, reason: string) => {
    const other = edit.other.answer;
    if (action === 'applied-other' && other) {
      const set = await run('patient/set-consent', { patientId: edit.patientId, ...other });
      if (!set.ok) return set;
    }
    return run('conflict/resolve', { conflictId: edit.id, action, reason });
  };
}
