import { useId } from 'react';
import type { Resource } from '../../core/model';
import { reportPeriods } from './report-periods';
import { text } from '../i18n';
import type { CheckedFilters, ReportFilters } from './report-filters';
import { monthOf } from './report-filters';
import { addDays } from '../dates/calendar-dates';

/**
 * The report's filters: dates (with *This month* / *Last month*), day /
 * week / month, which providers and rooms, the late-cancellation window and
 * the comparison with the previous period. Problems show under the field.
 *
 * @example <ReportFiltersForm filters={filters} checked={checked} resources={resources} today="2027-03-14" onChange={setFilters} />
 */
export function ReportFiltersForm({ filters, checked, resources, today, onChange }: { filters: ReportFilters; checked: CheckedFilters; resources: readonly Resource[]; today: string; onChange: (next: ReportFilters) => void }) {
  const words = text.reports.filters;
  const id = useId();
  const problem = (field: string) => (!checked.ok && checked.field === field ? checked.message : null);
  const set = <Key extends keyof ReportFilters>(key: Key, value: ReportFilters[Key]) => onChange({ ...filters, [key]: value });
  const kinds = (['provider', 'room'] as const).filter((kind) => resources.some((resource) => resource.kind === kind));
  const field = (name: 'fromDate' | 'toDate' | 'lateHours', label: string, input: React.ReactNode) => (
    <label className="report-field">
      <span>{label}</span>
      {input}
      {problem(name) ? (
        <span className="field-error" role="alert" id={`${id}-${name}-error`}>
          {problem(name)}
        </span>
      ) : null}
    </label>
  );
  return (
    <fieldset className="report-filters">
      <legend>{words.legend}</legend>
      {field('fromDate', words.from, <input type="date" value={filters.fromDate} aria-invalid={problem('fromDate') ? true : undefined} onChange={(event) => set('fromDate', event.target.value)} />)}
      {field('toDate', words.to, <input type="date" value={filters.toDate} aria-invalid={problem('toDate') ? true : undefined} aria-describedby={problem('toDate') ? `${id}-toDate-error` : undefined} onChange={(event) => set('toDate', event.target.value)} />)}
      <span className="report-quick">
        <button type="button" onClick={() => onChange({ ...filters, ...monthOf(today) })}>
          {words.thisMonth}
        </button>
        <button type="button" onClick={() => onChange({ ...filters, ...monthOf(addDays(`${today.slice(0, 7)}-01`, -1)) })}>
          {words.lastMonth}
        </button>
      </span>
      <label className="report-field">
        <span>{words.period}</span>
        <select value={filters.period} onChange={(event) => set('period', event.target.value as ReportFilters['period'])}>
          {reportPeriods.map((period) => (
            <option key={period} value={period}>
              {words.periods[period]}
            </option>
          ))}
        </select>
      </label>
      <label className="report-field">
        <span>{words.resources}</span>
        <select value={filters.resources} onChange={(event) => set('resources', event.target.value)}>
          <option value="">{words.allResources}</option>
          {kinds.map((kind) => (
            <option key={kind} value={`kind:${kind}`}>
              {text.resourceKinds[kind].many}
            </option>
          ))}
          {resources.map((resource) => (
            <option key={resource.id} value={resource.id}>
              {resource.name}
            </option>
          ))}
        </select>
      </label>
      {field('lateHours', words.lateHours, <input type="number" min={1} max={168} step={1} value={filters.lateHours} aria-invalid={problem('lateHours') ? true : undefined} onChange={(event) => set('lateHours', event.target.value)} />)}
      <label className="report-check">
        <input type="checkbox" checked={filters.compare} onChange={(event) => set('compare', event.target.checked)} />
        <span>{words.compare}</span>
      </label>
    </fieldset>
  );
}
