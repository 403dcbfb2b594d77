import type { IcsDraft } from '../calendar-files';
import { runCommandBatch } from './command-batch';
import type { CommandResult } from './command-result';
import type { CommandEnvironment } from './run-command';
import { isManager } from './session';
import type { CommandSession } from './session';

/** What an import booked. */
export interface ImportedCalendarFile {
  appointments: number;
  series: number;
}

/** A refused import names the event that stopped it (line and UID) beside the command's own error. */
export type CalendarImportResult = CommandResult<ImportedCalendarFile> | { ok: false; error: { code: string; field: string; message: string }; event: { uid: string; line: number } };

/**
 * Books a previewed file's drafts (core/calendar-files `readIcs`) through the
 * normal commands — `appointment/book`, `series/create`, then `occurrence/edit`
 * for each moved visit — in ONE batch: every booking is checked against the
 * book (and against the file's earlier events), audited and queued for sync
 * as if typed in, and the first refusal (a collision, a closed day, a bad
 * rule) leaves the desk as it was, naming the event. Managers and admins only.
 *
 * @example await importCalendarDrafts(env, manager, preview.drafts) // { ok: true, value: { appointments: 1, series: 0 } }
 */
export async function importCalendarDrafts(env: CommandEnvironment, session: CommandSession, drafts: readonly IcsDraft[]): Promise<CalendarImportResult> {
  if (!isManager(session)) return { ok: false, error: { code: 'not-permitted', field: 'session', message: 'Only a manager or admin can import calendar files.' } };
  if (drafts.length === 0) return { ok: false, error: { code: 'invalid-format', field: 'file', message: 'The file has nothing new to import.' } };
  let current: IcsDraft | undefined;
  const result = await runCommandBatch(env, session, async (batch) => {
    const booked: ImportedCalendarFile = { appointments: 0, series: 0 };
    for (const draft of drafts) {
      current = draft;
      if (draft.kind === 'appointment') {
        await batch.run('appointment/book', draft.args);
        booked.appointments += 1;
        continue;
      }
      const { series } = await batch.run('series/create', draft.args);
      for (const override of draft.overrides) await batch.run('occurrence/edit', { seriesId: series.id, ...override });
      booked.series += 1;
    }
    return booked;
  });
  if (!result.ok && current) return { ...result, event: { uid: current.uid, line: current.line } };
  return result;
}
