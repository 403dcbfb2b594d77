import { text } from '../i18n';
import { ConflictCard } from './ConflictCard';
import { useOpenConflicts } from './useOpenConflicts';
import './needs-attention.css';

/**
 * The "Needs attention" inbox: every open double booking the sync server
 * found, with the appointments, patients, time and desks involved, and the
 * ways to settle it (reschedule one, cancel one with a reason, or keep both
 * under a manager's override).
 *
 * @example <NeedsAttention />
 */
export function NeedsAttention() {
  const conflicts = useOpenConflicts();
  return (
    <section className="needs-attention" aria-labelledby="needs-attention-title">
      <h1 id="needs-attention-title">{text.needsAttention.title}</h1>
      <p>{text.needsAttention.intro}</p>
      {conflicts.status === 'ready' && conflicts.value.length === 0 ? <p data-testid="needs-attention-empty">{text.needsAttention.empty}</p> : null}
      {conflicts.status === 'ready' ? (
        <ul className="conflict-list" aria-label={text.needsAttention.title}>
          {conflicts.value.map((conflict) => (
            <li key={conflict.id}>
              <ConflictCard conflict={conflict} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
