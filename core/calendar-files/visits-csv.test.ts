import { describe, expect, it } from 'vitest';
import { buildAppointment } from '../model';
import { patients, resources } from './calendar-files.fixture';
import { visitsCsv } from './visits-csv';

const header = { start: 'Start', end: 'End', timeZone: 'Time zone', minutes: 'Minutes', resources: 'With', status: 'Status', reason: 'Reason', visit: 'Visit', patient: 'Patient' };

describe('visitsCsv', () => {
  // 01:30 on 1 Nov 2026 in New York, 90 min: ends at 02:00 EST after the clocks went back.
  const visit = buildAppointment({ resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-11-01T00:30', timeZone: 'America/New_York', durationMinutes: 150, visitReason: '=HYPERLINK("http://evil.example","Click")' }, { id: 'a1', at: '2026-10-01T00:00:00.000Z', by: 'staff-1' });

  it('writes wall times in the visit’s zone, elapsed minutes, and a formula as inert text', () => {
    const csv = visitsCsv({ visits: [visit], resources, patients, includePatientNames: false, header });
    expect(csv).toBe('\uFEFFStart,End,Time zone,Minutes,With,Status,Reason,Visit\r\n' + `2026-11-01 00:30,2026-11-01 02:00,America/New_York,150,Dr Lee,booked,"'=HYPERLINK(""http://evil.example"",""Click"")",a1\r\n`);
  });

  it('adds the patient column only when asked', () => {
    expect(visitsCsv({ visits: [visit], resources, patients, includePatientNames: false, header })).not.toContain('Silva');
    expect(visitsCsv({ visits: [visit], resources, patients, includePatientNames: true, header })).toContain(',Ana Silva\r\n');
  });
});
