import { useEffect, useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { text } from '../i18n';
import { matchZones, zoneChoices } from './zone-choices';
import './zone-locale.css';

/** Props of {@link ZonePicker}; `id` and the aria props come from `forms/Field`. */
export interface ZonePickerProps {
  value: string;
  onChange(zone: string): void;
  /** The computer's own zone (any name the platform gives it), listed first under its current name. */
  deskZone: string;
  /** "Now", for the offsets shown beside each zone. */
  now: number;
  name?: string;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * A searchable list of IANA time zones (an ARIA combobox with a listbox):
 * type part of a city, region or offset (`york`, `kolkata`, `utc+10`), move
 * with ↑/↓, take one with Enter or a click; Escape leaves the choice as it
 * was. Only a listed zone can be chosen — what is typed is a search, never
 * the value — and the computer's own zone comes first.
 *
 * @example <Field label="Time zone"><ZonePicker value={zone} onChange={setZone} deskZone={deskZone} now={Date.now()} /></Field>
 */
export function ZonePicker({ value, onChange, deskZone, now, name, id, ...aria }: ZonePickerProps) {
  const listId = useId();
  const choices = useMemo(() => zoneChoices(deskZone, now), [deskZone, now]);
  const deskChoice = choices[0]?.zone;
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const open = query !== null;
  const shown = useMemo(() => (open ? matchZones(choices, query) : []), [choices, open, query]);
  const chosen = choices.find((entry) => entry.zone === value);
  useEffect(() => {
    if (open) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, listId]);

  const close = () => {
    setQuery(null);
    setActive(0);
  };
  const choose = (zone: string) => {
    onChange(zone);
    close();
  };
  // A fresh list starts on the current choice; a search starts on its best match.
  const search = (next: string) => {
    setQuery(next);
    setActive(next === '' ? Math.max(0, choices.findIndex((entry) => entry.zone === value)) : 0);
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return search('');
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.min(Math.max(current + step, 0), Math.max(shown.length - 1, 0)));
    } else if (event.key === 'Enter' && open) {
      // Enter takes the highlighted zone instead of submitting the form.
      event.preventDefault();
      const pick = shown[active];
      if (pick) choose(pick.zone);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }

  return (
    <div className="zone-picker">
      <input
        id={id}
        name={name}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={open ? query : (chosen?.zone ?? value)}
        onChange={(event) => search(event.target.value)}
        onFocus={(event) => event.target.select()}
        onClick={() => (open ? undefined : search(''))}
        onKeyDown={onKeyDown}
        onBlur={close}
        {...aria}
      />
      <span className="zone-picker-offset" aria-hidden="true">
        {chosen?.offset}
      </span>
      {open && shown.length > 0 ? (
        <ul className="zone-picker-list" id={listId} role="listbox" aria-label={text.zonePicker.listLabel}>
          {shown.map((entry, index) => (
            <li
              key={entry.zone}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={entry.zone === value ? 'zone-picker-current' : undefined}
              // Keep focus in the input: a click chooses, it does not blur first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(entry.zone)}
            >
              <span className="zone-picker-name">
                {entry.name}
                {entry.place ? <span className="zone-picker-place">{entry.place}</span> : null}
              </span>
              <span className="zone-picker-note">
                {entry.zone === deskChoice ? `${text.zonePicker.thisComputer} · ` : ''}
                {entry.offset}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {open && shown.length === 0 ? (
        <p className="zone-picker-none" role="status">
          {text.zonePicker.noMatch(query)}
        </p>
      ) : null}
    </div>
  );
}
