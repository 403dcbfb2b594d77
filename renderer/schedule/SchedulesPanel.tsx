import { useMemo, useState } from 'react';
import type { ScheduleBlock } from '../../core/model';
import { useAllResources } from '../admin/useAllResources';
import { useClinic } from '../data/useClinic';
import { todayIn } from '../dates/calendar-dates';
import { clinicFormat, text } from '../i18n';
import { FreedSlotNotice } from '../waitlist/FreedSlotNotice';
import { describeBlock } from './block-words';
import { EndBlockDialog } from './EndBlockDialog';
import { ScheduleBlockForm } from './ScheduleBlockForm';
import { useBlockoutTypes } from './useBlockoutTypes';
import { useScheduleBlocks } from './useScheduleBlocks';

/**
 * Administration → Schedules: per provider or room, every block in words
 * ("Every 2 weeks on Mon, 09:00–13:00, from Jan 4, 2027"), with Add, Edit,
 * End (a repeat stops after a day) and Remove. Each form shows the next four
 * weeks of resulting hours and the booked visits a change would leave
 * outside them before anything is saved. Time a change gives back (longer
 * hours, leave removed) is offered to the waitlist here at once.
 *
 * @example <SchedulesPanel />
 */
export function SchedulesPanel() {
  const words = text.schedule;
  const clinic = useClinic();
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const resources = (useAllResources() ?? []).filter((resource) => resource.active);
  const [chosen, setChosen] = useState('');
  const resource = resources.find((candidate) => candidate.id === chosen) ?? resources[0];
  const blocks = useScheduleBlocks(resource?.id ?? '');
  const blockoutTypes = useBlockoutTypes();
  const [editing, setEditing] = useState<{ block: ScheduleBlock | null } | null>(null);
  const [ending, setEnding] = useState<{ block: ScheduleBlock; mode: 'end' | 'remove' } | null>(null);
  const today = resource ? todayIn(resource.timeZone, Date.now()) : '';
  return (
    <div className="schedules">
      <div className="admin-actions">
        <label className="inline-field">
          {words.scheduleOf}{' '}
          <select value={resource?.id ?? ''} onChange={(event) => setChosen(event.target.value)} data-testid="schedule-resource">
            {resources.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
        {resource ? (
          <button type="button" onClick={() => setEditing({ block: null })}>
            {words.addBlock}
          </button>
        ) : null}
      </div>
      {resource ? <p className="field-hint">{words.panelHint(resource.timeZone)}</p> : <p>{words.noResources}</p>}
      <FreedSlotNotice />
      {blocks === undefined ? <p role="status">{text.app.loading}</p> : null}
      {resource && blocks && blocks.length === 0 ? <p>{words.noBlocks(resource.name)}</p> : null}
      {resource && blocks && blocks.length > 0 ? (
        <table className="admin-table" aria-label={words.blocksOf(resource.name)} data-testid="schedule-blocks">
          <thead>
            <tr>
              <th scope="col">{words.kindLabel}</th>
              <th scope="col">{words.when}</th>
              <th scope="col">
                <span className="sr-only">{words.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {blocks.map((block) => {
              const description = describeBlock(block, format, today);
              return (
                <tr key={block.id} data-testid="schedule-block">
                  <td>{words.kinds[block.kind]}</td>
                  <th scope="row">{description}</th>
                  <td className="row-actions">
                    <button type="button" onClick={() => setEditing({ block })} aria-label={words.editNamed(description)}>
                      {text.admin.edit}
                    </button>{' '}
                    {block.rrule !== undefined ? (
                      <button type="button" onClick={() => setEnding({ block, mode: 'end' })} aria-label={words.endNamed(description)}>
                        {words.endAction}
                      </button>
                    ) : null}{' '}
                    <button type="button" className="danger" onClick={() => setEnding({ block, mode: 'remove' })} aria-label={words.removeNamed(description)}>
                      {words.removeAction}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {editing && resource ? <ScheduleBlockForm resource={resource} block={editing.block} blockoutTypes={blockoutTypes} onClose={() => setEditing(null)} /> : null}
      {ending && resource ? <EndBlockDialog resource={resource} block={ending.block} mode={ending.mode} onClose={() => setEnding(null)} /> : null}
    </div>
  );
}
