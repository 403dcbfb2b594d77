import { text } from '../i18n';
import type { ChainStatus as ChainState } from './useChainStatus';

/** Props of {@link ChainStatus}. */
export interface ChainStatusProps {
  chain: ChainState;
  onRecheck(): void;
}

/**
 * The stored chain's verification: "Chain verified" with the entry count and
 * the head hash (to compare with a server checkpoint or an export's
 * manifest), or, in red, the first broken entry and what is wrong with it.
 *
 * @example <ChainStatus chain={chain} onRecheck={recheck} />
 */
export function ChainStatus({ chain, onRecheck }: ChainStatusProps) {
  const words = text.auditViewer;
  let body;
  let tone = 'checking';
  if (chain.status === 'checking') {
    body = <strong>{words.chainChecking}</strong>;
  } else if (chain.status === 'failed') {
    tone = 'broken';
    body = <strong>{words.chainCheckFailed}</strong>;
  } else if (chain.report.ok) {
    tone = 'ok';
    body = (
      <>
        <strong>{words.chainVerified}</strong> <span>{words.chainCount(chain.report.count)}</span>{' '}
        <span className="chain-head">
          {words.headHash} <code data-testid="chain-head">{chain.report.headHash}</code>
        </span>
      </>
    );
  } else {
    tone = 'broken';
    body = (
      <>
        <strong>{words.chainBroken(chain.report.seq, words.problems[chain.report.problem])}</strong> <span>{chain.report.message}</span>
      </>
    );
  }
  return (
    <section className={`chain-status chain-${tone}`} aria-label={words.chainLabel} data-testid="chain-status" data-state={tone}>
      <p role="status">{body}</p>
      <button type="button" onClick={onRecheck} disabled={chain.status === 'checking'}>
        {words.recheck}
      </button>
    </section>
  );
}
