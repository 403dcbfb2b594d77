import { useState } from 'react';
import { useClinic } from '../data/useClinic';
import { clinicFormat, text } from '../i18n';
import { textLimits } from '../../core/model';
import { useNotices } from '../notices/notice-store';
import { SettleEditDialog } from './SettleEditDialog';
import type { SettleAction } from './SettleEditDialog';
import { useDeskLabel } from './useDeskLabel';
import { useResolveEdit } from './useResolveEdit';
import type { EditSide, OpenEdit } from './open-edits';

/**
 * One concurrent edit: "Front desk 2 moved this to 11:00 while Front desk 1
 * moved it to 10:00", with "Keep the current one" and "Apply the other"
 * (a series exception can only be kept: its other change is redone by hand).
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

  const deskLabel = useDeskLabel();
  const change = (side: EditSide, pronoun: 'this' | 'it') => {
    const when = side.start !== null ? format.dateTime(side.start) : (side.wallStart?.replace('T', ' ') ?? '');
    const parts: string[] = [];
    if (edit.slotChanged) parts.push(when ? words.editMoved(pronoun, when) : words.editChanged(pronoun));
    if (edit.statusChanged && side.status !== null) {
      const first = parts.length === 0 ? pronoun : 'it';
      parts.push(side.status === 'cancelled' ? words.editCancelled(first) : words.editMarked(first, text.statuses[side.status].toLowerCase()));
    }
    if (parts.length === 0) return words.editChanged(pronoun);
    return parts.length === 1 ? (parts[0] as string) : words.editAnd(parts[0] as string, parts[1] as string);
  };
  const sentence = words.editSentence(capitalise(deskLabel(edit.other)), change(edit.other, 'this'), deskLabel(edit.kept), change(edit.kept, 'it'));
  const title = words.editTitle(patient);

  return (
    <article className="conflict-card" aria-label={title} data-testid="edit-conflict-card">
      <h2>{title}</h2>
      <p data-testid="edit-conflict-sentence">{sentence}</p>
      <p className="conflict-desks">{words.editKeptNote(deskLabel(edit.kept))}</p>
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

const capitalise = (words: string) => (words.length === 0 ? words : `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}`);
