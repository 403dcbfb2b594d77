import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import type { EditSide, OpenEdit } from './open-edits';
import { deskLabel } from './useDeskLabel';

/** What a concurrent-edit card says: the sentence naming both changes, and whose change the booking shows. */
export interface EditWording {
  sentence: string;
  keptNote: string;
}

/**
 * A concurrent edit in words: "Dana Desk on Front desk 2 moved this to
 * 11:00 while Jo Smith on this desk (Front desk 1) moved it to 10:00." —
 * each change named by the staff member who made it and their desk, or by
 * the desk alone when the conflict record (made before names were kept)
 * and this desk's staff records do not say who.
 *
 * @example editWording(edit, { deskNames, format }).sentence // 'Dana Desk on Front desk 2 moved this to Nov 25, 11:00 AM while …'
 */
export function editWording(edit: OpenEdit, context: { deskNames: Readonly<Record<string, string>>; format: ClinicFormat }): EditWording {
  const words = text.needsAttention;
  const who = (side: EditSide) => {
    const desk = deskLabel(context.deskNames, side);
    return side.staffName === null ? desk : words.staffOnDesk(side.staffName, desk);
  };
  const change = (side: EditSide, pronoun: 'this' | 'it') => {
    const when = side.start !== null ? context.format.dateTime(side.start) : (side.wallStart?.replace('T', ' ') ?? '');
    const parts: string[] = [];
    if (edit.slotChanged) parts.push(when ? words.editMoved(pronoun, when) : words.editChanged(pronoun));
    if (edit.statusChanged && side.status !== null) {
      const first = parts.length === 0 ? pronoun : 'it';
      parts.push(side.status === 'cancelled' ? words.editCancelled(first) : words.editMarked(first, text.statuses[side.status].toLowerCase()));
    }
    if (parts.length === 0) return words.editChanged(pronoun);
    return parts.length === 1 ? (parts[0] as string) : words.editAnd(parts[0] as string, parts[1] as string);
  };
  return {
    sentence: words.editSentence(capitalise(who(edit.other)), change(edit.other, 'this'), who(edit.kept), change(edit.kept, 'it')),
    keptNote: words.editKeptNote(deskLabel(context.deskNames, edit.kept)),
  };
}

const capitalise = (words: string) => (words.length === 0 ? words : `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}`);
