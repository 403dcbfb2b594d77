import { useEffect, useRef } from 'react';
import type { CalendarDate } from '../../core/model';
import { useCommand } from '../data/useCommand';

/**
 * Records every print of the day sheet (the toolbar's Print, the desktop
 * shell's print, Ctrl/⌘+P) as core/commands' `day-sheet/print`: one
 * DAY_SHEET_PRINTED entry per patient on the sheet, since ONC counts prints
 * as disclosures. Browsers do not say whether the dialog was confirmed, so
 * opening the print dialog counts.
 *
 * @example usePrintAudit('2026-11-25', ['dr-adams', 'dr-brown']);
 */
export function usePrintAudit(date: CalendarDate, resourceIds: readonly string[]): void {
  const run = useCommand();
  const latest = useRef({ date, resourceIds, run });
  latest.current = { date, resourceIds, run };
  useEffect(() => {
    const record = () => {
      const { date: printed, resourceIds: ids, run: command } = latest.current;
      if (ids.length === 0) return;
      // Printing goes ahead whatever happens here; a refusal is logged by the engine's own rules.
      void command('day-sheet/print', { date: printed, resourceIds: [...ids] }).catch(() => undefined);
    };
    window.addEventListener('beforeprint', record);
    return () => window.removeEventListener('beforeprint', record);
  }, []);
}
