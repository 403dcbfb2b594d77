import { describe, expect, it } from 'vitest';
import { parseWaitlistRequest } from '../../core/model';
import type { Patient } from '../../core/model';
import { ValidationError } from '../../core/validation';
import { waitingEntry } from '../../core/waitlist/waitlist.fixture';
import { emptyWaitlistForm, formFieldOf, formFromEntry, waitlistAddArgs, waitlistUpdateArgs } from './waitlist-form';

const patient = { id: 'p1', givenName: 'Ada', familyName: 'Lovelace' } as Patient;

/** The form field the command's own parser refuses, as the panel shows it (`waitlist/add` takes `{ request }`). */
function refusedField(form: Parameters<typeof waitlistAddArgs>[0]): string | null {
  try {
    parseWaitlistRequest(waitlistAddArgs(form).request);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return formFieldOf(`request.${error.field}`);
  }
}

describe('waitlistAddArgs', () => {
  it('sends any provider when none is ticked, and leaves empty optional fields out', () => {
    const args = waitlistAddArgs({ ...emptyWaitlistForm(), patient, reason: 'Knee pain' });
    expect(args.request).toEqual({ patientId: 'p1', providers: { kind: 'provider' }, durationMinutes: 30, reason: 'Knee pain', priority: 'routine' });
    expect(parseWaitlistRequest(args.request).providers).toEqual({ kind: 'provider' });
  });

  it('sends the ticked providers, dates and sorted days', () => {
    const args = waitlistAddArgs({ ...emptyWaitlistForm(), patient, reason: 'Sooner', providerIds: ['dr-lee'], priority: 'urgent', earliestDate: '2027-01-04', latestDate: '2027-01-29', weekdays: [5, 1] });
    expect(parseWaitlistRequest(args.request)).toMatchObject({ providers: ['dr-lee'], priority: 'urgent', earliestDate: '2027-01-04', latestDate: '2027-01-29', weekdays: [1, 5] });
  });

  it('puts each refusal of the command’s parser beside its field', () => {
    const good = { ...emptyWaitlistForm(), patient, reason: 'Sooner' };
    expect(refusedField(good)).toBe('accepted');
    expect(refusedField({ ...good, patient: null })).toBe('patient');
    expect(refusedField({ ...good, length: '' })).toBe('length');
    expect(refusedField({ ...good, length: 'forty' })).toBe('length');
    expect(refusedField({ ...good, length: '0' })).toBe('length');
    expect(refusedField({ ...good, length: '1441' })).toBe('length');
    expect(refusedField({ ...good, reason: '  ' })).toBe('reason');
    expect(refusedField({ ...good, earliestDate: '2027-02-01', latestDate: '2027-01-01' })).toBe('latestDate');
  });
});

describe('formFieldOf', () => {
  it('maps the engine’s field paths to the form’s fields, and nothing else', () => {
    expect(formFieldOf('request.providers.1')).toBe('providers');
    expect(formFieldOf('request.weekdays.0')).toBe('weekdays');
    expect(formFieldOf('request')).toBeNull();
    expect(formFieldOf('booking.wallStart')).toBeNull();
  });
});

describe('formFromEntry and waitlistUpdateArgs', () => {
  const entry = waitingEntry('w1', {
    patientId: 'p1',
    providers: ['dr-lee'],
    durationMinutes: 45,
    priority: 'soon',
    earliestDate: '2027-01-04',
    weekdays: [2, 4],
    times: [{ start: '09:00', end: '12:00' }],
    note: 'Call after 4pm',
  });

  it('fills the form in with the entry, and sends it back unchanged, times of day included', () => {
    const form = formFromEntry(entry, patient);
    expect(form).toMatchObject({ patient, providerIds: ['dr-lee'], length: '45', priority: 'soon', earliestDate: '2027-01-04', latestDate: '', weekdays: [2, 4], note: 'Call after 4pm' });
    const args = waitlistUpdateArgs('w1', form);
    expect(args.id).toBe('w1');
    expect(parseWaitlistRequest(args.request)).toEqual({
      patientId: 'p1',
      providers: ['dr-lee'],
      durationMinutes: 45,
      reason: entry.reason,
      priority: 'soon',
      earliestDate: '2027-01-04',
      weekdays: [2, 4],
      times: [{ start: '09:00', end: '12:00' }],
      note: 'Call after 4pm',
    });
  });

  it('sends a change and leaves out what was emptied; any provider when none is ticked', () => {
    const form = { ...formFromEntry(entry, patient), providerIds: [], priority: 'urgent' as const, earliestDate: '', note: '' };
    const request = parseWaitlistRequest(waitlistUpdateArgs('w1', form).request);
    expect(request).toMatchObject({ providers: { kind: 'provider' }, priority: 'urgent' });
    expect(request.earliestDate).toBeUndefined();
    expect(request.note).toBeUndefined();
  });
});
