import { describe, expect, it } from 'vitest';
import { parsePatient } from './patient';
import { problemAfter } from './problem.fixture';

const valid = { id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' };
const problem = problemAfter(parsePatient, valid);

describe('parsePatient', () => {
  it('accepts a patient and drops blank optional fields', () => {
    expect(parsePatient({ ...valid, mrn: '', phone: '  ', email: '', notes: '' })).toEqual(valid);
    expect(parsePatient({ ...valid, mrn: 'MRN-42', phone: '+44 (0)20 7946 0958', email: ' ada@example.com ' })).toMatchObject({
      mrn: 'MRN-42',
      phone: '+44 (0)20 7946 0958',
      email: 'ada@example.com',
    });
  });

  it.each([
    [{ givenName: '' }, 'required', 'givenName'],
    [{ familyName: undefined }, 'required', 'familyName'],
    [{ familyName: 'x'.repeat(101) }, 'too-long', 'familyName'],
    [{ dateOfBirth: '2001-02-29' }, 'invalid-date', 'dateOfBirth'],
    [{ dateOfBirth: '10/12/1815' }, 'invalid-format', 'dateOfBirth'],
    [{ email: 'ada@' }, 'invalid-format', 'email'],
    [{ phone: 'call me' }, 'invalid-format', 'phone'],
    [{ mrn: 'x'.repeat(41) }, 'too-long', 'mrn'],
    [{ notes: 'x'.repeat(2001) }, 'too-long', 'notes'],
  ])('refuses %j with %s on %s', (changes, code, field) => {
    expect(problem(changes)).toMatchObject({ code, field });
  });

  it('says what a valid email looks like', () => {
    expect(problem({ email: 'ada@' })?.message).toBe('Email is not an address like name@example.com.');
  });
});
