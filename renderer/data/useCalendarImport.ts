import { useCallback } from 'react';
import { readIcs } from '../../core/calendar-files';
import type { IcsDraft, IcsImportContext, IcsReadResult } from '../../core/calendar-files';
import { importCalendarDrafts } from '../../core/commands';
import type { CalendarImportResult } from '../../core/commands';
import { importContext } from '../../core/queries';
import { useSession } from '../session/session-store';
import { useAppData } from './useAppData';

/**
 * The Import panel's two steps: `preview` reads the file against this desk
 * (core/calendar-files `readIcs`, nothing written) and `importDrafts` books
 * the previewed drafts through core/commands in one all-or-nothing batch as
 * the signed-in staff member.
 *
 * @example const { preview, importDrafts } = useCalendarImport(); const read = await preview(text, { resourceIds: ['dr-lee'], patientId: 'p1', defaultTimeZone });
 */
export function useCalendarImport() {
  const data = useAppData();
  const staff = useSession((state) => state.staff);
  const preview = useCallback(
    async (text: string, chosen: Pick<IcsImportContext, 'resourceIds' | 'patientId' | 'defaultTimeZone'>): Promise<IcsReadResult> => readIcs(text, await importContext(data.db, chosen)),
    [data.db],
  );
  const importDrafts = useCallback(
    (drafts: readonly IcsDraft[]): Promise<CalendarImportResult> => {
      if (!staff) throw new Error('Importing needs a signed-in staff member.');
      return importCalendarDrafts(data.auth, { staffId: staff.staffId, displayName: staff.displayName, role: staff.role }, drafts);
    },
    [data.auth, staff],
  );
  return { preview, importDrafts };
}
