import { afterEach, describe, expect, it } from 'vitest';
import { clinicFormat, setDeskLanguage } from '../i18n';
import { editWording } from './edit-wording';
import type { EditSide, OpenEdit } from './open-edits';

const side = (deviceId: string, own: boolean, time: string, staffName: string | null): EditSide => ({
  deviceId,
  own,
  start: Date.parse(`2026-11-25T${time}:00.000Z`),
  wallStart: `2026-11-25T${time}`,
  status: 'booked',
  staffName,
});

const edit = (keptStaff: string | null, otherStaff: string | null): OpenEdit => ({
  id: 'cf-edit',
  entity: 'appointment',
  recordId: 'a1',
  patientName: 'Rosa Diaz',
  slotChanged: true,
  statusChanged: false,
  kept: side('desk-a', true, '15:00', keptStaff),
  other: side('desk-b', false, '16:00', otherStaff),
  otherValues: {},
  currentStatus: 'booked',
});

const deskNames = { 'desk-a': 'Front desk 1', 'desk-b': 'Front desk B' };
const format = clinicFormat('en-US', 'America/New_York');
const tenAm = format.dateTime(Date.parse('2026-11-25T15:00:00.000Z'));
const elevenAm = format.dateTime(Date.parse('2026-11-25T16:00:00.000Z'));

afterEach(() => setDeskLanguage('en'));

describe('a concurrent edit in words', () => {
  it('names the staff member who made each change and the desk they made it on', () => {
    expect(editWording(edit('Jo Smith', 'Dana Desk'), { deskNames, format })).toEqual({
      sentence: `Dana Desk on Front desk B moved this to ${elevenAm} while Jo Smith on this desk (Front desk 1) moved it to ${tenAm}.`,
      keptNote: 'The booking shows this desk (Front desk 1)’s change until someone decides.',
    });
  });

  it('falls back to the desk alone for a side whose staff member is not known (records made before names were kept)', () => {
    expect(editWording(edit(null, 'Dana Desk'), { deskNames, format }).sentence).toBe(`Dana Desk on Front desk B moved this to ${elevenAm} while this desk (Front desk 1) moved it to ${tenAm}.`);
    expect(editWording(edit(null, null), { deskNames: {}, format }).sentence).toBe(`Another desk (desk-b…) moved this to ${elevenAm} while this desk moved it to ${tenAm}.`);
  });

  it('says it in Spanish and French', () => {
    setDeskLanguage('es');
    expect(editWording(edit('Jo Smith', 'Dana Desk'), { deskNames, format }).sentence).toMatch(/^Dana Desk en Front desk B .* mientras que Jo Smith en este puesto \(Front desk 1\) /);
    setDeskLanguage('fr');
    expect(editWording(edit('Jo Smith', 'Dana Desk'), { deskNames, format }).sentence).toMatch(/^Dana Desk depuis Front desk B .*\u202f; pendant ce temps, Jo Smith depuis ce poste \(Front desk 1\) /);
  });
});
