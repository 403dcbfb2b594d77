import { describe, expect, it } from 'vitest';
import { clinicZones, currentZoneName, matchZones, zoneChoices, zoneOffsetLabel } from './zone-choices';

const january = Date.UTC(2026, 0, 15, 12);
const july = Date.UTC(2026, 6, 15, 12);

describe('zoneOffsetLabel', () => {
  it('writes the offset at that moment, across DST, with a real minus sign', () => {
    expect(zoneOffsetLabel('America/New_York', january)).toBe('UTC−05:00');
    expect(zoneOffsetLabel('America/New_York', july)).toBe('UTC−04:00');
    expect(zoneOffsetLabel('Europe/London', january)).toBe('UTC');
    expect(zoneOffsetLabel('Europe/London', july)).toBe('UTC+01:00');
    expect(zoneOffsetLabel('Australia/Sydney', january)).toBe('UTC+11:00');
    expect(zoneOffsetLabel('Asia/Kolkata', july)).toBe('UTC+05:30');
  });
});

describe('currentZoneName', () => {
  it('names a zone the way IANA does now, whatever older name the platform answers', () => {
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentZoneName('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(currentZoneName('UTC')).toBe('Etc/UTC');
    expect(currentZoneName('Europe/London')).toBe('Europe/London');
  });
});

describe('zoneChoices', () => {
  it('starts on the computer’s own zone, under its current name, then lists the rest by name', () => {
    const choices = zoneChoices('Asia/Calcutta', january);
    expect(choices[0]).toMatchObject({ zone: 'Asia/Kolkata', name: 'Asia/Kolkata', offset: 'UTC+05:30' });
    expect(choices[0]?.place).toContain('Mumbai');
    const rest = choices.slice(1).map((choice) => choice.zone);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
    expect(choices).toHaveLength(clinicZones.length);
    // Only current names: no Calcutta, no Kiev.
    expect(choices.map((choice) => choice.zone)).not.toContain('Asia/Calcutta');
    expect(choices.map((choice) => choice.zone)).toContain('Europe/Kyiv');
  });
});

describe('matchZones', () => {
  const choices = zoneChoices('Etc/UTC', january);
  const found = (query: string) => matchZones(choices, query).map((choice) => choice.zone);
  it('finds a zone by its name, an older name, its country or a main city, in any case', () => {
    expect(found('new york')).toEqual(['America/New_York']);
    expect(found('kolkata')).toEqual(['Asia/Kolkata']);
    expect(found('calcutta')).toEqual(['Asia/Kolkata']);
    expect(found('Mumbai')).toEqual(['Asia/Kolkata']);
    expect(found('buenos_aires')).toEqual(['America/Argentina/Buenos_Aires']);
  });
  it('finds zones by their offset, however it is typed', () => {
    expect(found('utc+5:30')).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Asia/Colombo']));
    expect(found('utc+5:30')).not.toContain('Asia/Kathmandu');
    expect(found('UTC+05:30')).toEqual(found('gmt+5:30'));
    expect(found('utc-5')).toContain('America/New_York');
  });
  it('matches everything when nothing is typed, and nothing for a made-up place', () => {
    expect(found('')).toHaveLength(choices.length);
    expect(found('Mars/Base')).toEqual([]);
  });
});
