import type { DeskLanguage } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useLoadedClinicSettings } from '../data/useClinic';
import { useLiveQuery } from '../data/useLiveQuery';
import { useSession } from '../session/session-store';
import { chosenLanguage } from './language-choice';

/**
 * The language the desk shows now: the computer's on first run, the
 * clinic's at sign-in, the signed-in staff member's own choice (live from
 * their staff record, so a change made on another desk arrives with sync).
 * `undefined` while that is still being read (first run, the staff record).
 *
 * @example const language = useDeskLanguage(needsFirstRun)
 */
export function useDeskLanguage(needsFirstRun: boolean | undefined): DeskLanguage | undefined {
  const { db } = useAppData();
  const clinic = useLoadedClinicSettings();
  const staffId = useSession((state) => state.staff?.staffId);
  const member = useLiveQuery(`staff-language:${staffId ?? ''}`, () => (staffId === undefined ? Promise.resolve(undefined) : db.staff.get(staffId)));
  if (needsFirstRun === undefined) return undefined;
  if (needsFirstRun) return chosenLanguage({ kind: 'first-run', computerLocale: navigator.languages?.[0] ?? navigator.language });
  // The clinic's language is not known before its settings are read: wait rather than guess English.
  if (clinic === undefined) return undefined;
  if (staffId === undefined) return chosenLanguage({ kind: 'signed-out', clinicLocale: clinic.locale });
  // Until their record is read, nothing: showing the clinic's language for a moment would flash the desk.
  if (member.status === 'loading') return undefined;
  return chosenLanguage({ kind: 'signed-in', clinicLocale: clinic.locale, staffLanguage: member.status === 'ready' ? member.value?.language : undefined });
}
