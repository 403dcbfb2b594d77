import { text } from '../i18n';
import { problemCounts } from './occurrence-flags';
import type { DraftCheckState } from './useDraftCheck';

/**
 * One line on where the dry run stands: checking, nothing found, or how
 * many visits have which problem ("1 on a closed day, 1 conflict — of 10
 * visits checked"). Announced politely to screen readers.
 *
 * @example <CheckStatus state={state} />
 */
export function CheckStatus({ state }: { state: DraftCheckState }) {
  let line: string | null = null;
  if (state.status === 'checking') line = text.preview.checking;
  else if (state.status === 'failed') line = text.preview.checkFailed;
  else if (state.status === 'ready') {
    const counts = problemCounts(state.check);
    const parts = [
      ...(counts.closed > 0 ? [text.preview.countClosed(counts.closed)] : []),
      ...(counts.blocked > 0 ? [text.preview.countBlocked(counts.blocked)] : []),
      ...(counts.conflict > 0 ? [text.preview.countConflict(counts.conflict)] : []),
      ...(counts.outsideHours > 0 ? [text.preview.countOutsideHours(counts.outsideHours)] : []),
    ];
    line = parts.length === 0 ? text.preview.clear(counts.visits) : text.preview.counts(parts, counts.visits);
  }
  return (
    <p className="muted draft-check-status" role="status" data-testid="draft-check-status">
      {line}
    </p>
  );
}
