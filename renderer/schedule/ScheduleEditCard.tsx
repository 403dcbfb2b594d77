import { useMemo, useState } from 'react';
import { textLimits } from '../../core/model';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { todayIn } from '../dates/calendar-dates';
import { clinicFormat, text } from '../i18n';
import { SettleEditDialog } from '../needs-attention/SettleEditDialog';
import type { SettleAction } from '../needs-attention/SettleEditDialog';
import { useDeskLabel } from '../needs-attention/useDeskLabel';
import { describeBlock } from './block-words';
import type { OpenScheduleEdit } from './schedule-edits';

/**
 * Two desks changed the same block of a schedule offline: "Front desk 2
 * changed it to … while this desk changed it to …". Keep the current one,
 * or apply the other — `schedule/save-block` with the other desk's values
 * first (planned and audited like any change), then `conflict/resolve` —
 * each with a reason.
 *
 * @example <ScheduleEditCard edit={edit} />
 */
export function ScheduleEditCard({ edit }: { edit: OpenScheduleEdit }) {
  const words = text.needsAttention;
  const { locale, timeZone } = useClinic();
  const format = useMemo(() => clinicFormat(locale, timeZone), [locale, timeZone]);
  const desk = useDeskLabel();
  const settle = useSettleScheduleEdit(edit);
  const [open, setOpen] = useState<SettleAction | null>(null);
  const today = todayIn(timeZone, Date.now());
  const name = edit.resource?.name ?? '';
  const title = text.schedule.editConflictTitle(name);
  const sentence = text.schedule.editConflictSentence(desk(edit.other), describeBlock(edit.other.block, format, today), desk(edit.kept), describeBlock(edit.kept.block, format, today));
  return (
    <article className="conflict-card" aria-label={title} data-testid="schedule-edit-card">
      <h2>{title}</h2>
      <p>{sentence}</p>
      <p className="conflict-desks">{words.editKeptNote(desk(edit.kept))}</p>
      <span className="conflict-actions">
        <button type="button" onClick={() => setOpen('kept-current')}>
          {words.keepCurrent}
        </button>
        <button type="button" onClick={() => setOpen('applied-other')}>
          {words.applyOther}
        </button>
      </span>
      {open ? <SettleEditDialog action={open} reasonLimit={textLimits.reason} settle={(reason) => settle(open, reason)} onClose={() => setOpen(null)} /> : null}
    </article>
  );
}

/** Applying the other desk's block saves it first (planned and audited like any change), then closes the conflict. */
function useSettleScheduleEdit(edit: OpenScheduleEdit) {
  const run = useCommand();
  return async (action: SettleAction, reason: string) => {
    if (action === 'applied-other') {
      const saved = await run('schedule/save-block', { block: edit.otherDraft, reason });
      if (!saved.ok) return saved;
    }
    return run('conflict/resolve', { conflictId: edit.id, action, reason });
  };
}
