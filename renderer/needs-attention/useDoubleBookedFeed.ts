import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import { useAppData } from '../data/useAppData';
import { useDoubleBooked } from './double-booked-store';

/**
 * Keeps {@link useDoubleBooked} equal to the appointment ids of the open
 * conflicts, live (a pull or a resolution on any desk updates it). Mount it
 * once, high in the tree.
 *
 * @example function SyncRunner() { useDoubleBookedFeed(); … }
 */
export function useDoubleBookedFeed(): void {
  const { db } = useAppData();
  const set = useDoubleBooked((state) => state.set);
  useEffect(() => {
    const subscription = liveQuery(() => db.conflicts.where('status').equals('open').toArray()).subscribe({
      next: (conflicts) => set(new Set(conflicts.flatMap((conflict) => (conflict.kind === 'double-booking' ? conflict.appointmentIds : [])))),
    });
    return () => subscription.unsubscribe();
  }, [db, set]);
}
