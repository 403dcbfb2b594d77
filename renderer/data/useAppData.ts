import { useContext } from 'react';
import { DataContext } from './DataProvider';
import type { AppData } from './app-database';

/**
 * The opened database and command runner. Only hooks in renderer/data call
 * this; features use the named hooks (useDay, useCommand, …).
 *
 * @example const { commands } = useAppData();
 */
export function useAppData(): AppData {
  const data = useContext(DataContext);
  if (!data) throw new Error('useAppData must be used inside <DataProvider>.');
  return data;
}
