import { useState } from 'react';
import type { ReactNode } from 'react';
import type { CommandError } from '../../core/commands';
import type { Patient, Resource, WaitlistEntry } from '../../core/model';
import { instantToWallTime } from '../../core/time';
import { daysWaited } from '../../core/waitlist';
import { useCommand } from '../data/useCommand';
import { Field } from '../forms/Field';
import type { ClinicFormat } from '../i18n';
import { liveMessages, problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { bookOfferArgs } from './waitlist-offer';
import { WaitlistAddForm } from './WaitlistAddForm';
import { WaitlistOfferForm } from './WaitlistOfferForm';

const words = liveMessages('waitlist');

/** Props of {@link WaitlistEntryRow}. */
export interface WaitlistEntryRowProps {
  entry: WaitlistEntry;
  patient: Patient | undefined;
  providers: readonly Resource[];
  format: ClinicFormat;
  /** The clinic's zone: the offered time is written on its clock, as the day sheet is. */
  timeZone: string;
  today: string;
  now: number;
}

/** Who the entry wants, in words. */
function wantedProviders(entry: WaitlistEntry, names: ReadonlyMap<string, string>): string {
  return Array.isArray(entry.providers) ? entry.providers.map((id) => names.get(id) ?? id).join(', ') : words.anyProvider;
}

/** A reason asked for inline (removal: required; a declined offer: optional), then the command. */
function ReasonForm({ label, confirm, keep, onConfirm, onKeep }: { label: string; confirm: string; keep: string; onConfirm(reason: string): Promise<string | undefined>; onKeep(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onConfirm(reason).then(setError);
      }}
      noValidate
    >
      <Field label={label} error={error}>
        <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
      </Field>
      <div className="form-actions">
        <button type="button" onClick={onKeep}>
          {keep}
        </button>
        <button type="submit" className="primary">
          {confirm}
        </button>
      </div>
    </form>
  );
}

type Mode = 'idle' | 'offering' | 'declining' | 'removing' | 'editing';

/**
 * One line of the waitlist: patient, priority, state, how long they have
 * waited, what they want — and, for an offered entry, the time offered
 * ("Offered Tue Jan 12, 10:30 AM, with Dr Lee"). Its actions, each a
 * command and reached with Tab: *Offer a time* (`waitlist/offer`; again
 * on an offered entry, a newer offer replaces it), *Book* the offered time
 * (`waitlist/book`, the normal booking check), *Declined* (`waitlist/decline`,
 * back to waiting, a reason if they gave one), *Edit* (`waitlist/update`,
 * the add form filled in) and *Remove* (`waitlist/remove`, with the reason).
 * Booked and removed entries are finished and offer nothing.
 *
 * @example <WaitlistEntryRow entry={entry} patient={patient} providers={providers} format={format} timeZone="America/New_York" today="2027-01-12" now={now} />
 */
export function WaitlistEntryRow({ entry, patient, providers, format, timeZone, today, now }: WaitlistEntryRowProps) {
  const run = useCommand();
  const show = useNotices((state) => state.show);
  const [mode, setMode] = useState<Mode>('idle');
  const name = patient ? text.patientName(patient) : entry.patientId;
  const names = new Map(providers.map((provider) => [provider.id, provider.name]));
  const zones = new Map(providers.map((provider) => [provider.id, provider.timeZone]));
  const open = entry.state.kind === 'waiting' || entry.state.kind === 'offered';
  const offer = entry.state.kind === 'offered' ? entry.state.slot : undefined;
  const refusal = (error: CommandError) => ('field' in error ? problemSentence(error) : error.message);
  const idle = () => setMode('idle');

  async function remove(reason: string) {
    const result = await run('waitlist/remove', { id: entry.id, reason });
    if (!result.ok) return 'field' in result.error ? problemSentence({ code: result.error.code, field: 'reason' }) : result.error.message;
    show(words.removed(name));
    idle();
    return undefined;
  }

  async function decline(reason: string) {
    const result = await run('waitlist/decline', { id: entry.id, ...(reason.trim() ? { reason } : {}) });
    if (!result.ok) return refusal(result.error);
    show(words.declined(name));
    idle();
    return undefined;
  }

  async function bookOffer() {
    const args = bookOfferArgs(entry, zones);
    if (!args) return;
    const result = await run('waitlist/book', args);
    if (!result.ok) {
      show(refusal(result.error), { tone: 'error' });
      return;
    }
    show(words.booked(name, format.time(Date.parse(result.value.booked.appointment.start))));
  }

  let body: ReactNode = null;
  if (mode === 'offering') body = <WaitlistOfferForm entry={entry} name={name} providers={providers} today={today} onDone={idle} />;
  else if (mode === 'editing') body = <WaitlistAddForm entry={entry} patient={patient} providers={providers} format={format} onDone={idle} />;
  else if (mode === 'declining') body = <ReasonForm label={words.declineReason} confirm={words.confirmDecline} keep={words.keepOffer} onConfirm={decline} onKeep={idle} />;
  else if (mode === 'removing') body = <ReasonForm label={words.removeReason} confirm={words.confirmRemove} keep={words.cancelRemove} onConfirm={remove} onKeep={idle} />;
  else if (open) {
    body = (
      <div className="waitlist-actions">
        {offer ? (
          <>
            <button type="button" className="primary" onClick={() => void bookOffer()}>
              {words.bookOffer}
            </button>{' '}
            <button type="button" onClick={() => setMode('declining')}>
              {words.decline}
            </button>{' '}
          </>
        ) : null}
        <button type="button" onClick={() => setMode('offering')}>
          {offer ? words.offerAnother : words.offer}
        </button>{' '}
        <button type="button" onClick={() => setMode('editing')}>
          {words.edit}
        </button>{' '}
        <button type="button" onClick={() => setMode('removing')}>
          {words.remove}
        </button>
      </div>
    );
  }

  const offerDay = offer ? instantToWallTime(Date.parse(offer.start), timeZone).slice(0, 10) : '';
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
      {offer ? (
        <div className="waitlist-line waitlist-offered" data-testid="waitlist-offered">
          {words.offeredSlot(format.weekday(offerDay), format.shortDate(offerDay), format.time(Date.parse(offer.start)), names.get(offer.providerId) ?? offer.providerId)}
        </div>
      ) : null}
      {body}
    </li>
  );
}
