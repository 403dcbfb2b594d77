import { parseWaitlistEntry } from '../model';
import type { WaitlistEntry } from '../model';

/**
 * A waiting entry for tests (core/waitlist and the desk's renderer/waitlist):
 * any provider, 30 minutes, routine, added 1 January 2027 09:00Z.
 *
 * @example waitingEntry('w1', { priority: 'urgent' })
 */
export function waitingEntry(id: string, change: Partial<WaitlistEntry> = {}): WaitlistEntry {
  return parseWaitlistEntry({
    id,
    patientId: `patient-${id}`,
    providers: { kind: 'provider' },
    durationMinutes: 30,
    reason: 'Wants to come sooner',
    priority: 'routine',
    state: { kind: 'waiting' },
    addedBy: 'staff-desk',
    version: 0,
    createdAt: '2027-01-01T09:00:00.000Z',
    updatedAt: '2027-01-01T09:00:00.000Z',
    ...change,
  });
}
