import { create } from 'zustand';
import type { SyncClient, SyncStatus } from '../../core/sync';

/** Why finishing an enrollment after the desktop app's reload failed, with the form to show again (no code: it may be spent). */
export interface ResumeProblem {
  serverUrl: string;
  deskName: string;
  code: string;
  message: string;
  field: 'serverUrl' | 'code' | null;
}

/** The running sync client and its latest status, for the status bar, settings and inbox. */
export interface SyncStoreState {
  /** Null while this desk is not enrolled (or before the client starts). */
  status: SyncStatus | null;
  client: SyncClient | null;
  /** Set by useResumePendingEnrollment when the enrollment it finished was refused; Settings → Sync shows it. */
  resumeProblem: ResumeProblem | null;
  attach(client: SyncClient | null): void;
  publish(status: SyncStatus | null): void;
  setResumeProblem(problem: ResumeProblem | null): void;
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
  resumeProblem: null,
  attach: (client) => set({ client }),
  publish: (status) => set({ status }),
  setResumeProblem: (resumeProblem) => set({ resumeProblem }),
}));
