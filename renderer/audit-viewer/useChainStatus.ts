import { useCallback, useEffect, useState } from 'react';
import type { AuditChainReport, IncrementalCheck } from '../../core/audit';
import { checkAuditChainSinceVerified } from '../../core/commands';
import { useAppData } from '../data/useAppData';

/** What the screen shows of a check (the export's whole-chain report has no verified head to tell of). */
export type ShownCheck = Pick<IncrementalCheck, 'report' | 'scope' | 'wholeChainBecause' | 'previous' | 'next'>;

/** The stored chain's state on the audit screen; `at` is when the check finished (epoch ms). */
export type ChainStatus = { status: 'checking'; wholeChain: boolean } | { status: 'checked'; check: ShownCheck; at: number } | { status: 'failed'; error: unknown };

/**
 * Verifies this desk's stored audit chain when the screen opens — only the
 * entries written since the last clean check (core/commands'
 * `checkAuditChainSinceVerified`, which falls back to the whole chain when the
 * entry it verified last changed or vanished, and records a break once as
 * AUDIT_CHAIN_BROKEN). `recheck()` checks the newest entries again,
 * `verifyWhole()` every entry from the first; `show(report)` puts the
 * export's own whole-chain verification on screen.
 *
 * @example const { chain, recheck, verifyWhole } = useChainStatus();
 */
export function useChainStatus(): { chain: ChainStatus; recheck(): void; verifyWhole(): void; show(report: AuditChainReport): void } {
  const { auth } = useAppData();
  const [chain, setChain] = useState<ChainStatus>({ status: 'checking', wholeChain: false });
  // A new object per request, so asking twice for the same kind of check runs it twice.
  const [request, setRequest] = useState({ wholeChain: false });
  useEffect(() => {
    let open = true;
    setChain({ status: 'checking', wholeChain: request.wholeChain });
    // Overlapping checks (strict mode, a button pressed again) are safe: core records a break once,
    // inside its own transaction, and moves the verified head only from where it read it.
    checkAuditChainSinceVerified(auth, { wholeChain: request.wholeChain }).then(
      (check) => open && setChain({ status: 'checked', check, at: auth.clock() }),
      (error: unknown) => open && setChain({ status: 'failed', error }),
    );
    return () => {
      open = false;
    };
  }, [auth, request]);
  const recheck = useCallback(() => setRequest({ wholeChain: false }), []);
  const verifyWhole = useCallback(() => setRequest({ wholeChain: true }), []);
  const show = useCallback(
    (report: AuditChainReport) => setChain({ status: 'checked', check: { report, scope: 'whole-chain', wholeChainBecause: 'asked', previous: null, next: null }, at: auth.clock() }),
    [auth],
  );
  return { chain, recheck, verifyWhole, show };
}
