import { liveQuery } from 'dexie';
import { useCallback, useEffect, useRef, useState } from 'react';
import { auditLog } from '../../core/queries';
import type { AuditCursor } from '../../core/queries';
import { useAppData } from '../data/useAppData';
import type { AuditSelection } from './audit-filter';
import { selectionKey } from './audit-filter';
import { withNewerOnTop } from './audit-order';
import { auditRow } from './audit-row';
import type { AuditRow } from './audit-row';
import { RowPages } from './row-pages';

/** Rows read when a selection is first shown: a screenful and a half. */
const firstPageSize = 60;
/** Rows read each time the list is scrolled near its end. */
const nextPageSize = 500;

const noRows = RowPages.of<AuditRow>();

/** The audit screen's rows for one selection. */
export interface AuditEntries {
  /** Kept as the pages read (see RowPages), each entry as its {@link AuditRow}. */
  entries: RowPages<AuditRow>;
  /** More (older) entries exist beyond the loaded ones. */
  hasMore: boolean;
  /** True until the first page of this selection is read. */
  loading: boolean;
  failed: boolean;
  /** Reads the next older page (no-op while one is being read, or at the end). */
  loadMore(): void;
}

interface ListState {
  key: string;
  entries: RowPages<AuditRow>;
  cursor: AuditCursor | undefined;
  loading: boolean;
  busy: boolean;
  failed: boolean;
  /** Bumped whenever the list starts over, so a page read for the old list is dropped. */
  generation: number;
}

/**
 * The audit log for a selection, newest first, read page by page through
 * core/queries' `auditLog` (a keyset cursor, so page 2,000 costs what page 1
 * does) as the list is scrolled. New entries (a command anywhere, another tab,
 * sync) appear on top at once: a live query watches the newest matching
 * entry and the rows newer than the shown top are read and put above.
 *
 * @example const { entries, hasMore, loadMore } = useAuditEntries({ action: 'STAFF_SAVED' });
 */
export function useAuditEntries(selection: AuditSelection): AuditEntries {
  const { db } = useAppData();
  const key = selectionKey(selection);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const state = useRef<ListState>({ key: '', entries: RowPages.of(), cursor: undefined, loading: true, busy: false, failed: false, generation: 0 });
  const [, setVersion] = useState(0);
  const changed = () => setVersion((version) => version + 1);

  useEffect(() => {
    state.current = { key, entries: RowPages.of(), cursor: undefined, loading: true, busy: true, failed: false, generation: state.current.generation + 1 };
    changed();
    const current = () => state.current.key === key;
    // One read of newer entries at a time; a change noticed meanwhile (or while the first page
    // loads) asks for one more read afterwards, so no entry is ever missed.
    let reading = false;
    let pending = false;
    async function readNewer(): Promise<void> {
      if (reading || state.current.loading) {
        pending = true;
        return;
      }
      reading = true;
      try {
        do {
          pending = false;
          const top = state.current.entries.at(0);
          const since = selectionRef.current.from;
          const from = top && (!since || top.at > since) ? top.at : since;
          const fresh = await auditLog(db, { ...selectionRef.current, ...(from ? { from } : {}), limit: nextPageSize });
          if (!current()) return;
          // More new entries than one page (a big sync): start the list over from them, so no gap
          // opens between the new page and the old top; scrolling reads on from the cursor.
          const shown = state.current.entries.at(0);
          state.current = fresh.nextCursor
            ? { ...state.current, entries: RowPages.of([fresh.entries.map(auditRow)]), cursor: fresh.nextCursor, generation: state.current.generation + 1 }
            : { ...state.current, entries: state.current.entries.prepended(withNewerOnTop(shown ? [shown] : [], fresh.entries.map(auditRow)).slice(0, shown ? -1 : undefined)) };
          changed();
        } while (pending);
      } finally {
        reading = false;
      }
    }
    auditLog(db, { ...selectionRef.current, limit: firstPageSize }).then(
      (page) => {
        if (!current()) return;
        state.current = { ...state.current, entries: RowPages.of([page.entries.map(auditRow)]), cursor: page.nextCursor, loading: false, busy: false };
        changed();
        if (pending) void readNewer();
      },
      () => {
        if (!current()) return;
        state.current = { ...state.current, loading: false, busy: false, failed: true };
        changed();
      },
    );
    const subscription = liveQuery(() => auditLog(db, { ...selectionRef.current, limit: 1 })).subscribe({
      next: (page) => {
        const head = page.entries[0];
        const top = state.current.entries.at(0);
        if (!current() || !head || (top && head.deviceId === top.deviceId && head.seq === top.seq)) return;
        void readNewer();
      },
    });
    return () => subscription.unsubscribe();
    // The key names the whole selection; the object itself is new every render.
  }, [db, key]);

  const loadMore = useCallback(() => {
    const list = state.current;
    if (list.busy || !list.cursor || list.key !== key) return;
    state.current = { ...list, busy: true };
    auditLog(db, { ...selectionRef.current, limit: nextPageSize, cursor: list.cursor }).then(
      (page) => {
        if (state.current.key !== key) return;
        if (state.current.generation !== list.generation) {
          state.current = { ...state.current, busy: false };
          return;
        }
        state.current = { ...state.current, entries: state.current.entries.appended(page.entries.map(auditRow)), cursor: page.nextCursor, busy: false };
        changed();
      },
      () => {
        if (state.current.key !== key) return;
        state.current = { ...state.current, busy: false, failed: true };
        changed();
      },
    );
  }, [db, key]);

  const list = state.current.key === key ? state.current : { entries: noRows, cursor: undefined, loading: true, failed: false };
  return { entries: list.entries, hasMore: list.cursor !== undefined, loading: list.loading, failed: list.failed, loadMore };
}
