import { useMemo } from 'react';
import { defaultClinicSettings, readClinicSettings } from '../../core/db';
import type { ClinicSettings } from '../../core/db';
import { deskLanguage, displayLocale } from '../i18n';
import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';

/**
 * The clinic's settings (name, zone, locale), live, as screens write them:
 * `locale` is the one dates and numbers are written in, the clinic's own or
 * the signed-in staff member's language in the clinic's region (`es-US`);
 * see {@link useClinicSettings} for the stored values. The defaults until
 * they load.
 *
 * @example const { timeZone, locale } = useClinic();
 */
export function useClinic(): ClinicSettings {
  const settings = useClinicSettings();
  const language = deskLanguage();
  return useMemo(() => ({ ...settings, locale: displayLocale(settings.locale, language) }), [settings, language]);
}

/**
 * The clinic's settings as stored, live; until they are first read, the
 * last ones this database showed (so a screen mounted again, e.g. after a
 * language switch, never flashes the defaults' "Clinic" in UTC), else the
 * defaults.
 */
export function useClinicSettings(): ClinicSettings {
  return useLoadedClinicSettings() ?? defaultClinicSettings;
}

const lastRead = new WeakMap<object, ClinicSettings>();

/** The clinic's settings as stored, live, or `undefined` until this database's settings have been read once. */
export function useLoadedClinicSettings(): ClinicSettings | undefined {
  const { db } = useAppData();
  const result = useLiveQuery('clinic', () => readClinicSettings(db));
  if (result.status === 'ready') {
    lastRead.set(db, result.value);
    return result.value;
  }
  return lastRead.get(db);
}
