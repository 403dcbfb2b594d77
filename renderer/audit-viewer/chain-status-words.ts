import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import type { ChainStatus } from './useChainStatus';

/** The chain status in words, each part in its own place on screen. */
export interface ChainStatusWords {
  tone: 'checking' | 'ok' | 'broken';
  /** The verdict: verified up to which entry, or where the chain broke. */
  verdict: string;
  /** What this check covered (new entries or the whole log, and when), or what is wrong. */
  detail: string | null;
  /** Why the whole log was verified when only new entries were due: the entry verified last changed or vanished. */
  cause: string | null;
  /** When the whole log last verified, after a check of new entries only (older edits show only then). */
  lastWhole: string | null;
  /** The head hash, to compare with a server checkpoint or an export's manifest. */
  headHash: string | null;
}

/**
 * Words for the audit screen's chain status: "Chain verified up to entry
 * 100,234 (checked 12 new entries at 9:05 AM)" and when the whole log last
 * verified; "Verifying…"; or the first break, with why the whole log was
 * checked when the entry verified last had changed or gone.
 *
 * @example chainStatusWords({ status: 'checking', wholeChain: false }, format).verdict // 'Verifying…'
 */
export function chainStatusWords(chain: ChainStatus, format: ClinicFormat): ChainStatusWords {
  const words = text.auditViewer;
  const none = { detail: null, cause: null, lastWhole: null, headHash: null };
  if (chain.status === 'checking') return { ...none, tone: 'checking', verdict: chain.wholeChain ? words.chainCheckingWhole : words.chainChecking };
  if (chain.status === 'failed') return { ...none, tone: 'broken', verdict: words.chainCheckFailed };
  const { report, scope, wholeChainBecause, previous, next } = chain.check;
  if (!report.ok) {
    let cause: string | null = null;
    if (previous && wholeChainBecause === 'verified-head-changed') cause = words.verifiedEntryChanged(previous.seq);
    if (previous && wholeChainBecause === 'verified-head-missing') cause = words.verifiedEntryMissing(previous.seq);
    return { ...none, tone: 'broken', verdict: words.chainBroken(report.seq, words.problems[report.problem]), detail: report.message, cause };
  }
  if (report.headSeq === 0) return { ...none, tone: 'ok', verdict: words.chainEmpty };
  const time = format.time(chain.at);
  const fullVerifiedAt = (next ?? previous)?.fullVerifiedAt;
  return {
    ...none,
    tone: 'ok',
    verdict: words.chainVerifiedUpTo(report.headSeq),
    detail: scope === 'new-entries' ? words.chainCheckedNew(report.count, time) : words.chainCheckedWhole(report.count, time),
    lastWhole: scope === 'new-entries' && fullVerifiedAt ? words.lastWholeCheck(format.dateTime(Date.parse(fullVerifiedAt))) : null,
    headHash: report.headHash,
  };
}
