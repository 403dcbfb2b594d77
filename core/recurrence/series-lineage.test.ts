import { describe, expect, it } from 'vitest';
import { lineageOf, lineageParts } from './series-lineage';
import { splitSeries } from './series-split';
import { makeSeries } from './series.fixture';

const at = '2025-01-01T12:00:00Z';
// Mondays 09:00 in London from 3 March 2025, ten times.
const root = makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'Europe/London', rrule: 'FREQ=WEEKLY;COUNT=10' });

describe('lineageOf and lineageParts', () => {
  it('a split links the new part to the series it was cut from; the root is not rewritten for it', () => {
    const { before, after } = splitSeries(root, [], '2025-03-24T09:00', 's2', at);
    expect(after).toMatchObject({ id: 's2', lineageId: 's1' });
    expect(before).not.toHaveProperty('lineageId');
    expect([lineageOf(before!), lineageOf(after)]).toEqual(['s1', 's1']);
  });

  it('survives several splits: a part split again, and the root split again, stay in the root’s lineage', () => {
    const first = splitSeries(root, [], '2025-04-07T09:00', 's2', at);
    const ofTail = splitSeries(first.after, [], '2025-04-21T09:00', 's3', at);
    const ofRoot = splitSeries(first.before!, [], '2025-03-17T09:00', 's4', at);
    expect([ofTail.after.lineageId, ofRoot.after.lineageId, ofTail.before?.lineageId]).toEqual(['s1', 's1', 's1']);
    const stored = [ofTail.after, ofRoot.before!, ofTail.before!, ofRoot.after];
    // Every part finds every other, in the order their visits come, from any of them.
    for (const part of stored) expect(lineageParts(part, stored).map((series) => series.id)).toEqual(['s1', 's4', 's2', 's3']);
  });

  it('leaves out other lineages and parts split before the link existed (no lineageId: a lineage of its own)', () => {
    const { before, after } = splitSeries(root, [], '2025-03-24T09:00', 's2', at);
    const { lineageId: _unlinked, ...oldTail } = splitSeries(makeSeries({ id: 's7', dtstart: '2025-03-04T09:00', timeZone: 'Europe/London', rrule: 'FREQ=WEEKLY;COUNT=4' }), [], '2025-03-18T09:00', 's8', at).after;
    const other = makeSeries({ id: 's9', dtstart: '2025-03-05T09:00', timeZone: 'Europe/London', rrule: 'FREQ=WEEKLY;COUNT=4' });
    expect(lineageParts(after, [other, before!, oldTail]).map((series) => series.id)).toEqual(['s1', 's2']);
    expect(lineageParts(oldTail, [before!, after, other]).map((series) => series.id)).toEqual(['s8']);
    // The root removed (cancelled from its first visit): its parts still find each other.
    const { after: later } = splitSeries(after, [], '2025-04-07T09:00', 's3', at);
    expect(lineageParts(later, [after]).map((series) => series.id)).toEqual(['s2', 's3']);
  });
});
