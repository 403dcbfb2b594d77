import { create } from 'zustand';
import type { SyncClient, SyncStatus } from '../../core/sync';

/** The running sync client and its latest status, for the status bar, settings and inbox. */
export interface SyncStoreState {
  /** Null while this desk is not enrolled (or before the client starts). */
  status: SyncStatus | null;
  client: SyncClient | null;
  attach(client: SyncClient | null): void;
  publish(status: SyncStatus | null): void;
}

/**
 * UI state only: the sync client `SyncRunner` started and what it last
 * reported. Data (conflicts, the outbox) stays in the database.
 *
 * @example const pending = useSyncStore((state) => state.status?.pending ?? 0);
 */
export const useSyncStore = create<SyncStoreState>()((set) => ({
  status: null,
  client: null,
  attach: (client) => set({ client }),
  publish: (status) => set({ status }),
}));
