import type { VisitRef } from '../../core/queries';
import type { DayItem } from '../data/day-sheet';

/**
 * How the confirmation commands name a day-sheet item: a computed series
 * visit by its series and rule start, anything else by its appointment id.
 *
 * @example visitRefOf({ id: 'a1', source: 'appointment', … }) // { appointmentId: 'a1' }
 */
export function visitRefOf(item: Pick<DayItem, 'id' | 'source' | 'seriesId' | 'originalStart'>): VisitRef {
  return item.source === 'occurrence' && item.seriesId && item.originalStart ? { seriesId: item.seriesId, originalStart: item.originalStart } : { appointmentId: item.id };
}
