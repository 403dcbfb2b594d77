import { describe, expect, it } from 'vitest';
import type { Patient } from '../../core/model';
import { patientMatches, rankPatients } from './patient-match';

const ana: Patient = { id: 'p1', givenName: 'Ana', familyName: 'García-López', dateOfBirth: '1990-04-12', phone: '(555) 010-2233', mrn: 'MRN-0042' };
const bob: Patient = { id: 'p2', givenName: 'Bob', familyName: 'Lowe', dateOfBirth: '1985-01-30' };

describe('patientMatches', () => {
  it('matches name starts in any order, ignoring case and accents', () => {
    expect(patientMatches(ana, 'garcia')).toBe(true);
    expect(patientMatches(ana, 'lop an')).toBe(true);
    expect(patientMatches(ana, 'ana smith')).toBe(false);
    expect(patientMatches(ana, 'na')).toBe(false);
  });

  it('matches phone digits however they are typed, record numbers and dates of birth', () => {
    expect(patientMatches(ana, '0102233')).toBe(true);
    expect(patientMatches(ana, '555-010')).toBe(true);
    expect(patientMatches(ana, 'mrn-00')).toBe(true);
    expect(patientMatches(ana, '1990-04-12')).toBe(true);
    expect(patientMatches(ana, '1990-04')).toBe(true);
    expect(patientMatches(ana, '1990-05')).toBe(false);
    expect(patientMatches(bob, '555')).toBe(false);
  });

  it('matches nothing for an empty query', () => {
    expect(patientMatches(ana, '  ')).toBe(false);
  });
});

describe('rankPatients', () => {
  it('puts family-name matches first', () => {
    const lo = { ...ana, id: 'p3', givenName: 'Lorna', familyName: 'Adams' };
    expect(rankPatients([lo, bob], 'lo').map((patient) => patient.id)).toEqual(['p2', 'p3']);
  });
});
