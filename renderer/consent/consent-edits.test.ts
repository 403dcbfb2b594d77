import { describe, expect, it } from 'vitest';
import type { ConcurrentEditConflict } from '../../core/sync';
import { adminDesk } from '../data/test-app-data.fixture';
import { readConsentEdits } from './consent-edits';
import { readOpenEdits } from '../needs-attention/open-edits';

describe('contact consents two desks recorded differently', () => {
  it('are read with the patient and both answers for their own card, and stay off the booking card; applying the other answer settles it', async () => {
    const { data, run } = await adminDesk('Dr Adams');
    const patient = await run('patient/register', { givenName: 'Rosa', familyName: 'Diaz', dateOfBirth: '1950-02-01' });
    if (!patient.ok) throw new Error('register refused');
    const kept = await run('patient/set-consent', { patientId: patient.value.id, emailAllowed: true, smsAllowed: false, preferredChannel: 'email', optedOut: false });
    if (!kept.ok) throw new Error('consent refused');
    const answer = { emailAllowed: true, smsAllowed: false, preferredChannel: 'email' };
    const conflict: ConcurrentEditConflict = {
      id: 'cf-consent',
      kind: 'concurrent-edit',
      entity: 'contactConsent',
      recordId: patient.value.id,
      fields: ['optedOut'],
      kept: { deviceId: data.deviceId, at: kept.value.updatedAt, version: 5, values: { ...answer, patientId: patient.value.id, optedOut: false } },
      other: { deviceId: 'desk-b', at: kept.value.updatedAt, mutationId: 'm-b', values: { ...answer, patientId: patient.value.id, optedOut: true, optOutReason: 'No messages at all' } },
      deviceIds: [data.deviceId, 'desk-b'].sort(),
      detectedAtChange: 6,
      status: 'open',
    };
    await data.db.conflicts.put(conflict);

    expect(await readOpenEdits(data.db, data.deviceId)).toEqual([]);
    const [edit] = await readConsentEdits(data.db, data.deviceId);
    expect(edit).toEqual({
      id: 'cf-consent',
      patientId: patient.value.id,
      patientName: 'Rosa Diaz',
      kept: { deviceId: data.deviceId, own: true, answer: { ...answer, optedOut: false } },
      other: { deviceId: 'desk-b', own: false, answer: { ...answer, optedOut: true, optOutReason: 'No messages at all' } },
    });

    // What the card's "Apply the other" runs: the other answer through the consent command, then the resolution.
    expect(await run('conflict/resolve', { conflictId: 'cf-consent', action: 'applied-other', reason: 'Patient asked again' })).toMatchObject({ ok: false, error: { code: 'invalid-status-transition' } });
    expect(await run('patient/set-consent', { patientId: patient.value.id, ...edit!.other.answer! })).toMatchObject({ ok: true });
    expect(await run('conflict/resolve', { conflictId: 'cf-consent', action: 'applied-other', reason: 'Patient asked again' })).toMatchObject({ ok: true });
    expect(await readConsentEdits(data.db, data.deviceId)).toEqual([]);
  });
});
