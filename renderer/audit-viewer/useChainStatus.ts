import { useCallback, useEffect, useState } from 'react';
import type { AuditChainReport } from '../../core/audit';
import { checkStoredAuditChain } from '../../core/commands';
import { useAppData } from '../data/useAppData';

/**
 * One check at a time per database: two overlapping checks of a broken chain
 * would both find the break unrecorded and record it twice (React's strict
 * mode mounts effects twice in development; "Verify again" could overlap the
 * first check). A caller arriving during a check shares its answer.
 */
const running = new WeakMap<object, Promise<AuditChainReport>>();

function checkOnce(env: Parameters<typeof checkStoredAuditChain>[0]): Promise<AuditChainReport> {
  const inFlight = running.get(env.db);
  if (inFlight) return inFlight;
  const check = checkStoredAuditChain(env).finally(() => running.delete(env.db));
  running.set(env.db, check);
  return check;
}

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
    checkOnce(auth).then(
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
