import { useMemo, useState } from 'react';
import type { Patient, Resource, WaitlistEntry } from '../../core/model';
import { daysWaited } from '../../core/waitlist';
import { useNow } from '../app/useNow';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { useResources } from '../data/useResources';
import { Field } from '../forms/Field';
import { clinicFormat, liveMessages, problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { useWaitlist } from './useWaitlist';
import { visibleEntries } from './waitlist-view';
import type { WaitlistFilter } from './waitlist-view';
import { WaitlistAddForm } from './WaitlistAddForm';
import '../openings/openings.css';
import './waitlist.css';

const words = liveMessages('waitlist');
const filterStates: WaitlistFilter['state'][] = ['open', 'waiting', 'offered', 'booked', 'removed'];

/** Who the entry wants, in words. */
function wantedProviders(entry: WaitlistEntry, names: ReadonlyMap<string, string>): string {
  return Array.isArray(entry.providers) ? entry.providers.map((id) => names.get(id) ?? id).join(', ') : words.anyProvider;
}

/** One line of the list: patient, priority, how long they have waited, what they want; removal with a reason. */
function EntryRow({ entry, patient, names, now }: { entry: WaitlistEntry; patient: Patient | undefined; names: ReadonlyMap<string, string>; now: number }) {
  const run = useCommand();
  const show = useNotices((state) => state.show);
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const name = patient ? text.patientName(patient) : entry.patientId;
  const open = entry.state.kind === 'waiting' || entry.state.kind === 'offered';

  async function remove() {
    const result = await run('waitlist/remove', { id: entry.id, reason });
    if (!result.ok) {
      setError('field' in result.error ? problemSentence({ code: result.error.code, field: 'reason' }) : result.error.message);
      return;
    }
    show(words.removed(name));
  }

  return (
    <li className="waitlist-entry" data-testid="waitlist-entry" data-state={entry.state.kind}>
      <div className="waitlist-line">
        <strong>{name}</strong>
        <span className={`waitlist-priority waitlist-${entry.priority}`}>{words.priorities[entry.priority]}</span>
        <span className="waitlist-state">{words.states[entry.state.kind]}</span>
        <span>{words.waited(daysWaited(entry, now))}</span>
      </div>
      <div className="waitlist-line field-hint">
        {wantedProviders(entry, names)} · {words.minutes(entry.durationMinutes)} · {entry.reason}
      </div>
      {open && !removing ? (
        <button type="button" onClick={() => setRemoving(true)}>
          {words.remove}
        </button>
      ) : null}
      {removing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void remove();
          }}
          noValidate
        >
          <Field label={words.removeReason} error={error}>
            <input name="removeReason" value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
          </Field>
          <div className="form-actions">
            <button type="button" onClick={() => setRemoving(false)}>
              {words.cancelRemove}
            </button>
            <button type="submit" className="primary">
              {words.confirmRemove}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

/**
 * The waitlist beside the day sheet (issue 13): entries by priority, then
 * who has waited longest, how long each has waited, filtered by provider
 * and state; adding a patient and removing one with a reason. Every change
 * is a command (`waitlist/add`, `waitlist/remove`); the list is live.
 *
 * @example <WaitlistPanel onClose={close} />
 */
export function WaitlistPanel({ onClose }: { onClose(): void }) {
  const clinic = useClinic();
  const now = useNow();
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const providers: Resource[] = useResources().filter((resource) => resource.kind === 'provider');
  const names = useMemo(() => new Map(providers.map((provider) => [provider.id, provider.name])), [providers]);
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
          <EntryRow key={entry.id} entry={entry} patient={list.status === 'ready' ? list.value.patients.get(entry.patientId) : undefined} names={names} now={now} />
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
