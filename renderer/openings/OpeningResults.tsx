import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { clinicFormat, liveMessages } from '../i18n';
import type { ClinicFormat } from '../i18n';
import { movedIndex } from './opening-results';
import type { OpeningDay, OpeningRow } from './opening-results';

/** Props of {@link OpeningResults}. */
export interface OpeningResultsProps {
  days: readonly OpeningDay[];
  format: ClinicFormat;
  locale: string;
  clinicTimeZone: string;
  onBook(row: OpeningRow): void;
}

const words = liveMessages('openings');

/**
 * The openings as a listbox grouped by day, earliest first: each line the
 * time on the provider's own clock (its zone named when it is not the
 * clinic's), the provider and room, and a soft blockout's warning. ↑ ↓
 * Home End move, Enter or a click opens the booking dialog filled in. The
 * list takes focus when a search returns, so the arrows work at once.
 *
 * @example <OpeningResults days={days} format={format} locale="en-US" clinicTimeZone="America/New_York" onBook={book} />
 */
export function OpeningResults({ days, format, locale, clinicTimeZone, onBook }: OpeningResultsProps) {
  const id = useId();
  const rows = days.flatMap((day) => day.rows);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  const first = rows[0]?.key;
  useEffect(() => {
    setActive(0);
    if (first !== undefined) list.current?.focus();
  }, [first]);
  const current = Math.min(active, rows.length - 1);
  const optionId = (index: number) => `${id}-opening-${index}`;
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  function onKeyDown(event: KeyboardEvent) {
    const row = rows[current];
    if (event.key === 'Enter' && row) {
      event.preventDefault();
      onBook(row);
      return;
    }
    const next = movedIndex(current, event.key, rows.length);
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
  }

  let index = -1;
  return (
    <div ref={list} className="opening-results" role="listbox" tabIndex={0} aria-label={words.resultsLabel} aria-activedescendant={rows.length > 0 ? optionId(current) : undefined} onKeyDown={onKeyDown} data-testid="opening-results">
      {days.map((day) => (
        <div role="group" key={`${day.day}-${day.rows[0]?.key ?? ''}`} aria-labelledby={`${id}-${day.day}`}>
          <div className="opening-day" id={`${id}-${day.day}`} role="presentation">
            {format.longDate(day.day)}
          </div>
          {day.rows.map((row) => {
            index += 1;
            const at = index;
            const zone = row.provider?.timeZone ?? clinicTimeZone;
            const clock = clinicFormat(locale, zone);
            const providerName = row.provider?.name ?? row.opening.providerId;
            const roomName = row.opening.roomId === undefined ? undefined : (row.room?.name ?? row.opening.roomId);
            return (
              <div key={row.key} id={optionId(at)} role="option" aria-selected={at === current} className="opening-row" data-testid="opening" onClick={() => onBook(row)}>
                <span className="opening-time">
                  {clock.time(Date.parse(row.opening.start))}–{clock.time(Date.parse(row.opening.end))}
                  {zone === clinicTimeZone ? null : <span className="opening-zone"> {words.onClock(zone)}</span>}
                </span>
                <span className="opening-with">{words.with(providerName, roomName)}</span>
                {row.opening.soft ? <span className="opening-soft">⚠ {words.soft(row.opening.soft.join(', '))}</span> : null}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
