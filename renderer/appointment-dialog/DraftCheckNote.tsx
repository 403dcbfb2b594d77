import type { Resource } from '../../core/model';
import type { ClinicFormat } from '../i18n';
import { singleVisitFlags } from './occurrence-flags';
import { CheckStatus } from './CheckStatus';
import { useConflictNames } from './useConflictNames';
import type { DraftCheckState } from './useDraftCheck';
import { VisitFlags } from './VisitFlags';
import './booking-preview.css';

/** Props of {@link DraftCheckNote}. */
export interface DraftCheckNoteProps {
  state: DraftCheckState;
  /** The chosen start, `HH:mm`. */
  time: string;
  format: ClinicFormat;
  resources: readonly Resource[];
}

/**
 * The dry run for a single appointment, under its date and time: the same
 * flags as a series' preview (clock change, closure, conflict naming whom,
 * hours), so the receptionist sees a problem before pressing Save.
 *
 * @example <DraftCheckNote state={state} time="10:00" format={format} resources={resources} />
 */
export function DraftCheckNote({ state, time, format, resources }: DraftCheckNoteProps) {
  const check = state.status === 'ready' ? state.check : null;
  const namesOf = useConflictNames(check ? [...check.hard, ...check.warnings] : [], format);
  const flags = check ? singleVisitFlags(check, time) : [];
  return (
    // One live region at a time: the flags, or CheckStatus's own status line (nested regions are read twice).
    <div className="draft-check" data-testid="draft-check">
      {flags.length > 0 ? (
        <p className="draft-check-flags" role="status" data-flags={flags.map((flag) => flag.kind).join(' ')}>
          <VisitFlags flags={flags} resources={resources} namesOf={namesOf} lead="" format={format} />
        </p>
      ) : (
        <CheckStatus state={state} />
      )}
    </div>
  );
}
