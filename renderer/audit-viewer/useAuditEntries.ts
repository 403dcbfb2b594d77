import { liveQuery } from 'dexie';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry } from '../../core/audit';
import { auditLog } from '../../core/queries';
import type { AuditCursor } from '../../core/queries';
import { useAppData } from '../data/useAppData';
import type { AuditSelection } from './audit-filter';
import { selectionKey } from './audit-filter';
import { withNewerOnTop } from './audit-order';

/** Rows read when a selection is first shown: a screenful and a half. */
const firstPageSize = 60;
/** Rows read each time the list is scrolled near its end. */
const nextPageSize = 500;

/** The audit screen's rows for one selection. */
export interface AuditEntries {
  entries: readonly AuditEntry[];
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
  entries: AuditEntry[];
  cursor: AuditCursor | undefined;
  loading: boolean;
  busy: boolean;
  failed: boolean;
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
  const state = useRef<ListState>({ key: '', entries: [], cursor: undefined, loading: true, busy: false, failed: false });
  const [, setVersion] = useState(0);
  const changed = () => setVersion((version) => version + 1);

  useEffect(() => {
    state.current = { key, entries: [], cursor: undefined, loading: true, busy: true, failed: false };
    changed();
    const current = () => state.current.key === key;
    let readingNewer = false;
    auditLog(db, { ...selectionRef.current, limit: firstPageSize }).then(
      (page) => {
        if (!current()) return;
        state.current = { ...state.current, entries: withNewerOnTop(state.current.entries, page.entries), cursor: page.nextCursor, loading: false, busy: false };
        changed();
      },
      () => {
        if (!current()) return;
        state.current = { ...state.current, loading: false, busy: false, failed: true };
        changed();
      },
    );
    const newest = liveQuery(() => auditLog(db, { ...selectionRef.current, limit: 1 }));
    const subscription = newest.subscribe({
      next: async (page) => {
        const top = state.current.entries[0];
        const head = page.entries[0];
        if (!current() || state.current.loading || !head || readingNewer) return;
        if (top && head.deviceId === top.deviceId && head.seq === top.seq) return;
        readingNewer = true;
        try {
          const from = top && (!selectionRef.current.from || top.at > selectionRef.current.from) ? top.at : selectionRef.current.from;
          const fresh = await auditLog(db, { ...selectionRef.current, ...(from ? { from } : {}), limit: nextPageSize });
          if (!current()) return;
          state.current = { ...state.current, entries: withNewerOnTop(state.current.entries, fresh.entries) };
          changed();
        } finally {
          readingNewer = false;
        }
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
        state.current = { ...state.current, entries: [...state.current.entries, ...page.entries], cursor: page.nextCursor, busy: false };
        changed();
      },
      () => {
        if (state.current.key !== key) return;
        state.current = { ...state.current, busy: false, failed: true };
        changed();
      },
    );
  }, [db, key]);

  const list = state.current.key === key ? state.current : { entries: [], cursor: undefined, loading: true, failed: false };
  return { entries: list.entries, hasMore: list.cursor !== undefined, loading: list.loading, failed: list.failed, loadMore };
}
