import { z } from 'zod';
import { calendarDateSchema, idSchema } from '../model';
import { calendarRange, dayRange } from '../queries';
import { refuse } from './command-result';
import { defineCommand } from './define-command';

/** What `day-sheet/print` returns: the patients the printed sheet named. */
export interface PrintedDaySheet {
  date: string;
  patientIds: string[];
}

/**
 * Printing discloses patient data, and ONC counts prints as actions on it,
 * so a printed day sheet is audited like a view.
 */
export const daySheetCommands = {
  /**
   * Records that the day sheet of `date` (a day in the clinic's zone) for
   * these resources was printed. The patients are read from the store in
   * the same transaction, not taken from the caller, so the record matches
   * what the sheet held: one `DAY_SHEET_PRINTED` entry per patient on it
   * (so each patient's access history shows the print), or one without a
   * patient for an empty sheet. Audited, not synced.
   *
   * @example run('day-sheet/print', { date: '2026-03-09', resourceIds: ['dr-lee', 'room-1'] }, session)
   */
  'day-sheet/print': defineCommand({
    args: z.object({ date: calendarDateSchema, resourceIds: z.array(idSchema).min(1).max(200) }),
    sync: false,
    async run(scope, args) {
      const known = await scope.db.resources.bulkGet(args.resourceIds);
      const missing = known.findIndex((resource) => resource === undefined);
      if (missing !== -1) return refuse('unknown-entity', `resourceIds.${missing}`, `There is no resource "${args.resourceIds[missing]}".`);
      const items = await calendarRange(scope.db, { resourceIds: args.resourceIds, ...dayRange(args.date, scope.clinic.timeZone) });
      const patientIds = [...new Set(items.map((item) => (item.kind === 'appointment' ? item.appointment.patientId : item.occurrence.patientId)))].sort();
      const sheet = { entityType: 'day-sheet', entityId: args.date, changes: { resourceIds: { before: null, after: args.resourceIds } } };
      if (patientIds.length === 0) scope.audit({ action: 'DAY_SHEET_PRINTED', ...sheet });
      for (const patientId of patientIds) scope.audit({ action: 'DAY_SHEET_PRINTED', ...sheet, patientId });
      const value: PrintedDaySheet = { date: args.date, patientIds };
      return { ok: true, value };
    },
  }),
};
