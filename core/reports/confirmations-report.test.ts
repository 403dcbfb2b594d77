import { describe, expect, it } from 'vitest';
import type { VisitConfirmation } from '../model';
import { confirmationsReport } from './confirmations-report';
import { parseReportRange } from './report-range';
import { confirmation, confirmations, resourceIds, visit, visits, zone } from './reports.fixture';

const range = parseReportRange({ fromDate: '2027-03-08', toDate: '2027-03-14', timeZone: zone });

describe('confirmationsReport', () => {
  it('counts each visit’s confirmation now, the confirmed rate and no-shows of confirmed vs unanswered visits, hand-counted', () => {
    const report = confirmationsReport({ range, resourceIds, visits, confirmations });
    // Confirmed v1 v2 v3 v10; declined v4; reminded v6; no answer v7; unconfirmed v5, v9 and v8 (answered for another start).
    // Settled: confirmed v1 v2 v10 completed, v3 missed (1 in 4); unanswered v6 completed, v9 missed (1 in 2).
    expect(report.all).toEqual({
      visits: 10,
      statuses: { unconfirmed: 3, reminded: 1, confirmed: 4, declined: 1, no_answer: 1 },
      answered: 5,
      confirmedRate: 0.8,
      confirmedNoShow: { completed: 3, noShow: 1, rate: 0.25 },
      notConfirmedNoShow: { completed: 1, noShow: 1, rate: 0.5 },
    });
    const by = Object.fromEntries(report.byResource.map((row) => [row.resourceId, row.figure]));
    expect(by['dr-lee']).toMatchObject({ visits: 7, statuses: { unconfirmed: 1, reminded: 1, confirmed: 4, declined: 1, no_answer: 0 }, confirmedRate: 0.8, notConfirmedNoShow: { completed: 1, noShow: 0, rate: 0 } });
    expect(by['dr-khan']).toMatchObject({ visits: 3, statuses: { unconfirmed: 2, no_answer: 1 }, answered: 0, confirmedRate: null, confirmedNoShow: { rate: null }, notConfirmedNoShow: { completed: 0, noShow: 1, rate: 1 } });
    expect(by['room-1']).toMatchObject({ visits: 2, confirmedRate: 1, confirmedNoShow: { completed: 2, noShow: 0, rate: 0 } });
    expect(by['dr-new']).toMatchObject({ visits: 0, confirmedRate: null, confirmedNoShow: { rate: null }, notConfirmedNoShow: { rate: null } });
  });

  it('reads a series visit’s answer under its occurrence key, stored or still computed', () => {
    const saved = { ...visit('apt-9', ['dr-lee'], '2027-03-09T11:00', 30, 'completed', 'p9'), seriesId: 's1', originalStart: '2027-03-09T11:00' };
    const record: VisitConfirmation = { ...confirmation('v1', 'confirmed'), id: 's1:20270309T110000', visitStart: new Date(saved.start).toISOString() };
    const report = confirmationsReport({ range, resourceIds: ['dr-lee'], visits: [saved], confirmations: new Map([[record.id, record]]) });
    expect(report.all).toMatchObject({ visits: 1, statuses: { confirmed: 1 }, confirmedNoShow: { completed: 1, noShow: 0 } });
  });

  it('has no rates for a range without visits — “no visits”, never 0 % or NaN', () => {
    const quiet = parseReportRange({ fromDate: '2027-04-05', toDate: '2027-04-11', timeZone: zone });
    expect(confirmationsReport({ range: quiet, resourceIds, visits, confirmations }).all).toEqual({
      visits: 0,
      statuses: { unconfirmed: 0, reminded: 0, confirmed: 0, declined: 0, no_answer: 0 },
      answered: 0,
      confirmedRate: null,
      confirmedNoShow: { completed: 0, noShow: 0, rate: null },
      notConfirmedNoShow: { completed: 0, noShow: 0, rate: null },
    });
  });

  it('counts the visit across the clock change on its Saturday, and only visits starting in the range', () => {
    const saturday = parseReportRange({ fromDate: '2027-03-13', toDate: '2027-03-14', timeZone: zone });
    expect(confirmationsReport({ range: saturday, resourceIds, visits, confirmations }).all).toMatchObject({ visits: 1, statuses: { reminded: 1 }, notConfirmedNoShow: { completed: 1 } }); // v6, Saturday 23:00 to 03:00 EDT
    const before = parseReportRange({ fromDate: '2027-03-05', toDate: '2027-03-05', timeZone: zone });
    expect(confirmationsReport({ range: before, resourceIds, visits, confirmations }).all).toMatchObject({ visits: 1, statuses: { confirmed: 1 } }); // v0
  });
});
