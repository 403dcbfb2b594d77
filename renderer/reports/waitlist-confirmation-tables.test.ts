import { describe, expect, it } from 'vitest';
import { parseReportRange, previousRange } from '../../core/reports';
import type { ReportRange } from '../../core/reports';
import { bookedVisits, confirmations, entries, freedVisits, visits, zone } from '../../core/reports/reports.fixture';
import { clinicFormat, text } from '../i18n';
import { es } from '../i18n/es';
import { fr } from '../i18n/fr';
import { confirmationNoShowTable, confirmationsSummary, confirmationsTable } from './confirmation-tables';
import { reportFigures } from './report-figures';
import type { TableContext } from './report-tables';
import { waitlistSummary, waitlistTable, waitText } from './waitlist-tables';

const range = parseReportRange({ fromDate: '2027-03-08', toDate: '2027-03-14', timeZone: zone });
const resources = [
  { id: 'dr-lee', name: 'Dr Lee', kind: 'provider' as const, timeZone: zone, capacity: 1, active: true },
  { id: 'dr-khan', name: 'Dr Khan', kind: 'provider' as const, timeZone: zone, capacity: 1, active: true },
  { id: 'dr-new', name: 'Dr New', kind: 'provider' as const, timeZone: zone, capacity: 1, active: true },
  { id: 'room-1', name: 'Room 1', kind: 'room' as const, timeZone: zone, capacity: 1, active: true },
];
const figures = (r: ReportRange = range) => reportFigures(r, { resources, visits, bookable: [], seenBefore: new Set(), confirmations, waitlist: { entries, bookedVisits, freedVisits } }, { period: 'week', weekStart: 1, lateCancelHours: 24 });
const context = (locale = 'en-US', words = text.reports): TableContext => ({ words, locale, format: clinicFormat(locale, zone), names: new Map(resources.map((resource) => [resource.id, resource.name])) });
const quiet = parseReportRange({ fromDate: '2027-04-05', toDate: '2027-04-11', timeZone: zone });

describe('waitlist table', () => {
  it('writes the week by wanted provider: states now, booked, the median wait in hours or days, the freed slots; none booked in words', () => {
    const table = waitlistTable(figures(), null, context());
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['All entries', '7', '2', '1', '3', '1', '4', '23.3 hours', '2', '50.0%'],
      ['Dr Lee', '2', '1', '0', '0', '1', '1', '7.9 days', '1', '100.0%'],
      ['Dr Khan', '2', '0', '1', '1', '0', '2', '3.9 days', '1', '50.0%'],
      ['Dr New', '0', '0', '0', '0', '0', '0', 'none booked', '0', 'none booked'],
      ['Any provider', '3', '1', '0', '2', '0', '2', '23.3 hours', '1', '50.0%'],
    ]); // the room is no one's wanted provider
    expect(table.csvHeader?.[7]).toBe('Median wait (days)');
    expect(table.rows[0]?.csv).toEqual(['All entries', 7, 2, 1, 3, 1, 4, 0.9688, 2, 0.5]);
    expect(table.rows[3]?.csv.slice(7)).toEqual([null, 0, null]);
  });

  it('sets the previous period beside it and says so when a period had no entries', () => {
    // The week before: w3, w0 and w10 were added, none booked.
    const table = waitlistTable(figures(), figures(previousRange(range)), context());
    expect(table.header.slice(-2)).toEqual(['Previous: added', 'Previous: median wait']);
    expect(table.rows[0]?.cells.slice(-2)).toEqual(['3', 'none booked']);
    expect(waitlistSummary(figures(), context())).toBe('7 entries added (2 waiting, 1 offered, 3 booked, 1 removed); median wait 23.3 hours; 2 of 4 booked from a freed slot.');
    expect(waitlistSummary(figures(quiet), context())).toBe('No waitlist entries in this period.');
    expect(waitlistTable(figures(quiet), null, context()).rows[0]?.cells).toEqual(['All entries', '0', '0', '0', '0', '0', '0', 'none booked', '0', 'none booked']);
  });

  it('writes waits in minutes, hours or days in the desk’s language', () => {
    expect(waitText(20 * 60_000, 'en-US', text.reports)).toBe('20 minutes');
    expect(waitText(47 * 3_600_000, 'en-US', text.reports)).toBe('47 hours');
    expect(waitText(4.5 * 86_400_000, 'fr-FR', fr.reports)).toBe('4,5 jours');
    expect(waitText(23 * 3_600_000, 'es-ES', es.reports)).toBe('23 horas');
    expect(waitlistSummary(figures(), context('es-ES', es.reports))).toBe('7 entradas añadidas (en espera: 2, ofrecidas: 1, reservadas: 3, retiradas: 1); mediana de espera 23,3 horas; 2 de 4 reservadas en un hueco liberado.');
  });
});

describe('confirmations tables', () => {
  it('counts each confirmation by provider and room with the confirmed rate, no answers in words', () => {
    const table = confirmationsTable(figures(), figures(previousRange(range)), context());
    expect(table.header).toEqual(['Group', 'Visits', 'Unconfirmed', 'Reminded', 'Confirmed', 'Declined', 'No answer', 'Confirmed rate', 'Previous confirmed rate']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['All visits', '10', '3', '1', '4', '1', '1', '80.0%', '100.0%'], // the week before: v0, confirmed
      ['Dr Lee', '7', '1', '1', '4', '1', '0', '80.0%', '100.0%'],
      ['Dr Khan', '3', '2', '0', '0', '0', '1', 'no answers', 'no answers'],
      ['Dr New', '0', '0', '0', '0', '0', '0', 'no answers', 'no answers'],
      ['Room 1', '2', '0', '0', '2', '0', '0', '100.0%', 'no answers'],
    ]);
    expect(table.rows[2]?.csv).toEqual(['Dr Khan', 3, 2, 0, 0, 0, 1, null, null]);
  });

  it('sets the no-show rate of confirmed visits beside that of unanswered ones, and says when there were no visits', () => {
    const table = confirmationNoShowTable(figures(), null, context());
    expect(table.rows[0]?.cells).toEqual(['All visits', '3', '1', '25.0%', '1', '1', '50.0%']);
    expect(table.rows[3]?.cells).toEqual(['Dr New', '0', '0', 'no visits', '0', '0', 'no visits']);
    // The week before: v0 confirmed and came; nobody unanswered settled.
    expect(confirmationNoShowTable(figures(), figures(previousRange(range)), context()).rows[0]?.cells.slice(-2)).toEqual(['0.0%', 'no visits']);
    expect(confirmationsSummary(figures(), context())).toBe('Confirmed rate 80.0% (5 answers); no-show rate 25.0% when confirmed, 50.0% when not confirmed.');
    expect(confirmationsSummary(figures(quiet), context())).toBe('No visits in this period.');
    expect(confirmationsSummary(figures(), context('fr-FR', fr.reports))).toBe('Taux de confirmation 80,0\u00a0% (5 réponses)\u202f; taux d’absence 25,0\u00a0% pour les visites confirmées, 50,0\u00a0% pour les autres.');
  });
});
