import { describe, expect, it } from 'vitest';
import { parseStaffMember } from './staff-member';
import { problemAfter } from './problem.fixture';

const valid = { id: 's1', displayName: 'Jo Smith', username: 'jo.smith', role: 'front_desk', active: true };
const problem = problemAfter(parseStaffMember, valid);

describe('parseStaffMember', () => {
  it('accepts a staff member and lower-cases the username', () => {
    expect(parseStaffMember(valid)).toEqual(valid);
    expect(parseStaffMember({ ...valid, username: ' J.Smith_2 ' }).username).toBe('j.smith_2');
  });

  it('holds no passphrase material', () => {
    expect(parseStaffMember({ ...valid, passphraseHash: 'x' })).not.toHaveProperty('passphraseHash');
  });

  it.each([
    [{ username: 'jo' }, 'invalid-format', 'username'],
    [{ username: 'x'.repeat(41) }, 'too-long', 'username'],
    [{ username: 'jo smith' }, 'invalid-format', 'username'],
    [{ username: '' }, 'required', 'username'],
    [{ role: 'owner' }, 'invalid-format', 'role'],
    [{ displayName: '' }, 'required', 'displayName'],
  ])('refuses %j with %s on %s', (changes, code, field) => {
    expect(problem(changes)).toMatchObject({ code, field });
  });
});
