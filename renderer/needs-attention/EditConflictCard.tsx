import { useState } from 'react';
import { useClinic } from '../data/useClinic';
import { clinicFormat, text } from '../i18n';
import { textLimits } from '../../core/model';
import { useNotices } from '../notices/notice-store';
import { SettleEditDialog } from './SettleEditDialog';
import type { SettleAction } from './SettleEditDialog';
import { useDeskNames } from '../sync/useDeskNames';
import { editWording } from './edit-wording';
import { useResolveEdit } from './useResolveEdit';
import type { OpenEdit } from './open-edits';

/**
 * One concurrent edit: "Dana Desk on Front desk 2 moved this to 11:00 while
 * Jo Smith on this desk (Front desk 1) moved it to 10:00" (edit-wording.ts),
 * with "Keep the current one" and "Apply the other" (a series exception can
 * only be kept: its other change is redone by hand).
 *
 * @example <EditConflictCard edit={edit} />
 */
export function EditConflictCard({ edit }: { edit: OpenEdit }) {
  const { locale, timeZone } = useClinic();
  const format = clinicFormat(locale, timeZone);
  const resolve = useResolveEdit();
  const showNotice = useNotices((state) => state.show);
  const [open, setOpen] = useState<SettleAction | null>(null);
  const words = text.needsAttention;
  const patient = edit.patientName ?? words.unknownPatient;

  const deskNames = useDeskNames();
  const { sentence, keptNote } = editWording(edit, { deskNames, format });
  const title = words.editTitle(patient);

  return (
    <article className="conflict-card" aria-label={title} data-testid="edit-conflict-card">
      <h2>{title}</h2>
      <p data-testid="edit-conflict-sentence">{sentence}</p>
      <p className="conflict-desks">{keptNote}</p>
      <span className="conflict-actions">
        <button type="button" onClick={() => setOpen('kept-current')}>
          {words.keepCurrent}
        </button>
        {edit.entity === 'seriesException' ? null : (
          <button type="button" onClick={() => setOpen('applied-other')}>
            {words.applyOther}
          </button>
        )}
      </span>
      {open ? (
        <SettleEditDialog
          action={open}
          reasonLimit={textLimits.reason}
          settle={(reason) => resolve(edit, { action: open, reason })}
          onSettled={() => showNotice(open === 'kept-current' ? words.resolvedKeptCurrent : words.resolvedAppliedOther)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </article>
  );
}
