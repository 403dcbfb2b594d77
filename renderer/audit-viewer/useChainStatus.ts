import { useCallback, useEffect, useState } from 'react';
import type { AuditChainReport } from '../../core/audit';
import { checkStoredAuditChain } from '../../core/commands';
import { useAppData } from '../data/useAppData';

/** The stored chain's state on the audit screen. */
export type ChainStatus = { status: 'checking' } | { status: 'checked'; report: AuditChainReport } | { status: 'failed'; error: unknown };

/**
 * Verifies this desk's stored audit chain when the screen opens (core/commands'
 * `checkStoredAuditChain`: every hash and link, no gaps, up to the head the
 * device remembers; a break is itself recorded once as AUDIT_CHAIN_BROKEN).
 * `show(report)` puts a fresher report on screen (the export verifies again).
 *
 * @example const { chain, recheck } = useChainStatus();
 */
export function useChainStatus(): { chain: ChainStatus; recheck(): void; show(report: AuditChainReport): void } {
  const { auth } = useAppData();
  const [chain, setChain] = useState<ChainStatus>({ status: 'checking' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let open = true;
    setChain({ status: 'checking' });
    // Overlapping checks (strict mode, "Verify again") are safe: core records a break once, inside its own transaction.
    checkStoredAuditChain(auth).then(
      (report) => open && setChain({ status: 'checked', report }),
      (error: unknown) => open && setChain({ status: 'failed', error }),
    );
    return () => {
      open = false;
    };
  }, [auth, round]);
  const recheck = useCallback(() => setRound((value) => value + 1), []);
  const show = useCallback((report: AuditChainReport) => setChain({ status: 'checked', report }), []);
  return { chain, recheck, show };
}
