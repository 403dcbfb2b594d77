import { getTimeZones } from '@vvo/tzdb';

/** One IANA zone as the picker lists it. */
export interface ZoneChoice {
  /** The current IANA name, what is stored: `Asia/Kolkata` (never ICU's older `Asia/Calcutta`). */
  zone: string;
  /** The name to read: `America/New York`. */
  name: string;
  /** Where it is kept: `Eastern Time — New York City, Brooklyn, Queens, Philadelphia`. */
  place: string;
  /** The zone's UTC offset at the moment the list was made: `UTC−04:00`, `UTC+05:30`, `UTC`. */
  offset: string;
  /** Lower-case text a search matches against (name, IANA name, offset in a few spellings). */
  search: string;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A zone's UTC offset at `now`, written `UTC+05:30` (a real minus sign for
 * negative offsets), from Intl's `longOffset` name.
 *
 * @example zoneOffsetLabel('Asia/Kolkata', Date.UTC(2026, 0, 1)) // 'UTC+05:30'
 */
export function zoneOffsetLabel(zone: string, now: number): string {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(now).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  // ICU writes a zero offset as `GMT` or `GMT+00:00`, depending on its version.
  return /^GMT([+-]00:00)?$/.test(name) ? 'UTC' : name.replace('GMT', 'UTC').replace('-', '−');
}

/** What @vvo/tzdb says of a zone: its current name, the older names and zones that keep the same time, where it is. */
export interface ZoneEntry {
  name: string;
  group: readonly string[];
  alternativeName: string;
  countryName: string;
  mainCities: readonly string[];
}

/**
 * The zones a clinic can keep: @vvo/tzdb's list of current IANA zones (UTC
 * included), each with its older names and the zones that now keep the same
 * time (`America/Detroit` under New York), its country and main cities.
 * Platforms still answer ICU's older names (`Asia/Calcutta`, `Europe/Kiev`);
 * this list always uses the current ones.
 */
export const clinicZones: readonly ZoneEntry[] = getTimeZones({ includeUtc: true });

/**
 * The current IANA name of a zone a platform reports, however old
 * (`Asia/Calcutta` → `Asia/Kolkata`, `UTC` → `Etc/UTC`); a zone the list does
 * not know keeps its name.
 *
 * @example currentZoneName('Europe/Kiev') // 'Europe/Kyiv'
 */
export function currentZoneName(zone: string, entries: readonly ZoneEntry[] = clinicZones): string {
  return entries.find((entry) => entry.name === zone)?.name ?? entries.find((entry) => entry.group.includes(zone))?.name ?? zone;
}

function choice(entry: ZoneEntry, now: number): ZoneChoice {
  const zone = entry.name;
  const name = zone.replaceAll('_', ' ');
  const offset = zoneOffsetLabel(zone, now);
  const plain = offset.replace('−', '-');
  // "utc-4", "gmt-04:00", "utc+5:30": people type offsets every which way.
  const short = plain.replace(/([+-])0?(\d+):00$/, '$1$2').replace(/([+-])0(\d):/, '$1$2:');
  const place = entry.mainCities.length > 0 ? `${entry.alternativeName} — ${entry.mainCities.join(', ')}` : entry.alternativeName;
  const words = [name, ...entry.group.map((member) => member.replaceAll('_', ' ')), entry.alternativeName, entry.countryName, ...entry.mainCities, plain, short, plain.replace('UTC', 'GMT'), short.replace('UTC', 'GMT')];
  return { zone, name, place, offset, search: words.join(' ').toLowerCase() };
}

/**
 * Every zone of `entries` for a picker: the computer's own first (so it
 * starts there, under its current name), then the rest by name. Offsets are
 * those at `now`.
 *
 * @example zoneChoices('Asia/Calcutta', now)[0].zone // 'Asia/Kolkata'
 */
export function zoneChoices(deskZone: string, now: number, entries: readonly ZoneEntry[] = clinicZones): ZoneChoice[] {
  const desk = currentZoneName(deskZone, entries);
  const first = entries.find((entry) => entry.name === desk) ?? { name: desk, group: [], alternativeName: '', countryName: '', mainCities: [] };
  const others = entries.filter((entry) => entry.name !== desk).sort((a, b) => a.name.localeCompare(b.name));
  return [first, ...others].map((entry) => choice(entry, now));
}

/**
 * The choices matching what was typed: every word of `query` appears in the
 * zone's name, older names, region, country, main cities or offset (`york`,
 * `mumbai`, `utc+5:30`, `detroit`). An empty query matches everything.
 *
 * @example matchZones(zoneChoices('UTC', now), 'mumbai').map((c) => c.zone) // ['Asia/Kolkata']
 */
export function matchZones(choices: readonly ZoneChoice[], query: string): ZoneChoice[] {
  const words = query.toLowerCase().replaceAll('_', ' ').replaceAll('/', ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...choices];
  return choices.filter((entry) => words.every((word) => entry.search.includes(word)));
}
