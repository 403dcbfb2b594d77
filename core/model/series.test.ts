import { describe, expect, it } from 'vitest';
import { parseSeries, parseSeriesException } from './series';
import { problemAfter } from './problem.fixture';
import { validationResult } from './validation-result';

const stamp = '2025-03-01T09:00:00.000Z';
const valid = {
  id: 's1',
  resourceIds: ['dr-lee'],
  patientId: 'p1',
  dtstart: '2025-03-03T09:00',
  timeZone: 'America/New_York',
  durationMinutes: 30,
  rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10',
  exdates: ['2025-03-17T09:00'],
  rdates: [],
  version: 0,
  createdAt: stamp,
  updatedAt: stamp,
};
const problem = problemAfter(parseSeries, valid);

describe('parseSeries', () => {
  it('normalises wall times and the rule', () => {
    const series = parseSeries({ ...valid, rrule: 'RRULE:freq=weekly;byday=mo;count=10', rdates: undefined });
    expect(series).toMatchObject({ dtstart: '2025-03-03T09:00:00', exdates: ['2025-03-17T09:00:00'], rdates: [], rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10' });
  });

  it('keeps the lineage a split part belongs to, and needs none', () => {
    expect(parseSeries({ ...valid, id: 's2', lineageId: 's1' })).toMatchObject({ id: 's2', lineageId: 's1' });
    expect(parseSeries(valid)).not.toHaveProperty('lineageId');
  });

  it.each([
    [{ rrule: 'WEEKLY' }, 'invalid-rrule', 'rrule'],
    [{ rrule: 'BYDAY=MO' }, 'invalid-rrule', 'rrule'],
    [{ rrule: 'FREQ=DAILY;FREQ=WEEKLY' }, 'invalid-rrule', 'rrule'],
    [{ rrule: '' }, 'required', 'rrule'],
    [{ exdates: ['2025-03-17T09:00', '2025-02-30T09:00'] }, 'invalid-date', 'exdates.1'],
    [{ rdates: ['tomorrow'] }, 'invalid-format', 'rdates.0'],
    [{ dtstart: '2025-03-03T09:75' }, 'invalid-time', 'dtstart'],
    [{ durationMinutes: 0 }, 'invalid-duration', 'durationMinutes'],
    [{ resourceIds: ['dr-lee', 'dr-lee'] }, 'duplicate-id', 'resourceIds.1'],
    [{ timeZone: 'EST5EDT-ish' }, 'unknown-zone', 'timeZone'],
    [{ lineageId: 'the first one' }, 'invalid-format', 'lineageId'],
    [{ lineageId: '' }, 'required', 'lineageId'],
  ])('refuses %j with %s on %s', (changes, code, field) => {
    expect(problem(changes)).toMatchObject({ code, field });
  });
});

describe('parseSeriesException', () => {
  const base = { id: 'x1', seriesId: 's1', originalStart: '2025-03-10T09:00', version: 0, createdAt: stamp, updatedAt: stamp };

  it('accepts a cancelled occurrence with its reason', () => {
    expect(parseSeriesException({ ...base, kind: 'cancelled', reason: 'Provider ill' })).toMatchObject({
      kind: 'cancelled',
      originalStart: '2025-03-10T09:00:00',
      reason: 'Provider ill',
    });
  });

  it('requires a reason to cancel an occurrence', () => {
    for (const reason of [undefined, '', '  ']) {
      expect(validationResult(() => parseSeriesException({ ...base, kind: 'cancelled', reason }))).toMatchObject({
        ok: false,
        problem: { code: 'reason-required', field: 'reason' },
      });
    }
    // The key left out altogether (a synced record may omit it), not only present and empty.
    expect(validationResult(() => parseSeriesException({ ...base, kind: 'cancelled' }))).toMatchObject({ ok: false, problem: { code: 'reason-required', field: 'reason' } });
  });

  it('accepts a moved occurrence with its complete fields', () => {
    const moved = parseSeriesException({
      ...base,
      kind: 'moved',
      wallStart: '2025-03-11T14:00',
      timeZone: 'America/New_York',
      durationMinutes: 45,
      resourceIds: ['dr-lee', 'room-2'],
    });
    expect(moved).toMatchObject({ kind: 'moved', wallStart: '2025-03-11T14:00:00', durationMinutes: 45 });
  });

  it('refuses a moved occurrence without where it moved to, and an unknown kind', () => {
    expect(validationResult(() => parseSeriesException({ ...base, kind: 'moved', timeZone: 'UTC', durationMinutes: 30, resourceIds: ['r'] }))).toMatchObject({
      ok: false,
      problem: { code: 'required', field: 'wallStart' },
    });
    expect(validationResult(() => parseSeriesException({ ...base, kind: 'deleted' }))).toMatchObject({
      ok: false,
      problem: { code: 'invalid-format', field: 'kind' },
    });
  });
});
