import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { chainStatusWords } from './chain-status-words';
import type { ChainStatus as ChainState } from './useChainStatus';

/** Props of {@link ChainStatus}. */
export interface ChainStatusProps {
  chain: ChainState;
  format: ClinicFormat;
  /** Checks the entries written since the last check. */
  onRecheck(): void;
  /** Verifies every entry from the first (edits to older entries show only so). */
  onVerifyWhole(): void;
}

/**
 * The stored chain's verification: "Chain verified up to entry N" with what
 * this check covered, when the whole log last verified, and the head hash
 * (to compare with a server checkpoint or an export's manifest); or, in red,
 * the first broken entry and what is wrong with it. "Check new entries" and
 * "Verify the whole log" run the check again.
 *
 * @example <ChainStatus chain={chain} format={format} onRecheck={recheck} onVerifyWhole={verifyWhole} />
 */
export function ChainStatus({ chain, format, onRecheck, onVerifyWhole }: ChainStatusProps) {
  const words = text.auditViewer;
  const shown = chainStatusWords(chain, format);
  const checking = chain.status === 'checking';
  return (
    <section className={`chain-status chain-${shown.tone}`} aria-label={words.chainLabel} data-testid="chain-status" data-state={shown.tone}>
      <div className="chain-words">
        <p role="status">
          {shown.cause ? <span data-testid="chain-cause">{shown.cause} </span> : null}
          <strong>{shown.verdict}</strong> {shown.detail ? <span data-testid="chain-detail">{shown.detail}</span> : null}{' '}
          {shown.headHash ? (
            <span className="chain-head">
              {words.headHash} <code data-testid="chain-head">{shown.headHash}</code>
            </span>
          ) : null}
        </p>
        {shown.lastWhole ? (
          <p className="chain-last-whole" data-testid="chain-last-whole">
            {shown.lastWhole}
          </p>
        ) : null}
      </div>
      <div className="chain-actions">
        <button type="button" onClick={onRecheck} disabled={checking}>
          {words.recheck}
        </button>
        <button type="button" onClick={onVerifyWhole} disabled={checking}>
          {words.verifyWhole}
        </button>
      </div>
    </section>
  );
}
