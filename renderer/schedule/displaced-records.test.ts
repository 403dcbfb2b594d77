import { describe, expect, it } from 'vitest';
import { adminDesk } from '../data/test-app-data.fixture';
import { readOpenDisplaced } from './displaced-records';

describe('readOpenDisplaced', () => {
  it('lists the visits new leave left outside the hours, with the item Move and Cancel open on, until each is dealt with', async () => {
    const { data, run, resource } = await adminDesk('Dr Adams');
    const patient = await run('patient/register', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
    if (!patient.ok) throw new Error('register refused');
    const booked = await run('appointment/book', { patientId: patient.value.id, resourceIds: [resource.id], wallStart: '2026-11-26T10:00', timeZone: 'America/New_York', durationMinutes: 30, notes: 'Bring the scans' });
    if (!booked.ok) throw new Error('book refused');
    const leave = await run('schedule/save-block', { block: { resourceId: resource.id, kind: 'leave', reason: 'Course', wallStart: '2026-11-26T00:00', wallEnd: '2026-11-27T00:00' } });
    expect(leave).toMatchObject({ ok: true, value: { displaced: [{ id: booked.value.appointment.id }] } });

    const [open] = await readOpenDisplaced(data.db);
    expect(open).toMatchObject({ resource: { name: 'Dr Adams' }, block: { kind: 'leave' }, left: 1 });
    expect(open?.visits[0]).toMatchObject({ state: 'outside', patient: { familyName: 'Lovelace' }, item: { source: 'appointment', status: 'booked', notes: 'Bring the scans' } });

    await run('appointment/move', { appointmentId: booked.value.appointment.id, wallStart: '2026-11-27T10:00' });
    const [after] = await readOpenDisplaced(data.db);
    expect(after).toMatchObject({ left: 0, visits: [{ state: 'moved' }] });
  });
});
