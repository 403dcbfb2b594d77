import { useEffect, useMemo, useRef } from 'react';
import { matchFreedSlot } from '../../core/waitlist';
import type { WaitlistMatch } from '../../core/waitlist';
import { instantToWallTime } from '../../core/time';
import { useNow } from '../app/useNow';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { useResources } from '../data/useResources';
import { todayIn } from '../dates/calendar-dates';
import { clinicFormat, liveMessages, refusalSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { useWaitlist } from './useWaitlist';
import { bookMatchArgs, freedSlotsOf, offerMatchArgs } from './waitlist-view';
import { useWaitlistDesk } from './waitlist-store';
import './waitlist.css';

const words = liveMessages('waitlist');

/**
 * The notice when a change on this desk frees time that waiting patients
 * fit — a visit cancelled, marked no-show, moved or shortened, or hours
 * extended or a blockout or leave taken away (`waitlist-store`): "2
 * waiting patients fit Dr Lee, 10:30–11:10 today", then the matches best first (core/waitlist
 * `matchFreedSlot`: wanted provider and times, priority, waited longest).
 * The first match has focus, so Enter books it (`waitlist/book`, the normal
 * booking check, at `placeInSlot`'s time); Tab reaches *Offer* beside it
 * (`waitlist/offer`: put to the patient by phone, the entry then shows the
 * offer on the waitlist) and the other matches. With no one fitting,
 * nothing shows.
 *
 * @example <FreedSlotNotice />
 */
export function FreedSlotNotice() {
  const freed = useWaitlistDesk((state) => state.freed);
  const clear = useWaitlistDesk((state) => state.clearFreed);
  const clinic = useClinic();
  const now = useNow();
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const resources = useResources();
  const list = useWaitlist();
  const run = useCommand();
  const show = useNotices((state) => state.show);
  const first = useRef<HTMLButtonElement>(null);

  const byId = useMemo(() => new Map(resources.map((resource) => [resource.id, resource])), [resources]);
  // The earliest freed slot someone fits (a visit has one provider as a rule; longer hours free a slot a day).
  const found = useMemo(() => {
    if (!freed || list.status !== 'ready') return null;
    for (const slot of freedSlotsOf(freed, byId, now)) {
      const matches = matchFreedSlot(list.value.entries, slot, now);
      if (matches.length > 0) return { slot, matches };
    }
    return null;
  }, [freed, list, byId, now]);

  const shownKey = found ? `${found.slot.providerId}:${found.slot.start}:${found.matches[0]?.entry.id ?? ''}` : '';
  useEffect(() => {
    // After the cancel dialog hands focus back: the first match takes it, so Enter books.
    if (!shownKey) return;
    const timer = setTimeout(() => first.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [shownKey]);

  if (!found || list.status !== 'ready') return null;
  const { slot, matches } = found;
  const day = instantToWallTime(slot.start, clinic.timeZone).slice(0, 10);
  const when = day === todayIn(clinic.timeZone, now) ? words.today : words.onDay(format.shortDate(day));
  const nameOf = (match: WaitlistMatch) => {
    const patient = list.value.patients.get(match.entry.patientId);
    return patient ? text.patientName(patient) : match.entry.patientId;
  };

  async function book(match: WaitlistMatch) {
    const result = await run('waitlist/book', bookMatchArgs(match, slot));
    if (!result.ok) {
      show(refusalSentence(result.error, (id) => byId.get(id)?.name ?? id), { tone: 'error' });
      return;
    }
    show(words.booked(nameOf(match), format.time(match.start)));
    clear();
  }

  // The patient was phoned and has not said yes yet: the entry holds the offer and leaves the matches (only waiting ones fit).
  async function offer(match: WaitlistMatch) {
    const result = await run('waitlist/offer', offerMatchArgs(match, slot));
    if (!result.ok) {
      show(refusalSentence(result.error, (id) => byId.get(id)?.name ?? id), { tone: 'error' });
      return;
    }
    show(words.offered(nameOf(match)));
  }

  return (
    <section
      className="freed-slot-notice"
      aria-label={words.matchesLabel}
      data-testid="freed-slot-notice"
      onKeyDown={(event) => {
        if (event.key === 'Escape') clear();
      }}
    >
      <p role="status">{words.fit(matches.length, byId.get(slot.providerId)?.name ?? slot.providerId, format.time(slot.start), format.time(slot.end), when)}</p>
      <ol>
        {matches.map((match, index) => (
          <li key={match.entry.id}>
            <button type="button" ref={index === 0 ? first : undefined} onClick={() => void book(match)}>
              {words.bookMatch(nameOf(match), format.time(match.start))}
            </button>{' '}
            <button type="button" onClick={() => void offer(match)}>
              {words.offerMatch(nameOf(match), format.time(match.start))}
            </button>{' '}
            <span className="field-hint">
              {words.priorities[match.entry.priority]} · {words.minutes(match.entry.durationMinutes)} · {match.entry.reason}
            </span>
          </li>
        ))}
      </ol>
      <button type="button" onClick={clear}>
        {words.dismiss}
      </button>
    </section>
  );
}
