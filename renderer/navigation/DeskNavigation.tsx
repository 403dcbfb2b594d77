import { useEffect } from 'react';
import { isManager } from '../../core/commands';
import { text } from '../i18n';
import { useSession } from '../session/session-store';
import { useDeskScreen } from './desk-screen-store';
import type { DeskScreen } from './desk-screen-store';
import './navigation.css';

/**
 * The bar that switches the desk between the day sheet, administration and
 * the audit log. Front-desk staff see only the day sheet, so the bar is not
 * drawn for them; whoever signs in starts on the day sheet.
 *
 * @example <DeskNavigation />
 */
export function DeskNavigation() {
  const staff = useSession((state) => state.staff);
  const screen = useDeskScreen((state) => state.screen);
  const show = useDeskScreen((state) => state.show);
  const staffId = staff?.staffId;
  useEffect(() => show('day'), [staffId, show]);
  if (!staff || !isManager(staff)) return null;
  const items: { screen: DeskScreen; label: string }[] = [
    { screen: 'day', label: text.nav.daySheet },
    { screen: 'admin', label: text.nav.admin },
    { screen: 'audit', label: text.nav.audit },
    { screen: 'sync', label: text.nav.sync },
    { screen: 'attention', label: text.nav.needsAttention },
    { screen: 'backups', label: text.nav.backups },
    { screen: 'reports', label: text.nav.reports },
  ];
  return (
    <nav className="desk-nav" aria-label={text.nav.label}>
      <span className="desk-nav-app">{text.appName}</span>
      {items.map((item) => (
        <button key={item.screen} type="button" aria-current={screen === item.screen ? 'page' : undefined} onClick={() => show(item.screen)}>
          {item.label}
        </button>
      ))}
    </nav>
  );
}

/**
 * The screen the desk may show this staff member: anything but the day
 * sheet needs a manager or admin.
 *
 * @example allowedScreen('audit', 'front_desk') // 'day'
 */
export function allowedScreen(screen: DeskScreen, role: Parameters<typeof isManager>[0]['role'] | undefined): DeskScreen {
  // The inbox is for whoever is at the desk: front-desk staff settle double bookings too.
  return screen !== 'day' && screen !== 'attention' && (role === undefined || !isManager({ staffId: '', displayName: '', role })) ? 'day' : screen;
}
