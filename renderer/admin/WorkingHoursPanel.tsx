import { useMemo, useState } from 'react';
import { useClinic } from '../data/useClinic';
import { text } from '../i18n';
import { AdminTableHead } from './AdminTableHead';
import { HoursBlockRow } from './HoursBlockRow';
import { useAllResources } from './useAllResources';
import { useWeeklyHours } from './useWeeklyHours';
import { isoWeekdays, newBlock, weekdayNames, weekOf } from './week-hours';
import type { HoursDraft } from './week-hours';
import { randomId } from '../data/app-database';

/**
 * Weekly working hours and breaks of one resource, as a week grid: a row per
 * weekday holding its blocks, each edited with labelled time inputs and
 * saved through `availability/save` (the engine checks end after start).
 * New blocks are drafts until saved.
 *
 * @example <WorkingHoursPanel />
 */
export function WorkingHoursPanel() {
  const words = text.admin;
  const clinic = useClinic();
  const resources = useAllResources() ?? [];
  const [chosen, setChosen] = useState('');
  const resourceId = chosen || resources[0]?.id || '';
  const resource = resources.find((candidate) => candidate.id === resourceId);
  const rules = useWeeklyHours(resourceId);
  const [added, setAdded] = useState<HoursDraft[]>([]);
  const dayNames = useMemo(() => weekdayNames(clinic.locale), [clinic.locale]);
  const week = useMemo(() => weekOf(rules ?? []), [rules]);

  if (resources.length === 0) return <p>{words.noResources}</p>;
  return (
    <div>
      <div className="field admin-resource-choice">
        <label htmlFor="hours-resource">{words.hoursFor}</label>
        <select id="hours-resource" value={resourceId} onChange={(event) => setChosen(event.target.value)}>
          {resources.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name} ({text.resourceKinds[option.kind].one})
            </option>
          ))}
        </select>
      </div>
      {resource ? <p className="field-hint">{words.hoursHint(resource.timeZone)}</p> : null}
      {rules === undefined ? <p role="status">{text.app.loading}</p> : null}
      <table className="admin-table week-grid" aria-label={resource ? words.weekLabel(resource.name) : words.sections.hours}>
        <AdminTableHead columns={[words.day, words.blocks]} />
        <tbody>
          {isoWeekdays.map((weekday, index) => {
            const dayName = dayNames[index] ?? String(weekday);
            const stored = week[index] ?? [];
            const drafts = added.filter((block) => block.resourceId === resourceId && block.weekday === weekday);
            const blocks = [...stored, ...drafts];
            const addBlock = (kind: 'working' | 'break') => setAdded([...added, newBlock(randomId(), resourceId, weekday, kind, blocks)]);
            return (
              <tr key={weekday} data-weekday={weekday}>
                <th scope="row">{dayName}</th>
                <td>
                  {blocks.length === 0 ? <span className="muted">{words.closedDay}</span> : null}
                  <ul className="hours-blocks">
                    {blocks.map((block) => (
                      <HoursBlockRow
                        key={block.id}
                        block={block}
                        dayName={dayName}
                        onSaved={() => setAdded((current) => current.filter((draft) => draft.id !== block.id))}
                        onDiscard={() => setAdded((current) => current.filter((draft) => draft.id !== block.id))}
                      />
                    ))}
                  </ul>
                </td>
                <td className="hours-add">
                  <button type="button" onClick={() => addBlock('working')} aria-label={words.addHoursOn(dayName)}>
                    {words.addHours}
                  </button>
                  <button type="button" onClick={() => addBlock('break')} aria-label={words.addBreakOn(dayName)}>
                    {words.addBreak}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
