import { useMemo, useState } from 'react';
import type { Closure } from '../../core/model';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { FormError } from '../forms/FormError';
import { errorsFor } from '../forms/field-errors';
import { clinicFormat, text } from '../i18n';
import { AdminTableHead } from './AdminTableHead';
import { ClosureForm } from './ClosureForm';
import { useAllResources } from './useAllResources';
import { useClosures } from './useClosures';

/**
 * Closures and holidays: the list (days, whole clinic or one resource,
 * reason), latest first, with Edit and Remove (`closure/remove`, audited),
 * and "Add closure".
 *
 * @example <ClosuresPanel />
 */
export function ClosuresPanel() {
  const words = text.admin;
  const clinic = useClinic();
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const closures = useClosures();
  const resources = useAllResources() ?? [];
  const names = new Map(resources.map((resource) => [resource.id, resource.name]));
  const [editing, setEditing] = useState<{ closure: Closure | null } | null>(null);
  const run = useCommand();
  const [problem, setProblem] = useState('');
  async function remove(closure: Closure) {
    setProblem('');
    try {
      const result = await run('closure/remove', { id: closure.id });
      if (!result.ok) setProblem(Object.values(errorsFor(result.error, []))[0] ?? text.app.unexpectedError);
    } catch {
      setProblem(text.app.unexpectedError);
    }
  }
  return (
    <div>
      <div className="admin-actions">
        <button type="button" onClick={() => setEditing({ closure: null })}>
          {words.addClosure}
        </button>
      </div>
      <FormError message={problem} />
      {closures === undefined ? <p role="status">{text.app.loading}</p> : null}
      {closures && closures.length === 0 ? <p>{words.noClosures}</p> : null}
      {closures && closures.length > 0 ? (
        <table className="admin-table" aria-label={words.sections.closures}>
          <AdminTableHead columns={[words.days, words.appliesTo, text.fields.reason]} />
          <tbody>
            {closures.map((closure) => (
              <tr key={closure.id}>
                <td>{closure.startDate === closure.endDate ? format.mediumDate(closure.startDate) : `${format.mediumDate(closure.startDate)} – ${format.mediumDate(closure.endDate)}`}</td>
                <td>{closure.resourceId === null ? words.wholeClinic : (names.get(closure.resourceId) ?? closure.resourceId)}</td>
                <th scope="row">{closure.reason}</th>
                <td>
                  <button type="button" onClick={() => setEditing({ closure })} aria-label={words.editNamed(closure.reason)}>
                    {words.edit}
                  </button>{' '}
                  <button type="button" className="danger" onClick={() => void remove(closure)} aria-label={words.removeNamed(closure.reason)}>
                    {words.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? <ClosureForm closure={editing.closure} resources={resources} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
