import { describe, expect, it } from 'vitest';
import { parseResource } from './resource';
import { problemAfter } from './problem.fixture';

const valid = { id: 'room-1', kind: 'room', name: ' Room 1 ', timeZone: 'Europe/London' };
const problem = problemAfter(parseResource, valid);

describe('parseResource', () => {
  it('trims the name and fills in capacity and active', () => {
    expect(parseResource(valid)).toEqual({ id: 'room-1', kind: 'room', name: 'Room 1', capacity: 1, timeZone: 'Europe/London', active: true });
    expect(parseResource({ ...valid, kind: 'equipment', capacity: 4, color: '#3366cc', active: false })).toMatchObject({ capacity: 4, color: '#3366cc', active: false });
  });

  it.each([
    [{ id: undefined }, 'required', 'id'],
    [{ kind: 'desk' }, 'invalid-format', 'kind'],
    [{ name: '  ' }, 'required', 'name'],
    [{ name: 'x'.repeat(121) }, 'too-long', 'name'],
    [{ capacity: 0 }, 'invalid-capacity', 'capacity'],
    [{ capacity: 1.5 }, 'invalid-capacity', 'capacity'],
    [{ timeZone: 'Mars/Base' }, 'unknown-zone', 'timeZone'],
    [{ timeZone: '' }, 'required', 'timeZone'],
    [{ color: 'red' }, 'invalid-format', 'color'],
    [{ active: 'yes' }, 'invalid-format', 'active'],
  ])('refuses %j with %s on %s', (changes, code, field) => {
    expect(problem(changes)).toMatchObject({ code, field });
  });

  it('explains capacity in words', () => {
    expect(problem({ capacity: 0 })?.message).toBe('Capacity must be a whole number from 1 to 1000.');
  });
});
