import { describe, expect, it } from 'vitest';
import { freedByEdit, visitPlace } from './freed-by-edit';

// Dr Lee, Tuesday 12 January 2027 10:30–11:10 in New York (15:30–16:10Z).
const visit = { wallStart: '2027-01-12T10:30:00', timeZone: 'America/New_York', durationMinutes: 40, resourceIds: ['dr-lee'] };
const at = (iso: string) => Date.parse(iso);
const move = (args: Record<string, unknown> = {}) => [{ name: 'appointment/move', args: { appointmentId: 'a1', ...args } }] as never;

describe('visitPlace', () => {
  it('reads the wall time on the visit’s clock, across a clock change (Sydney, 4 April 2027; Kolkata has none)', () => {
    expect(visitPlace(visit)).toEqual({ start: at('2027-01-12T15:30:00Z'), end: at('2027-01-12T16:10:00Z'), resourceIds: ['dr-lee'] });
    // Sydney's clocks went back at 03:00 that morning: 09:00 is AEST, UTC+10.
    expect(visitPlace({ ...visit, wallStart: '2027-04-04T09:00', timeZone: 'Australia/Sydney' }).start).toBe(at('2027-04-03T23:00:00Z'));
    expect(visitPlace({ ...visit, wallStart: '2027-04-04T09:00', timeZone: 'Asia/Kolkata' }).start).toBe(at('2027-04-04T03:30:00Z'));
  });
});

describe('freedByEdit', () => {
  it('frees the old time of a move, the same day or another', () => {
    expect(freedByEdit(visit, { ...visit, wallStart: '2027-01-12T14:00' }, move())).toEqual([{ resourceId: 'dr-lee', start: at('2027-01-12T15:30:00Z'), end: at('2027-01-12T16:10:00Z') }]);
    expect(freedByEdit(visit, { ...visit, wallStart: '2027-01-14T10:30' }, [{ name: 'occurrence/edit', args: {} }] as never)).toEqual([
      { resourceId: 'dr-lee', start: at('2027-01-12T15:30:00Z'), end: at('2027-01-12T16:10:00Z') },
    ]);
  });

  it('frees the tail of a shortened visit and nothing for a longer one or a change of words', () => {
    expect(freedByEdit(visit, { ...visit, durationMinutes: 20 }, move())).toEqual([{ resourceId: 'dr-lee', start: at('2027-01-12T15:50:00Z'), end: at('2027-01-12T16:10:00Z') }]);
    expect(freedByEdit(visit, { ...visit, durationMinutes: 60 }, move())).toEqual([]);
    expect(freedByEdit(visit, { ...visit, wallStart: '2027-01-12T14:00' }, [{ name: 'appointment/edit', args: {} }] as never)).toEqual([]);
  });

  it('reports nothing for an edit of many visits of a series', () => {
    expect(freedByEdit(visit, { ...visit, wallStart: '2027-01-12T14:00' }, [{ name: 'series/edit-following', args: {} }] as never)).toEqual([]);
    expect(freedByEdit(visit, { ...visit, wallStart: '2027-01-12T14:00' }, [])).toEqual([]);
  });
});
