import { describe, expect, it } from 'vitest';
import { auditSelection, emptyAuditFilter, exportFilter, selectionKey } from './audit-filter';

describe('auditSelection', () => {
  it('reads dates as whole days on the clinic clock, the last day included', () => {
    const result = auditSelection({ ...emptyAuditFilter, fromDate: '2026-11-24', toDate: '2026-11-25' }, 'America/New_York');
    expect(result).toEqual({ ok: true, value: { from: '2026-11-24T05:00:00.000Z', to: '2026-11-26T05:00:00.000Z' } });
  });

  it('keeps a DST day whole (23 hours in New York on 8 March 2026)', () => {
    const result = auditSelection({ ...emptyAuditFilter, fromDate: '2026-03-08', toDate: '2026-03-08' }, 'America/New_York');
    expect(result).toEqual({ ok: true, value: { from: '2026-03-08T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' } });
  });

  it('passes staff, action and patient through and leaves empty ones out', () => {
    expect(auditSelection({ ...emptyAuditFilter, staffId: 's1', action: 'STAFF_SAVED', patientId: 'p1' }, 'UTC')).toEqual({
      ok: true,
      value: { staffId: 's1', action: 'STAFF_SAVED', patientId: 'p1' },
    });
    expect(auditSelection(emptyAuditFilter, 'UTC')).toEqual({ ok: true, value: {} });
  });

  it('refuses a last day before the first, on the last day', () => {
    const result = auditSelection({ ...emptyAuditFilter, fromDate: '2026-11-25', toDate: '2026-11-24' }, 'UTC');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'end-not-after-start', field: 'toDate' });
  });
});

describe('exportFilter', () => {
  it('turns the one chosen action into the export’s action list', () => {
    expect(exportFilter({ action: 'CLOSURE_SAVED', staffId: 's1' })).toEqual({ actions: ['CLOSURE_SAVED'], staffId: 's1' });
    expect(exportFilter({ from: '2026-01-01T00:00:00.000Z' })).toEqual({ from: '2026-01-01T00:00:00.000Z' });
  });
});

describe('selectionKey', () => {
  it('differs whenever any filter differs', () => {
    expect(selectionKey({ staffId: 'a' })).not.toBe(selectionKey({ patientId: 'a' }));
    expect(selectionKey({})).toBe(selectionKey({}));
  });
});
