import { describe, expect, it } from 'vitest';
import { validationCodes } from '../../core/validation';
import { conflictSentence } from './conflict-sentence';
import { clinicFormat } from './format';
import { en } from './en';
import { fieldLabel, problemSentence } from './problem-sentence';

describe('validation sentences', () => {
  it('has a sentence for every engine code, none of them the raw code', () => {
    for (const code of validationCodes) {
      const sentence = problemSentence({ code, field: 'familyName' });
      expect(sentence.length, code).toBeGreaterThan(10);
      if (code.includes('-')) expect(sentence, code).not.toContain(code);
    }
    expect(Object.keys(en.validation).sort()).toEqual([...validationCodes].sort());
  });

  it('names the field as the form labels it', () => {
    expect(problemSentence({ code: 'required', field: 'familyName' })).toBe('Family name is required.');
    expect(fieldLabel('changes.phone')).toBe('Phone');
    expect(fieldLabel('resourceIds.0')).toBe('Providers and rooms');
    expect(fieldLabel('someOtherThing')).toBe('Some other thing');
  });
});

describe('clinic format', () => {
  it('writes times on the clinic clock in its locale', () => {
    const instant = Date.parse('2026-11-25T14:30:00Z');
    expect(clinicFormat('en-US', 'America/New_York').time(instant)).toMatch(/^9:30\s?AM$/);
    expect(clinicFormat('en-GB', 'Europe/London').time(instant)).toBe('14:30');
  });

  it('never shifts a calendar date to a neighbouring day', () => {
    expect(clinicFormat('en-US', 'Pacific/Kiritimati').longDate('2026-11-25')).toBe('Wednesday, November 25, 2026');
    expect(clinicFormat('en-US', 'Pacific/Pago_Pago').shortDate('2026-01-01')).toBe('Jan 1');
  });

  it('writes an instant with its date on the clinic clock', () => {
    expect(clinicFormat('en-US', 'America/New_York').dateTime(Date.parse('2026-11-04T02:30:00Z'))).toMatch(/^Nov 3, 2026, 9:30\s?PM$/);
  });

  it('labels grid rows by wall minutes', () => {
    const format = clinicFormat('en-GB', 'Europe/London');
    // Same words as the time of an appointment at 09:30 on that clock.
    expect(format.wallTime(570)).toBe(format.time(Date.parse('2026-11-25T09:30:00Z')));
    expect(clinicFormat('en-US', 'America/New_York').wallTime(13 * 60)).toMatch(/^1:00\s?PM$/);
  });
});

describe('conflictSentence', () => {
  const name = (id: string) => (id === 'dr-a' ? 'Dr Adams' : 'Room 1');
  it('names the resource for resource problems and says the rest plainly', () => {
    expect(conflictSentence({ kind: 'resource-double-booked', resourceId: 'dr-a' }, name)).toBe('Dr Adams is already booked at that time');
    expect(conflictSentence({ kind: 'outside-working-hours', resourceId: 'room' }, name)).toBe('Room 1 is outside working hours');
    expect(conflictSentence({ kind: 'patient-double-booked' }, name)).toBe('The patient already has an appointment at that time');
    expect(conflictSentence({ kind: 'closed', closureReason: 'Thanksgiving' }, name)).toBe('The clinic is closed that day: Thanksgiving');
  });
});
