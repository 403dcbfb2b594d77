import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { isManager } from '../../core/commands';
import { text } from '../i18n';
import { useSession } from '../session/session-store';
import { ClosuresPanel } from './ClosuresPanel';
import { ResourcesPanel } from './ResourcesPanel';
import { SchedulesPanel } from '../schedule/SchedulesPanel';
import { CalendarFilesPanel } from '../calendar-files/CalendarFilesPanel';
import { StaffPanel } from './StaffPanel';
import './admin.css';

const sections = ['resources', 'hours', 'closures', 'staff', 'files'] as const;
type Section = (typeof sections)[number];

/**
 * Clinic administration for managers and admins: providers, rooms and
 * equipment; schedules (renderer/schedule: rotas, changed hours, breaks,
 * blockouts, leave); closures and holidays; staff accounts
 * (admins). Tabs follow the ARIA tabs pattern (←/→ move between them). The
 * role check here only hides what the engine would refuse anyway.
 *
 * @example <Administration />
 */
export function Administration() {
  const words = text.admin;
  const staff = useSession((state) => state.staff);
  const [section, setSection] = useState<Section>('resources');
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  if (!staff || !isManager(staff)) {
    return (
      <section className="admin" aria-labelledby="admin-title">
        <h1 id="admin-title">{words.title}</h1>
        <p role="alert">{words.managersOnly}</p>
      </section>
    );
  }

  function onKeyDown(event: KeyboardEvent) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = sections[(sections.indexOf(section) + step + sections.length) % sections.length] ?? 'resources';
    setSection(next);
    tabs.current[next]?.focus();
  }

  return (
    <section className="admin" aria-labelledby="admin-title">
      <h1 id="admin-title">{words.title}</h1>
      <div role="tablist" aria-label={words.sectionsLabel} className="admin-tabs" onKeyDown={onKeyDown}>
        {sections.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`admin-tab-${name}`}
            aria-selected={section === name}
            aria-controls={`admin-panel-${name}`}
            tabIndex={section === name ? 0 : -1}
            onClick={() => setSection(name)}
          >
            {words.sections[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`admin-panel-${section}`} aria-labelledby={`admin-tab-${section}`} className="admin-panel">
        {section === 'resources' ? <ResourcesPanel /> : null}
        {section === 'hours' ? <SchedulesPanel /> : null}
        {section === 'closures' ? <ClosuresPanel /> : null}
        {section === 'staff' ? <StaffPanel canEdit={staff.role === 'admin'} /> : null}
        {section === 'files' ? <CalendarFilesPanel /> : null}
      </div>
    </section>
  );
}
