import { useMemo, useState } from 'react';
import type { Resource } from '../../core/model';
import { useNow } from '../app/useNow';
import { useClinic } from '../data/useClinic';
import { useResources } from '../data/useResources';
import { todayIn } from '../dates/calendar-dates';
import { Field } from '../forms/Field';
import { clinicFormat, liveMessages } from '../i18n';
import { useWaitlist } from './useWaitlist';
import { visibleEntries } from './waitlist-view';
import type { WaitlistFilter } from './waitlist-view';
import { WaitlistAddForm } from './WaitlistAddForm';
import { WaitlistEntryRow } from './WaitlistEntryRow';
import '../openings/openings.css';
import './waitlist.css';

const words = liveMessages('waitlist');
const filterStates: WaitlistFilter['state'][] = ['open', 'waiting', 'offered', 'booked', 'removed'];

/**
 * The waitlist beside the day sheet (issue 13): entries by priority, then
 * who has waited longest, how long each has waited, filtered by provider
 * and state; adding a patient, and per entry offering a time, booking the
 * offered time, a declined offer, editing and removing with a reason
 * (`WaitlistEntryRow`). Every change is a command (`waitlist/add`,
 * `offer`, `book`, `decline`, `update`, `remove`); the list is live.
 *
 * @example <WaitlistPanel onClose={close} />
 */
export function WaitlistPanel({ onClose }: { onClose(): void }) {
  const clinic = useClinic();
  const now = useNow();
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const providers: Resource[] = useResources().filter((resource) => resource.kind === 'provider');
  const list = useWaitlist();
  const [filter, setFilter] = useState<WaitlistFilter>({ providerId: null, state: 'open' });
  const [adding, setAdding] = useState(false);
  const shown = list.status === 'ready' ? visibleEntries(list.value.entries, filter) : [];

  return (
    <aside
      className="openings-panel waitlist-panel"
      aria-label={words.title}
      data-testid="waitlist-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
    >
      <h2>{words.title}</h2>
      {adding ? (
        <WaitlistAddForm providers={providers} format={format} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          {words.add}
        </button>
      )}
      <div className="field-row">
        <Field label={words.filterProvider}>
          <select name="filterProvider" value={filter.providerId ?? ''} onChange={(event) => setFilter({ ...filter, providerId: event.target.value || null })}>
            <option value="">{words.anyProviderFilter}</option>
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={words.filterState}>
          <select name="filterState" value={filter.state} onChange={(event) => setFilter({ ...filter, state: event.target.value as WaitlistFilter['state'] })}>
            {filterStates.map((state) => (
              <option key={state} value={state}>
                {words.states[state]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {list.status === 'failed' ? <p role="alert">{words.failed}</p> : null}
      {list.status === 'ready' && shown.length === 0 ? <p role="status">{words.empty}</p> : null}
      <ul className="waitlist-entries">
        {shown.map((entry) => (
          <WaitlistEntryRow
            key={entry.id}
            entry={entry}
            patient={list.status === 'ready' ? list.value.patients.get(entry.patientId) : undefined}
            providers={providers}
            format={format}
            timeZone={clinic.timeZone}
            today={todayIn(clinic.timeZone, now)}
            now={now}
          />
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {words.close}
        </button>
      </div>
    </aside>
  );
}
