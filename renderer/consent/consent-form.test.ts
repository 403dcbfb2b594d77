import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { consentArgs, consentForm } from './consent-form';
import { consentSummary, consentWarning } from './patient-consent';

const at = '2026-03-01T15:00:00.000Z';
const record = { id: 'p1', patientId: 'p1', emailAllowed: true, smsAllowed: true, preferredChannel: 'sms', optedOut: false, recordedBy: 's1', recordedAt: at, version: 1, createdAt: at, updatedAt: at } as const;

describe('the consent form', () => {
  it('starts a never-asked patient with nothing allowed, and a recorded one with their answer', () => {
    expect(consentForm(undefined)).toEqual({ emailAllowed: false, smsAllowed: false, preferredChannel: 'none', optedOut: false, optOutReason: '' });
    expect(consentForm({ ...record, optedOut: true, optOutReason: 'No texts' })).toEqual({ emailAllowed: true, smsAllowed: true, preferredChannel: 'sms', optedOut: true, optOutReason: 'No texts' });
  });

  it('sends the reason only with an opt-out, and an empty one as typed (the engine names it)', () => {
    const form = consentForm(record);
    expect(consentArgs('p1', { ...form, optOutReason: 'Left over' })).toEqual({ patientId: 'p1', emailAllowed: true, smsAllowed: true, preferredChannel: 'sms', optedOut: false });
    expect(consentArgs('p1', { ...form, optedOut: true, optOutReason: '' })).toMatchObject({ optedOut: true, optOutReason: '' });
  });
});

describe('what the desk says about consent', () => {
  it('words each standing', () => {
    expect(consentSummary(undefined, en)).toBe('Contact consent not asked yet');
    expect(consentSummary(record, en)).toBe('Messages allowed by Text message (SMS), Email · Prefers: Text message (SMS)');
    expect(consentSummary({ ...record, preferredChannel: 'none', smsAllowed: false }, en)).toBe('Messages allowed by Email');
    expect(consentSummary({ ...record, emailAllowed: false, smsAllowed: false, preferredChannel: 'none' }, en)).toBe('No channel allowed: no messages will be sent');
    expect(consentSummary({ ...record, optedOut: true, optOutReason: 'Asked for no reminders' }, en)).toBe('Opted out of all messages: Asked for no reminders');
  });

  it('warns for an opt-out, a consent never asked and an answer allowing no channel, not for one that allows messages', () => {
    expect(consentWarning(undefined)).toBe('not-asked');
    expect(consentWarning({ ...record, optedOut: true, optOutReason: 'No' })).toBe('opted-out');
    expect(consentWarning({ ...record, emailAllowed: false, smsAllowed: false, preferredChannel: 'none' })).toBe('nothing-allowed');
    expect(consentWarning(record)).toBeNull();
    expect(consentWarning({ ...record, smsAllowed: false, preferredChannel: 'none' })).toBeNull();
  });
});
