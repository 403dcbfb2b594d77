import type { CommandCall } from '../appointment-dialog/edit-scope';
import { freedTime } from '../../core/waitlist';
import type { FreedSpan, VisitPlace } from '../../core/waitlist';
import { wallTimeToInstant } from '../../core/time';

/**
 * Where a visit is, from its wall time on its clock and its length: the
 * engine's instants (`end` is `start` plus the length in real minutes).
 *
 * @example visitPlace({ wallStart: '2027-01-12T10:30', timeZone: 'America/New_York', durationMinutes: 40, resourceIds: ['dr-lee'] }) // { start: <15:30Z>, end: <16:10Z>, resourceIds: ['dr-lee'] }
 */
export function visitPlace(visit: { wallStart: string; timeZone: string; durationMinutes: number; resourceIds: readonly string[] }): VisitPlace {
  const start = wallTimeToInstant(visit.wallStart, visit.timeZone, 'wallStart');
  return { start, end: start + visit.durationMinutes * 60_000, resourceIds: visit.resourceIds };
}

/**
 * What a saved edit of one visit freed (core/waitlist `freedTime` of its
 * place before and after): the old time of a move, the tail of a
 * shortening, nothing for a change of words or a longer visit. An edit of
 * many visits of a series (`series/edit-following`, `series/edit-all`)
 * reports nothing: it frees a slot on every week, and the notice is about
 * the moment's one slot.
 *
 * @example freedByEdit(item, { ...edit, durationMinutes: 20 }, [{ name: 'appointment/move', args }]) // [{ resourceId: 'dr-lee', start: <10:50>, end: <11:10> }]
 */
export function freedByEdit(
  before: { wallStart: string; timeZone: string; durationMinutes: number; resourceIds: readonly string[] },
  after: { wallStart: string; timeZone: string; durationMinutes: number; resourceIds: readonly string[] },
  calls: readonly CommandCall[],
): FreedSpan[] {
  const [call, ...more] = calls;
  if (call === undefined || more.length > 0 || (call.name !== 'appointment/move' && call.name !== 'occurrence/edit')) return [];
  return freedTime(visitPlace(before), visitPlace(after));
}
