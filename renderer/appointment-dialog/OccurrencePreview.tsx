import type { Resource } from '../../core/model';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { CheckStatus } from './CheckStatus';
import { previewRows } from './occurrence-flags';
import type { PreviewRow } from './occurrence-flags';
import type { PreviewOccurrence } from './repeat-plan';
import { useConflictNames } from './useConflictNames';
import type { DraftCheckState } from './useDraftCheck';
import { VisitFlags } from './VisitFlags';
import './booking-preview.css';

/** Props of {@link OccurrencePreview}. */
export interface OccurrencePreviewProps {
  /** The repeat plan's first visits (with their clock-change flags). */
  preview: readonly PreviewOccurrence[];
  /** Whether the plan has more visits than `preview`. */
  more: boolean;
  /** The dry run for the whole series. */
  state: DraftCheckState;
  /** The chosen start, `HH:mm`. */
  time: string;
  format: ClinicFormat;
  resources: readonly Resource[];
}

/**
 * The visits a repeating booking will make, before it is saved: the first
 * ones at once with the clock-change flags, then — once the dry run is in —
 * each marked for a closure, a conflict (naming whom) or hours, plus every
 * later visit with a problem and a one-line count over the whole first year.
 *
 * @example <OccurrencePreview preview={plan.preview} more={plan.more} state={state} time="09:00" format={format} resources={resources} />
 */
export function OccurrencePreview({ preview, more, state, time, format, resources }: OccurrencePreviewProps) {
  const check = state.status === 'ready' ? state.check : null;
  const { rows, later } = previewRows(preview, check, time);
  const namesOf = useConflictNames(check ? [...check.hard, ...check.warnings] : [], format);
  const item = (row: PreviewRow) => (
    <li key={row.key} data-flags={row.flags.map((flag) => flag.kind).join(' ') || undefined}>
      {format.shortDate(row.local.slice(0, 10))} {format.time(row.start)}
      <VisitFlags flags={row.flags} resources={resources} namesOf={namesOf} format={format} />
    </li>
  );
  return (
    <>
      <ol data-testid="repeat-preview">
        {rows.map(item)}
        {more ? <li className="muted">{text.repeat.more}</li> : null}
      </ol>
      {later.length > 0 ? (
        <>
          <p className="repeat-later-title">{text.preview.laterTitle}</p>
          <ol data-testid="repeat-preview-later">{later.map(item)}</ol>
        </>
      ) : null}
      <CheckStatus state={state} />
    </>
  );
}
