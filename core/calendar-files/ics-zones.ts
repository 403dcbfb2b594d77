import ICAL from 'ical.js';
import { findIana } from 'windows-iana';
import { offsetMinutesAt, zoneFor } from '../time';

/** How a file's TZID was understood. */
export type ZoneResolution = { ok: true; zone: string; from: 'iana' | 'windows' } | { ok: false };

function isIana(name: string): boolean {
  try {
    zoneFor(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA zone a TZID names: an IANA name as it is (Google, Apple, our own
 * exports), or a Windows name mapped through CLDR's windowsZones table
 * (Outlook writes "Eastern Standard Time"; its own VTIMEZONE travels with it,
 * but the booking needs a real zone so later DST rules apply). Anything else
 * is not understood, and the importer says so rather than guess.
 *
 * @example resolveTzid('W. Europe Standard Time') // { ok: true, zone: 'Europe/Berlin', from: 'windows' }
 */
export function resolveTzid(tzid: string): ZoneResolution {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (name.startsWith('/')) return resolveTzid(name.slice(1)); // "/Europe/London": a globally unique TZID prefix
  if (isIana(name)) return { ok: true, zone: zoneFor(name).name, from: 'iana' };
  const [primary] = findIana(name);
  if (primary && isIana(primary)) return { ok: true, zone: primary, from: 'windows' };
  return { ok: false };
}

function utcOffset(minutes: number): ICAL.UtcOffset {
  const sign = minutes < 0 ? -1 : 1;
  const absolute = Math.abs(minutes);
  return new ICAL.UtcOffset({ hours: Math.floor(absolute / 60), minutes: absolute % 60, factor: sign });
}

/** Wall-clock fields of an instant at a fixed offset (the local time a transition starts at, in the offset before it). */
function localFields(instant: number, offsetMinutes: number) {
  const local = new Date(instant + offsetMinutes * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds(), isDate: false };
}

/** The instants in [from, to) at which the zone's offset changes, found day by day then to the minute. */
function transitions(zoneName: string, from: number, to: number): { at: number; before: number; after: number }[] {
  const zone = zoneFor(zoneName);
  const found: { at: number; before: number; after: number }[] = [];
  const step = 86_400_000;
  let previous = offsetMinutesAt(zone, from);
  for (let time = from + step; time <= to; time += step) {
    const current = offsetMinutesAt(zone, time);
    if (current === previous) continue;
    let low = time - step;
    let high = time;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutesAt(zone, middle) === previous) low = middle;
      else high = middle;
    }
    found.push({ at: high, before: previous, after: current });
    previous = current;
  }
  return found;
}

/**
 * A VTIMEZONE for an IANA zone over [from, to) (RFC 5545 §3.6.5), made from
 * the same tz data the engine converts with (Luxon): one STANDARD or DAYLIGHT
 * observance per offset change, each starting at the local time before the
 * change, so every reader — Outlook included, which ignores TZIDs it does not
 * know — places the visits where the desk does. A zone without changes in the
 * span gets one STANDARD observance.
 *
 * @example vtimezoneFor('Europe/London', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).toString()
 */
export function vtimezoneFor(zoneName: string, from: number, to: number): ICAL.Component {
  const component = new ICAL.Component('vtimezone');
  component.updatePropertyWithValue('tzid', zoneName);
  const changes = transitions(zoneName, from, to);
  // The offset in force at the start of the span, so times before its first change are defined too.
  const first = offsetMinutesAt(zoneFor(zoneName), from);
  const opening = new ICAL.Component(changes.length > 0 && changes[0]!.before > changes[0]!.after ? 'daylight' : 'standard');
  opening.updatePropertyWithValue('dtstart', ICAL.Time.fromData(localFields(from, first)));
  opening.updatePropertyWithValue('tzoffsetfrom', utcOffset(first));
  opening.updatePropertyWithValue('tzoffsetto', utcOffset(first));
  if (changes.length > 0) component.addSubcomponent(opening);
  if (changes.length === 0) {
    const offset = offsetMinutesAt(zoneFor(zoneName), from);
    const standard = new ICAL.Component('standard');
    standard.updatePropertyWithValue('dtstart', ICAL.Time.fromData({ year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, isDate: false }));
    standard.updatePropertyWithValue('tzoffsetfrom', utcOffset(offset));
    standard.updatePropertyWithValue('tzoffsetto', utcOffset(offset));
    component.addSubcomponent(standard);
    return component;
  }
  for (const change of changes) {
    const observance = new ICAL.Component(change.after > change.before ? 'daylight' : 'standard');
    observance.updatePropertyWithValue('dtstart', ICAL.Time.fromData(localFields(change.at, change.before)));
    observance.updatePropertyWithValue('tzoffsetfrom', utcOffset(change.before));
    observance.updatePropertyWithValue('tzoffsetto', utcOffset(change.after));
    component.addSubcomponent(observance);
  }
  return component;
}
