import { useDoubleBooked } from './double-booked-store';

/**
 * Whether an open double booking names this appointment (the day view's red
 * marker); re-renders only when the answer changes.
 *
 * @example const doubleBooked = useIsDoubleBooked(item.id);
 */
export function useIsDoubleBooked(appointmentId: string): boolean {
  return useDoubleBooked((state) => state.ids.has(appointmentId));
}
