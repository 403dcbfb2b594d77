import { describe, expect, it } from 'vitest';
import { buildAppointment, parseAppointment } from './appointment';
import type { Appointment, AppointmentInput } from './appointment';
import { transition } from './appointment-status';
import { instantToMs } from './instant';
import { validationResult } from './validation-result';

const context = { id: 'apt-1', at: '2025-03-01T09:00:00.000Z', by: 'staff-1' };
const input: AppointmentInput = {
  resourceIds: ['dr-lee', 'room-1'],
  patientId: 'p1',
  wallStart: '2025-03-10T09:00',
  timeZone: 'America/New_York',
  durationMinutes: 30,
};
const elapsedMinutes = (appointment: Appointment) => ((instantToMs(appointment.end) ?? NaN) - (instantToMs(appointment.start) ?? NaN)) / 60_000;
const problemBuilding = (changes: Record<string, unknown>) => {
  const result = validationResult(() => buildAppointment({ ...input, ...changes } as AppointmentInput, context));
  return result.ok ? undefined : result.problem;
};

describe('buildAppointment', () => {
  it('builds a booked appointment from what the user chose', () => {
    const appointment = buildAppointment({ ...input, visitReason: ' Check-up ', notes: '' }, context);
    expect(appointment).toEqual({
      id: 'apt-1',
      resourceIds: ['dr-lee', 'room-1'],
      patientId: 'p1',
      wallStart: '2025-03-10T09:00:00',
      timeZone: 'America/New_York',
      durationMinutes: 30,
      visitReason: 'Check-up',
      start: '2025-03-10T13:00:00.000Z',
      end: '2025-03-10T13:30:00.000Z',
      status: 'booked',
      statusHistory: [{ kind: 'transition', from: null, to: 'booked', at: context.at, by: 'staff-1' }],
      version: 0,
      createdAt: context.at,
      updatedAt: context.at,
    });
    expect(parseAppointment(appointment)).toEqual(appointment);
  });

  it('America/New_York 2025-03-09 02:30 (spring-forward gap) starts at 07:30Z and lasts 60 real minutes', () => {
    const appointment = buildAppointment({ ...input, wallStart: '2025-03-09T02:30', durationMinutes: 60 }, context);
    expect(appointment.start).toBe('2025-03-09T07:30:00.000Z');
    expect(appointment.end).toBe('2025-03-09T08:30:00.000Z');
    expect(elapsedMinutes(appointment)).toBe(60);
    expect(appointment.wallStart).toBe('2025-03-09T02:30:00');
  });

  it('America/New_York 2025-11-02 01:30 (fall-back, first occurrence) ends 60 real minutes later', () => {
    const appointment = buildAppointment({ ...input, wallStart: '2025-11-02T01:30', durationMinutes: 60 }, context);
    expect(appointment.start).toBe('2025-11-02T05:30:00.000Z'); // 01:30 EDT
    expect(appointment.end).toBe('2025-11-02T06:30:00.000Z'); // 01:30 EST, an hour later on the clock's second pass
    expect(elapsedMinutes(appointment)).toBe(60);
  });

  it('crosses midnight into the next day', () => {
    const appointment = buildAppointment({ ...input, timeZone: 'Europe/London', wallStart: '2025-06-30T23:30', durationMinutes: 90 }, context);
    expect(appointment.start).toBe('2025-06-30T22:30:00.000Z');
    expect(appointment.end).toBe('2025-07-01T00:00:00.000Z');
  });

  it('accepts the full 24 hours and refuses more or less than the limits', () => {
    expect(buildAppointment({ ...input, durationMinutes: 1440 }, context).end).toBe('2025-03-11T13:00:00.000Z');
    for (const durationMinutes of [4, 1441, 30.5, '30', -5]) {
      expect(problemBuilding({ durationMinutes })).toEqual({
        code: 'invalid-duration',
        field: 'durationMinutes',
        message: 'Duration must be between 5 and 1440 minutes.',
      });
    }
    expect(problemBuilding({ durationMinutes: undefined })).toMatchObject({ code: 'required', field: 'durationMinutes' });
  });

  it.each([
    [{ resourceIds: [] }, 'required', 'resourceIds'],
    [{ resourceIds: ['dr-lee', 'dr-lee'] }, 'duplicate-id', 'resourceIds.1'],
    [{ resourceIds: ['dr lee'] }, 'invalid-format', 'resourceIds.0'],
    [{ patientId: '' }, 'required', 'patientId'],
    [{ wallStart: '2025-02-30T09:00' }, 'invalid-date', 'wallStart'],
    [{ wallStart: '2025-03-10T25:00' }, 'invalid-time', 'wallStart'],
    [{ wallStart: 'next Monday' }, 'invalid-format', 'wallStart'],
    [{ timeZone: 'Eastern' }, 'unknown-zone', 'timeZone'],
    [{ notes: 'x'.repeat(2001) }, 'too-long', 'notes'],
    [{ originalStart: '2025-03-10T09:00' }, 'required', 'seriesId'],
  ])('refuses %j with %s on %s', (changes, code, field) => {
    expect(problemBuilding(changes)).toMatchObject({ code, field });
  });

  it('refuses a bad clock or author', () => {
    expect(validationResult(() => buildAppointment(input, { ...context, at: '2025-03-01 09:00' }))).toMatchObject({
      ok: false,
      problem: { code: 'invalid-format', field: 'at' },
    });
  });
});

describe('parseAppointment', () => {
  const stored = buildAppointment(input, context);
  const problemParsing = (changes: Record<string, unknown>) => {
    const result = validationResult(() => parseAppointment({ ...stored, ...changes }));
    return result.ok ? undefined : result.problem;
  };

  it('refuses an end that is not after the start', () => {
    expect(problemParsing({ end: stored.start })).toMatchObject({ code: 'end-not-after-start', field: 'end' });
  });

  it('refuses a duration that does not match start and end', () => {
    expect(problemParsing({ durationMinutes: 45 })).toMatchObject({ code: 'invalid-duration', field: 'durationMinutes' });
  });

  it('refuses a status that does not match its history', () => {
    expect(problemParsing({ status: 'arrived' })).toMatchObject({ code: 'invalid-status-transition', field: 'status' });
  });

  it('accepts a status reached through the history', () => {
    const statusHistory = transition(stored.statusHistory, 'arrived', { at: '2025-03-10T12:55:00.000Z', by: 'staff-1' });
    expect(parseAppointment({ ...stored, status: 'arrived', statusHistory }).status).toBe('arrived');
  });

  it('refuses instants with an offset and a negative version', () => {
    expect(problemParsing({ createdAt: '2025-03-01T09:00:00-05:00' })).toMatchObject({ code: 'invalid-format', field: 'createdAt' });
    expect(problemParsing({ version: -1 })).toMatchObject({ code: 'invalid-format', field: 'version' });
  });
});
