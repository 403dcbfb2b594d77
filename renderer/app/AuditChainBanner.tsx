import { useState } from 'react';
import { isManager } from '../../core/commands';
import { useStartupChainCheck } from '../data/useStartupChainCheck';
import { text } from '../i18n';
import { useSession } from '../session/session-store';

/**
 * The red banner for a broken audit chain, found by the start-up check. It
 * shows to everyone, on every screen (sign-in included), naming the first
 * bad entry, until a manager or admin acknowledges it for this session; the
 * next start checks again, and the break itself stays in the log.
 *
 * @example <AuditChainBanner />
 */
export function AuditChainBanner() {
  const check = useStartupChainCheck();
  const staff = useSession((state) => state.staff);
  const locked = useSession((state) => state.locked);
  const [acknowledged, setAcknowledged] = useState(false);
  if (acknowledged || check.status === 'checking' || (check.status === 'checked' && check.report.ok)) return null;
  const message = check.status === 'checked' && !check.report.ok ? text.chainBanner.message(check.report.seq) : text.chainBanner.checkFailed;
  const canAcknowledge = staff !== null && !locked && isManager(staff);
  return (
    <div className="chain-banner" role="alert" aria-label={text.chainBanner.label} data-testid="audit-chain-banner">
      <p>{message}</p>
      {canAcknowledge ? (
        <button type="button" onClick={() => setAcknowledged(true)} title={text.chainBanner.acknowledgeHint}>
          {text.chainBanner.acknowledge}
        </button>
      ) : null}
    </div>
  );
}
