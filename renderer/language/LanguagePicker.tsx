import { deskLanguages } from '../../core/model';
import type { DeskLanguage } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useClinicSettings } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { useLiveQuery } from '../data/useLiveQuery';
import { messagesIn, problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { useSession } from '../session/session-store';
import { clinicHasNoWords, clinicLanguage } from './language-choice';
import { ownName } from './language-names';
import './language.css';

/**
 * The signed-in staff member's own language, in the status bar: the
 * clinic's (the first choice) or one of the desk's languages, each named in
 * itself. Choosing runs `staff/set-language`, so the choice is audited and
 * follows them to every desk; the desk switches as soon as it is stored.
 *
 * @example <LanguagePicker />
 */
export function LanguagePicker() {
  const { db } = useAppData();
  const clinic = useClinicSettings();
  const staffId = useSession((state) => state.staff?.staffId);
  const member = useLiveQuery(`staff-language:${staffId ?? ''}`, () => (staffId === undefined ? Promise.resolve(undefined) : db.staff.get(staffId)));
  const run = useCommand();
  const show = useNotices((state) => state.show);
  if (staffId === undefined || member.status !== 'ready') return null;
  const fallback = clinicLanguage(clinic.locale);

  async function choose(value: string) {
    if (staffId === undefined) return;
    const language = value === '' ? null : (value as DeskLanguage);
    const result = await run('staff/set-language', { staffId, language });
    // Worded in the language just chosen: the screen is about to switch to it.
    const words = messagesIn(language ?? fallback).language;
    if (result.ok) show(words.saved(ownName(language ?? fallback)));
    else show('field' in result.error ? problemSentence(result.error) : result.error.message, { tone: 'error' });
  }

  return (
    <label className="status-language" title={clinicHasNoWords(clinic.locale) ? text.language.noTranslation(clinic.locale) : text.language.hint}>
      <span>{text.language.label}</span>
      <select value={member.value?.language ?? ''} onChange={(event) => void choose(event.target.value)}>
        <option value="">{text.language.clinicDefault(ownName(fallback))}</option>
        {deskLanguages.map((language) => (
          <option key={language} value={language} lang={language}>
            {ownName(language)}
          </option>
        ))}
      </select>
    </label>
  );
}
