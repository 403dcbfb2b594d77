import type { AuditAction, AuditExportFilter } from '../../core/audit';
import type { CalendarDate } from '../../core/model';
import { dayRange } from '../../core/queries';
import type { AuditLogQuery } from '../../core/queries';
import { ValidationError } from '../../core/validation';
import type { ValidationProblem } from '../../core/validation';

/** What the audit screen's filter bar holds; an empty string means "any". */
export interface AuditFilterForm {
  /** First day shown, on the clinic's calendar (inclusive). */
  fromDate: CalendarDate | '';
  /** Last day shown, on the clinic's calendar (inclusive). */
  toDate: CalendarDate | '';
  staffId: string;
  action: AuditAction | '';
  patientId: string;
}

/** The filter bar with nothing chosen: every entry. */
export const emptyAuditFilter: AuditFilterForm = { fromDate: '', toDate: '', staffId: '', action: '', patientId: '' };

/** The filters as core/queries' `auditLog` and core/audit's export read them. */
export type AuditSelection = Omit<AuditLogQuery, 'limit' | 'cursor'>;

const isoInstant = (epochMs: number) => new Date(epochMs).toISOString();

/**
 * Turns the filter bar into the engine's filter. Dates are days on the
 * clinic's clock: "from 1 March" starts at that midnight in the clinic's
 * zone and "to 31 March" ends at the following midnight (so the last day is
 * included, and a 23- or 25-hour DST day is whole). A last day before the
 * first is refused on `toDate`.
 *
 * @example auditSelection({ ...emptyAuditFilter, fromDate: '2026-11-25', toDate: '2026-11-25' }, 'America/New_York')
 * // { ok: true, value: { from: '2026-11-25T05:00:00.000Z', to: '2026-11-26T05:00:00.000Z' } }
 */
export function auditSelection(form: AuditFilterForm, timeZone: string): { ok: true; value: AuditSelection } | { ok: false; error: ValidationProblem } {
  if (form.fromDate && form.toDate && form.toDate < form.fromDate) {
    return { ok: false, error: new ValidationError('end-not-after-start', 'toDate', `The last day (${form.toDate}) is before the first (${form.fromDate}).`).toJSON() };
  }
  const value: AuditSelection = {};
  if (form.fromDate) value.from = isoInstant(dayRange(form.fromDate, timeZone).from);
  if (form.toDate) value.to = isoInstant(dayRange(form.toDate, timeZone).to);
  if (form.staffId) value.staffId = form.staffId;
  if (form.action) value.action = form.action;
  if (form.patientId) value.patientId = form.patientId;
  return { ok: true, value };
}

/**
 * The same selection in core/audit's export form (`actions` is a list there).
 *
 * @example exportFilter({ action: 'STAFF_SAVED', staffId: 's1' }) // { actions: ['STAFF_SAVED'], staffId: 's1' }
 */
export function exportFilter(selection: AuditSelection): AuditExportFilter {
  const { action, ...rest } = selection;
  return action ? { ...rest, actions: [action] } : rest;
}

/**
 * A stable key naming a selection, for live queries and list resets.
 *
 * @example selectionKey({ action: 'STAFF_SAVED' }) // 'STAFF_SAVED'-containing string
 */
export function selectionKey(selection: AuditSelection): string {
  return [selection.from, selection.to, selection.staffId, selection.action, selection.patientId].map((part) => part ?? '').join('|');
}
