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
  const words = text.needsAttention;
  return (side) => {
    const name = deskNames[side.deviceId]?.trim();
    if (side.own) return name ? `${words.thisDesk} (${name})` : words.thisDesk;
    return name ? words.otherDesk(name) : words.unnamedDesk(side.deviceId);
  };
}
