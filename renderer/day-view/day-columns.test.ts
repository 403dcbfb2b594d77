import { describe, expect, it } from 'vitest';
import type { Resource } from '../../core/model';
import type { DayItem, DaySheet } from '../data/day-sheet';
import { buildDayGrid, buildWeekGrid } from './day-columns';

const zone = 'America/New_York';
const resource = (id: string, kind: Resource['kind'], name: string): Resource => ({ id, kind, name, capacity: 1, timeZone: zone, active: true });

function item(id: string, resourceIds: string[], startUtc: string, minutes: number, status: DayItem['status'] = 'booked'): DayItem {
  const start = Date.parse(startUtc);
  return { id, source: 'appointment', patientId: 'p1', resourceIds, start, end: start + minutes * 60_000, wallStart: '', timeZone: zone, durationMinutes: minutes, status, undoable: false };
}

function sheet(items: DayItem[]): DaySheet {
  return {
    date: '2026-11-25', // a Wednesday
    timeZone: zone,
    span: { start: Date.parse('2026-11-25T05:00:00Z'), end: Date.parse('2026-11-26T05:00:00Z') },
    resources: [resource('dr-b', 'provider', 'Dr Brown'), resource('dr-a', 'provider', 'Dr Adams'), resource('room-1', 'room', 'Room 1')],
    items,
    // As core/schedule's availability gives them: 09:00–12:00 and 13:00–17:00 New York, the second half under a soft blockout.
    bookable: [
      { resourceId: 'dr-a', start: '2026-11-25T14:00:00.000Z', end: '2026-11-25T17:00:00.000Z' },
      { resourceId: 'dr-a', start: '2026-11-25T18:00:00.000Z', end: '2026-11-25T20:00:00.000Z', soft: [{ blockId: 'em', label: 'Emergencies only' }] },
      { resourceId: 'dr-a', start: '2026-11-25T20:00:00.000Z', end: '2026-11-25T22:00:00.000Z' },
    ],
    marks: [
      { resourceId: 'dr-a', blockId: 'lunch', kind: 'break', name: 'Lunch', start: '2026-11-25T17:00:00.000Z', end: '2026-11-25T18:00:00.000Z', day: '2026-11-25' },
      { resourceId: 'dr-b', blockId: 'off', kind: 'override', start: '2026-11-25T05:00:00.000Z', end: '2026-11-25T05:00:00.000Z', day: '2026-11-25' },
      { resourceId: 'dr-b', blockId: 'al', kind: 'leave', name: 'Annual leave', start: '2026-11-25T05:00:00.000Z', end: '2026-11-26T05:00:00.000Z', day: '2026-11-25' },
    ],
    closures: [],
  };
}

const options = { kind: 'provider' as const, showCancelled: false, dayStartMinute: 8 * 60, dayEndMinute: 18 * 60 };

describe('buildDayGrid', () => {
  it('makes one column per provider by name, with the day’s bookable time, its marks, leave and changed hours', () => {
    const grid = buildDayGrid(sheet([]), options);
    expect(grid.columns.map((column) => column.resource?.name)).toEqual(['Dr Adams', 'Dr Brown']);
    expect(grid.columns[0]?.hours).toEqual([
      { start: 540, end: 720, soft: [] },
      { start: 780, end: 900, soft: ['Emergencies only'] },
      { start: 900, end: 1020, soft: [] },
    ]);
    expect(grid.columns[0]?.marks).toEqual([{ id: 'lunch@2026-11-25T17:00:00.000Z', kind: 'break', name: 'Lunch', enforcement: undefined, start: 720, end: 780 }]);
    expect(grid.columns[0]).toMatchObject({ leave: [], changedHours: undefined });
    expect(grid.columns[1]).toMatchObject({ hours: [], leave: ['Annual leave'], changedHours: { name: undefined } });
    expect(grid.columns[1]?.marks).toEqual([expect.objectContaining({ kind: 'leave', start: 0, end: 1440 })]);
  });

  it('places bookings at wall minutes in each of their resources’ columns', () => {
    const grid = buildDayGrid(sheet([item('a1', ['dr-a', 'room-1'], '2026-11-25T14:30:00Z', 30)]), options);
    expect(grid.columns[0]?.placements.map((placement) => [placement.item.id, placement.item.start, placement.item.end])).toEqual([['a1', 570, 600]]);
    const rooms = buildDayGrid(sheet([item('a1', ['dr-a', 'room-1'], '2026-11-25T14:30:00Z', 30)]), { ...options, kind: 'room' });
    expect(rooms.columns.map((column) => column.resource?.name)).toEqual(['Room 1']);
    expect(rooms.columns[0]?.placements).toHaveLength(1);
  });

  it('never hides a booking: one without a shown resource gets its own column, and the range widens to fit', () => {
    const grid = buildDayGrid(sheet([item('early', ['dr-a'], '2026-11-25T11:15:00Z', 30), item('roomOnly', ['room-1'], '2026-11-25T15:00:00Z', 60)]), options);
    expect(grid.columns.at(-1)?.resource).toBeNull();
    expect(grid.columns.at(-1)?.placements.map((placement) => placement.item.id)).toEqual(['roomOnly']);
    expect(grid.firstMinute).toBe(6 * 60); // 06:15 booking, shown from 06:00
    expect(grid.lastMinute).toBe(18 * 60);
  });

  it('hides cancelled bookings unless asked to show them', () => {
    const items = [item('c1', ['dr-a'], '2026-11-25T14:30:00Z', 30, 'cancelled')];
    expect(buildDayGrid(sheet(items), options).columns[0]?.placements).toHaveLength(0);
    expect(buildDayGrid(sheet(items), { ...options, showCancelled: true }).columns[0]?.placements).toHaveLength(1);
  });

  it('marks columns closed by a clinic-wide or own closure', () => {
    const closed = { ...sheet([]), closures: [{ id: 'x', resourceId: null, startDate: '2026-11-25', endDate: '2026-11-26', reason: 'Thanksgiving' }] };
    expect(buildDayGrid(closed, options).columns.map((column) => column.closedReason)).toEqual(['Thanksgiving', 'Thanksgiving']);
  });
});

describe('buildWeekGrid', () => {
  it('gives one resource a column per day with that day’s hours and bookings', () => {
    const wednesday = sheet([item('a1', ['dr-a'], '2026-11-25T14:30:00Z', 30), item('b1', ['dr-b'], '2026-11-25T15:00:00Z', 30)]);
    const thursday = {
      ...sheet([item('a2', ['dr-a'], '2026-11-26T20:00:00Z', 60)]),
      date: '2026-11-26',
      span: { start: Date.parse('2026-11-26T05:00:00Z'), end: Date.parse('2026-11-27T05:00:00Z') },
      bookable: [{ resourceId: 'dr-a', start: '2026-11-26T13:00:00.000Z', end: '2026-11-26T17:00:00.000Z' }],
      marks: [],
    };
    const grid = buildWeekGrid([wednesday, thursday], 'dr-a', { showCancelled: false, dayStartMinute: 480, dayEndMinute: 1080 }, (date) => `day ${date}`);
    expect(grid.columns.map((column) => [column.key, column.date, column.label, column.resource?.id])).toEqual([
      ['2026-11-25', '2026-11-25', 'day 2026-11-25', 'dr-a'],
      ['2026-11-26', '2026-11-26', 'day 2026-11-26', 'dr-a'],
    ]);
    expect(grid.columns[0]?.placements.map((placement) => placement.item.id)).toEqual(['a1']); // not Dr Brown's
    expect(grid.columns[1]?.hours).toEqual([{ start: 480, end: 720, soft: [] }]); // Thursday's hours
    expect(grid.lastMinute).toBe(1080);
  });
});
