import { useEffect } from 'react';
import { create } from 'zustand';
import type { AuditChainReport } from '../../core/audit';
import { checkStoredAuditChain } from '../../core/commands';
import { useAppData } from './useAppData';

/** The start-up check's state: running, its report, or an error (storage failure) when it could not run. */
export type StartupChainCheck = { status: 'checking' } | { status: 'checked'; report: AuditChainReport } | { status: 'failed'; error: unknown };

const useStartupCheckStore = create<{ check: StartupChainCheck; set(check: StartupChainCheck): void }>()((set) => ({
  check: { status: 'checking' },
  set: (check) => set({ check }),
}));

/** One start-up check per opened database, whatever mounts the hook (React's strict mode mounts effects twice). */
const started = new WeakSet<object>();

/**
 * Runs core/commands' `checkStoredAuditChain` once when the app has opened
 * its database (issue 3), after first paint and before anyone signs in, and
 * answers its state. A broken chain is recorded by the check itself (one
 * `AUDIT_CHAIN_BROKEN`, inside its transaction); the app shows the banner.
 *
 * @example const check = useStartupChainCheck(); if (check.status === 'checked' && !check.report.ok) showBanner(check.report.seq);
 */
export function useStartupChainCheck(): StartupChainCheck {
  const { auth } = useAppData();
  const check = useStartupCheckStore((state) => state.check);
  useEffect(() => {
    if (started.has(auth.db)) return;
    started.add(auth.db);
    const { set } = useStartupCheckStore.getState();
    checkStoredAuditChain(auth).then(
      (report) => set({ status: 'checked', report }),
      (error: unknown) => set({ status: 'failed', error }),
    );
  }, [auth]);
  return check;
}
