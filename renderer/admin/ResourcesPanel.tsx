import { useState } from 'react';
import { resourceKinds } from '../../core/model';
import type { Resource, ResourceKind } from '../../core/model';
import { text } from '../i18n';
import { AdminTableHead } from './AdminTableHead';
import { ResourceForm } from './ResourceForm';
import { useAllResources } from './useAllResources';

/**
 * Providers, rooms and equipment: a table (name, kind, capacity, time zone,
 * colour, active) with Edit, and an Add button per kind.
 *
 * @example <ResourcesPanel />
 */
export function ResourcesPanel() {
  const words = text.admin;
  const resources = useAllResources();
  const [editing, setEditing] = useState<{ resource: Resource | null; kind: ResourceKind } | null>(null);
  return (
    <div>
      <div className="admin-actions">
        {resourceKinds.map((kind) => (
          <button key={kind} type="button" onClick={() => setEditing({ resource: null, kind })}>
            {words.addResource(text.resourceKinds[kind].one)}
          </button>
        ))}
      </div>
      {resources === undefined ? <p role="status">{text.app.loading}</p> : null}
      {resources && resources.length === 0 ? <p>{words.noResources}</p> : null}
      {resources && resources.length > 0 ? (
        <table className="admin-table" aria-label={words.sections.resources}>
          <AdminTableHead columns={[words.resourceName, words.kind, words.capacity, text.fields.timeZone, words.colour, words.active]} />
          <tbody>
            {resources.map((resource) => (
              <tr key={resource.id} className={resource.active ? '' : 'inactive'}>
                <th scope="row">{resource.name}</th>
                <td>{text.resourceKinds[resource.kind].one}</td>
                <td>{resource.capacity}</td>
                <td>{resource.timeZone}</td>
                <td>{resource.color ? <span className="swatch" style={{ background: resource.color }} aria-label={resource.color} role="img" /> : '—'}</td>
                <td>{resource.active ? words.yes : words.no}</td>
                <td>
                  <button type="button" onClick={() => setEditing({ resource, kind: resource.kind })} aria-label={words.editNamed(resource.name)}>
                    {words.edit}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? <ResourceForm resource={editing.resource} kind={editing.kind} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
