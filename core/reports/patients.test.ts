import { describe, expect, it } from 'vitest';
import { patientsReport } from './patients';
import { parseReportRange } from './report-range';
import { resourceIds, visits, zone } from './reports.fixture';

const range = parseReportRange({ fromDate: '2027-03-08', toDate: '2027-03-14', timeZone: zone });

describe('patientsReport', () => {
  it('counts new and returning patients and visits per patient, hand-counted', () => {
    // Counted: v1 p1, v2 p2, v6 p4, v7 p5, v8 p5, v10 p1 (cancelled and missed visits are not visits here).
    expect(patientsReport({ range, resourceIds, visits, seenBefore: new Set(['p1']) })).toEqual({ patients: 4, newPatients: 3, returningPatients: 1, visits: 6, visitsPerPatient: 1.5, visitCounts: [2, 2, 0, 0] });
  });

  it('follows the resource filter and has no ratio for an empty range', () => {
    expect(patientsReport({ range, resourceIds: ['dr-khan'], visits, seenBefore: new Set() })).toMatchObject({ patients: 1, newPatients: 1, visits: 2, visitCounts: [0, 1, 0, 0] });
    expect(patientsReport({ range, resourceIds, visits: [], seenBefore: new Set() })).toEqual({ patients: 0, newPatients: 0, returningPatients: 0, visits: 0, visitsPerPatient: null, visitCounts: [0, 0, 0, 0] });
  });
});
