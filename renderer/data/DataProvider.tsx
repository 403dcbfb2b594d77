import { createContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { text } from '../i18n';
import { openAppData } from './app-database';
import type { AppData } from './app-database';

/** The opened database and commands; `null` outside a {@link DataProvider}. */
export const DataContext = createContext<AppData | null>(null);

/**
 * Opens the local database once and hands it to everything below. While it
 * opens (or upgrades) the desk sees a short status line; if it cannot open
 * (storage disabled, disk full) it says so instead of showing an empty day.
 *
 * @example <DataProvider><App /></DataProvider>
 */
export function DataProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ data: AppData } | { error: unknown } | null>(null);
  useEffect(() => {
    let open = true;
    openAppData().then(
      (data) => (open ? setState({ data }) : data.db.close()),
      (error: unknown) => open && setState({ error }),
    );
    return () => {
      open = false;
    };
  }, []);
  if (state === null) return <p className="app-message" role="status">{text.app.opening}</p>;
  if ('error' in state) {
    return (
      <div className="app-message" role="alert">
        <h1>{text.app.openFailedTitle}</h1>
        <p>{text.app.openFailed}</p>
        <pre>{String(state.error)}</pre>
      </div>
    );
  }
  return <DataContext.Provider value={state.data}>{children}</DataContext.Provider>;
}
