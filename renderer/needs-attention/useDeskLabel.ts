import { text } from '../i18n';
import { useDeskNames } from '../sync/useDeskNames';

/** One side of a concurrent edit: which desk made it, and whether that was this one. */
export interface DeskSide {
  deviceId: string;
  own: boolean;
}

/**
 * How a Needs attention card names a desk: "this desk (Front desk 1)",
 * "Front desk 2", or the device id when the server has not sent its name yet.
 *
 * @example const desk = useDeskLabel(); desk(edit.other) // 'Front desk 2'
 */
export function useDeskLabel(): (side: DeskSide) => string {
  const deskNames = useDeskNames();
  return (side) => deskLabel(deskNames, side);
}

/**
 * {@link useDeskLabel}'s words for one side, given the clinic's desk names.
 *
 * @example deskLabel({ 'desk-b': 'Front desk 2' }, { deviceId: 'desk-b', own: false }) // 'Front desk 2'
 */
export function deskLabel(deskNames: Readonly<Record<string, string>>, side: DeskSide): string {
  const words = text.needsAttention;
  const name = deskNames[side.deviceId]?.trim();
  if (side.own) return name ? `${words.thisDesk} (${name})` : words.thisDesk;
  return name ? words.otherDesk(name) : words.unnamedDesk(side.deviceId);
}
