import { describe, expect, it } from 'vitest';
import { contactPermission, parseContactConsent } from './contact-consent';
import { problemAfter } from './problem.fixture';

const at = '2026-03-01T15:00:00.000Z';
const valid = { id: 'p1', patientId: 'p1', emailAllowed: true, smsAllowed: false, preferredChannel: 'email', optedOut: false, recordedBy: 's1', recordedAt: at, version: 1, createdAt: at, updatedAt: at };
const problem = problemAfter(parseContactConsent, valid);

describe('parseContactConsent', () => {
  it('accepts an answer, an opt-out with its reason, and a patient who allows nothing', () => {
    expect(parseContactConsent(valid)).toEqual(valid);
    expect(parseContactConsent({ ...valid, optedOut: true, optOutReason: '  Asked not to be texted ' })).toMatchObject({ optedOut: true, optOutReason: 'Asked not to be texted', emailAllowed: true });
    expect(parseContactConsent({ ...valid, emailAllowed: false, preferredChannel: 'none' })).toMatchObject({ emailAllowed: false, smsAllowed: false });
    // Opting out clears nothing: the flags stay as the patient gave them, and a blank reason is absent.
    expect(parseContactConsent({ ...valid, optOutReason: '  ' })).toEqual(valid);
  });

  it.each([
    [{ preferredChannel: 'sms' }, 'invalid-format', 'preferredChannel'],
    [{ emailAllowed: false }, 'invalid-format', 'preferredChannel'],
    [{ preferredChannel: 'post' }, 'invalid-format', 'preferredChannel'],
    [{ optedOut: true }, 'reason-required', 'optOutReason'],
    [{ optOutReason: 'Moved away' }, 'invalid-format', 'optOutReason'],
    [{ optedOut: true, optOutReason: 'x'.repeat(201) }, 'too-long', 'optOutReason'],
    [{ smsAllowed: 'yes' }, 'invalid-format', 'smsAllowed'],
    [{ optedOut: undefined }, 'required', 'optedOut'],
    [{ recordedBy: undefined }, 'required', 'recordedBy'],
    [{ recordedAt: '2026-03-01 15:00' }, 'invalid-format', 'recordedAt'],
    [{ id: 'p2' }, 'invalid-format', 'id'],
    [{ channel: 'sms' }, 'invalid-format', ''],
  ])('refuses %j with %s on %s', (changes, code, field) => {
    expect(problem(changes)).toMatchObject({ code, field });
  });
});

describe('contactPermission', () => {
  it('reads no record as not asked, never as consent', () => {
    expect(contactPermission(undefined)).toEqual({ kind: 'not-asked' });
  });

  it('reads an opt-out as no messages, whatever the flags say', () => {
    expect(contactPermission({ ...parseContactConsent(valid), smsAllowed: true, optedOut: true, optOutReason: 'No reminders please' })).toEqual({ kind: 'opted-out', reason: 'No reminders please' });
  });

  it('lists the allowed channels, the preferred one first', () => {
    expect(contactPermission({ emailAllowed: true, smsAllowed: true, preferredChannel: 'sms', optedOut: false })).toEqual({ kind: 'allowed', channels: ['sms', 'email'], preferred: 'sms' });
    expect(contactPermission({ emailAllowed: true, smsAllowed: true, preferredChannel: 'email', optedOut: false }).kind).toBe('allowed');
    expect(contactPermission({ emailAllowed: false, smsAllowed: false, preferredChannel: 'none', optedOut: false })).toEqual({ kind: 'allowed', channels: [], preferred: 'none' });
  });
});
